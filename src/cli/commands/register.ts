import type { Command } from 'commander';
import { loadOptionalConfig } from '../../config/load.js';
import { buildRegisterRequest, type RegisterFlags } from '../../stages/register-request.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';
import { REGISTRY_HELP, collect, describeMove, registerStageModule } from './registry/shared.js';

interface RegisterOptions extends CommonOptions, Omit<RegisterFlags, 'aliases' | 'by'> {
  alias?: string[];
}

type StageResult = Awaited<ReturnType<Awaited<ReturnType<typeof registerStageModule>>['registerStage']>>;

function resultText(result: StageResult): string {
  const { version } = result;
  const kept = result.aliasesKept.map(
    (k) =>
      `${version.name}@${k.alias} not moved (${k.version === null ? 'not set' : `points to v${k.version}`}): nothing new was registered; use --move-aliases or mlci registry promote to move it`
  );
  const notStored = result.filesNotStored.map((file) =>
    version.assets.includes(file)
      ? `${file} differs from the one stored with ${version.tag}: the stored one is kept (versions are immutable)`
      : `${file} was not stored: ${version.tag} is already registered; add it with mlci registry attach ${version.name} v${version.version} ${file === 'statistics.json' ? '--statistics' : '--file'} FILE`
  );
  return [
    result.registered
      ? `registered ${version.tag} (sha256 ${version.sha256})`
      : `${version.tag} is already registered with the same sha256 ${version.sha256}: nothing new registered`,
    ...result.aliasEvents.map((e) => describeMove(version.name, e)),
    ...kept,
    ...notStored
  ].join('\n');
}

/** `mlci register`. */
export function registerRegister(program: Command): void {
  const register = program
    .command('register')
    .summary('publish a model as the next immutable version')
    .description(
      'Registers a model that passed its gates as the next version <name>@v<N> with its sha256, ' +
        'metrics, data statistics and lineage. Registering the same model again returns the same ' +
        'version and changes nothing (aliases included, unless --move-aliases).'
    )
    .option('--model <file>', 'model to register (ONNX)')
    .option('--name <name>', 'model name')
    .option('--evaluation <file>', 'evaluation.json whose verdict admits the model')
    .option('--statistics <file>', 'statistics.json of the training data (default: beside the model)')
    .option('--training <file>', 'training.json with the lineage (default: beside the model)')
    .option('--registry <dir>', REGISTRY_HELP)
    .option('--alias <alias>', 'move this alias to the version (repeatable)', collect)
    .option('--move-aliases', 'also move the aliases when the model is already registered')
    .option('--force', 'register even though the verdict is fail (recorded)')
    .option('--reason <text>', 'why a failed model is forced in (required with --force)');
  withExamples(withCommonOptions(register), [
    'mlci register --model model.onnx --name churn --evaluation out/eval/evaluation.json',
    'mlci register --model model.onnx --name churn --registry github --json',
    'mlci register --model model.onnx --name churn --evaluation eval.json --force --reason "hotfix, see #42"'
  ]);
  register.action(
    handle<RegisterOptions>(async (options, { progress }) => {
      // As for every registry command, a missing mlci.yml (even one named by --config) means none.
      const config = await loadOptionalConfig(options.config);
      const request = buildRegisterRequest({ ...options, aliases: options.alias }, config);
      const stage = await registerStageModule();
      // The stage reads and checks every input before its first write.
      const result = await stage.registerStage(
        request.stage,
        await stage.openRegistry(request.registry),
        progress
      );
      const { version } = result;
      printResult(
        options,
        {
          name: version.name,
          version: version.version,
          tag: version.tag,
          sha256: version.sha256,
          created: version.created,
          registered: result.registered,
          verdict: version.verdict,
          ...(version.forced ? { forced: version.forced } : {}),
          aliases: result.aliasEvents.map((e) => e.alias),
          aliasesKept: result.aliasesKept,
          filesNotStored: result.filesNotStored,
          registry: request.registry ?? '.mlci/registry'
        },
        resultText(result)
      );
    })
  );
}
