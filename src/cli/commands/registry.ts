import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

const REGISTRY_HELP = 'registry directory, or "github" for GitHub Releases (default .mlci/registry)';

/** `mlci register` and `mlci registry list|show|promote|rollback`. */
export function registerRegistry(program: Command): void {
  const register = program
    .command('register')
    .summary('publish a model as the next immutable version')
    .description(
      'Registers a model that passed its gates as the next version <name>@v<N> with its sha256, ' +
        'metrics, data statistics and lineage. Registering the same model again returns the same version.'
    )
    .option('--model <file>', 'model to register (ONNX)')
    .option('--name <name>', 'model name')
    .option('--evaluation <file>', 'evaluation.json whose verdict admits the model')
    .option('--registry <dir>', REGISTRY_HELP)
    .option('--force', 'register even though the verdict is fail (recorded)');
  withExamples(withCommonOptions(register), [
    'mlci register --model model.onnx --name churn --evaluation out/eval/evaluation.json',
    'mlci register --model model.onnx --name churn --registry github --json'
  ]);
  notAvailableYet(register, 'register');

  const registry = program
    .command('registry')
    .description('list, inspect, promote and roll back model versions');
  const list = registry
    .command('list')
    .argument('[name]', 'model name')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(list), ['mlci registry list', 'mlci registry list churn --json']);
  notAvailableYet(list, 'registry list');
  const show = registry
    .command('show')
    .argument('<name>', 'model name, optionally @alias or @vN')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(show), ['mlci registry show churn@production']);
  notAvailableYet(show, 'registry show');
  const promote = registry
    .command('promote')
    .argument('<name>', 'model name')
    .argument('<version>', 'version, e.g. v3')
    .option('--alias <alias>', 'alias to move', 'production')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(promote), ['mlci registry promote churn v3 --alias production']);
  notAvailableYet(promote, 'registry promote');
  const rollback = registry
    .command('rollback')
    .argument('<name>', 'model name')
    .option('--alias <alias>', 'alias to move back', 'production')
    .option('--reason <text>', 'why (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(rollback), [
    'mlci registry rollback churn --alias production --reason "p99 regression"'
  ]);
  notAvailableYet(rollback, 'registry rollback');
}
