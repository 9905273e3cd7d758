import type { Command } from 'commander';
import { currentUser, PRODUCTION_ALIAS } from '../../../registry/record.js';
import { handle, printResult, withCommonOptions, withExamples } from '../../kit.js';
import { REGISTRY_HELP, describeMove, registryFor, type RegistryOptions } from './shared.js';

/** `mlci registry rollback name --alias A`. */
export function addRollbackCommand(registry: Command): void {
  const rollback = registry
    .command('rollback')
    .description('Moves an alias back to the version it pointed to before, recording who and why.')
    .argument('<name>', 'model name')
    .option('--alias <alias>', 'alias to move back', PRODUCTION_ALIAS)
    .option('--reason <text>', 'why (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(rollback), [
    'mlci registry rollback churn --alias production --reason "p99 regression"'
  ]);
  rollback.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const name = command.args[0] as string;
      const store = await registryFor(options);
      const event = await store.rollback(
        name,
        options.alias ?? PRODUCTION_ALIAS,
        currentUser(),
        options.reason
      );
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );
}
