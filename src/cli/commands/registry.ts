import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { InputError } from '../../core/errors.js';
import { currentUser } from '../../registry/record.js';
import { formatModelRef, parseModelRef, type AliasEvent, type ModelVersion } from '../../registry/types.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

const REGISTRY_HELP = 'registry directory, or "github" for GitHub Releases (default .mlci/registry)';

interface RegisterOptions extends CommonOptions {
  model?: string;
  name?: string;
  evaluation?: string;
  statistics?: string;
  training?: string;
  registry?: string;
  force?: boolean;
  reason?: string;
  alias?: string[];
}

interface RegistryOptions extends CommonOptions {
  registry?: string;
  alias?: string;
  reason?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

// Loaded on use: the register stage pulls in the ONNX reader, which every other command can skip.
const stage = () => import('../../pipeline/register.js');

async function openRegistry(spec?: string) {
  return (await stage()).openRegistry(spec);
}

/** The `register:` section of mlci.yml, when the file is there; flags win over it. */
async function registerConfig(options: CommonOptions) {
  const path = options.config ?? 'mlci.yml';
  if (!existsSync(path)) return {};
  return (await loadConfig(path)).register ?? {};
}

function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1)
    throw new InputError(`version "${text}" is not valid: expected vN or N, e.g. v3`);
  return Number(match[1]);
}

function versionAliases(aliases: Record<string, number>, version: number): string[] {
  return Object.keys(aliases)
    .filter((alias) => aliases[alias] === version)
    .sort();
}

function describeMove(name: string, event: AliasEvent): string {
  const from = event.from === null ? 'nothing' : `v${event.from}`;
  if (event.from === event.to) return `${name}@${event.alias} already points to v${event.to}`;
  const verb = event.kind === 'rollback' ? 'rolled back' : 'moved';
  return `${name}@${event.alias} ${verb}: ${from} → v${event.to} (by ${event.by}${event.reason ? `: ${event.reason}` : ''})`;
}

function showText(version: ModelVersion, aliases: string[], history: AliasEvent[]): string {
  const lines = [
    `${version.tag}${aliases.length ? `  (${aliases.map((a) => `@${a}`).join(', ')})` : ''}`,
    `  sha256      ${version.sha256}`,
    `  size        ${version.size} bytes`,
    `  created     ${version.created}${version.registeredBy ? ` by ${version.registeredBy}` : ''}`,
    `  verdict     ${version.verdict}${version.rubberStamp ? ' (rubber stamp, no baseline)' : ''}`
  ];
  if (version.forced) lines.push(`  forced      by ${version.forced.by}: ${version.forced.reason}`);
  const metrics = Object.entries(version.metrics);
  if (metrics.length) {
    lines.push('  metrics');
    for (const [metric, value] of metrics)
      lines.push(`    ${metric.padEnd(20)} ${value === null ? 'null' : value}`);
  }
  const { lineage } = version;
  lines.push('  lineage');
  lines.push(
    `    commit     ${lineage.commit ?? '(unknown)'}${lineage.dirty ? ' (uncommitted changes)' : ''}`
  );
  lines.push(`    run        ${lineage.runUrl ?? '(none)'}`);
  if (lineage.trainingRecord) lines.push(`    training   ${lineage.trainingRecord}`);
  for (const [file, hash] of Object.entries(lineage.dataHashes ?? {}))
    lines.push(`    data       ${file}  sha256 ${hash}`);
  for (const [key, value] of Object.entries(lineage.params ?? {})) {
    lines.push(`    param      ${key} = ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  lines.push('  files');
  for (const asset of version.assets) {
    lines.push(
      `    ${asset.padEnd(18)} ${version.checksums?.[asset] ?? (asset === 'model.onnx' ? version.sha256 : '')}`
    );
  }
  const moves = history.filter((e) => e.to === version.version || e.from === version.version);
  if (moves.length) {
    lines.push('  alias moves');
    for (const event of moves) lines.push(`    ${event.at}  ${describeMove(version.name, event)}`);
  }
  return lines.join('\n');
}

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
    .option('--statistics <file>', 'statistics.json of the training data (default: beside the model)')
    .option('--training <file>', 'training.json with the lineage (default: beside the model)')
    .option('--registry <dir>', REGISTRY_HELP)
    .option('--alias <alias>', 'move this alias to the version (repeatable)', collect)
    .option('--force', 'register even though the verdict is fail (recorded)')
    .option('--reason <text>', 'why a failed model is forced in (required with --force)');
  withExamples(withCommonOptions(register), [
    'mlci register --model model.onnx --name churn --evaluation out/eval/evaluation.json',
    'mlci register --model model.onnx --name churn --registry github --json',
    'mlci register --model model.onnx --name churn --evaluation eval.json --force --reason "hotfix, see #42"'
  ]);
  register.action(
    handle<RegisterOptions>(async (options, { progress }) => {
      const config = await registerConfig(options);
      const registrySpec = options.registry ?? config.registry;
      const registry = await openRegistry(registrySpec);
      const result = await (
        await stage()
      ).registerStage(
        {
          model: options.model ?? '',
          name: options.name ?? '',
          evaluation: options.evaluation,
          statistics: options.statistics,
          training: options.training,
          force: options.force,
          reason: options.reason,
          by: currentUser(),
          aliases: options.alias ?? config.aliases ?? []
        },
        registry,
        progress
      );
      const { version } = result;
      const aliases = result.aliasEvents.map((e) => e.alias);
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
          aliases,
          registry: registrySpec ?? '.mlci/registry'
        },
        [
          result.registered
            ? `registered ${version.tag} (sha256 ${version.sha256})`
            : `${version.tag} is already registered with the same sha256 ${version.sha256}: nothing new registered`,
          ...result.aliasEvents.map((e) => describeMove(version.name, e))
        ].join('\n')
      );
    })
  );

  const registry = program
    .command('registry')
    .description('list, inspect, promote and roll back model versions');
  const list = registry
    .command('list')
    .description('Lists the models, or the versions of one model with their aliases.')
    .argument('[name]', 'model name')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(list), ['mlci registry list', 'mlci registry list churn --json']);
  list.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const name = command.args[0] as string | undefined;
      const store = await openRegistry(options.registry ?? (await registerConfig(options)).registry);
      if (!name) {
        const models = [];
        for (const model of await store.models()) {
          const versions = await store.list(model);
          models.push({
            name: model,
            latest: versions[versions.length - 1]?.version ?? null,
            versions: versions.length,
            aliases: await store.aliases(model)
          });
        }
        const text = models.length
          ? models
              .map(
                (m) =>
                  `${m.name}  latest v${m.latest}  ${m.versions} version(s)  ${Object.entries(m.aliases)
                    .map(([a, v]) => `@${a}=v${v}`)
                    .join(' ')}`
              )
              .join('\n')
          : 'no models registered';
        printResult(options, { models }, text);
        return;
      }
      const ref = parseModelRef(name);
      const versions = await store.list(ref.name);
      const aliases = await store.aliases(ref.name);
      const rows = versions.map((v) => ({ ...v, aliases: versionAliases(aliases, v.version) }));
      const text = rows.length
        ? rows
            .map((v) =>
              `v${v.version}  ${v.created}  ${v.verdict.padEnd(7)} ${v.sha256.slice(0, 12)}  ${v.aliases.map((a) => `@${a}`).join(' ')}`.trimEnd()
            )
            .join('\n')
        : `no versions of ${ref.name}`;
      printResult(options, { name: ref.name, versions: rows, aliases }, text);
    })
  );

  const show = registry
    .command('show')
    .description("Shows one version's record: sha256, metrics, verdict, full lineage, files and alias moves.")
    .argument('<name>', 'model name, optionally @alias or @vN')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(show), [
    'mlci registry show churn@production',
    'mlci registry show churn@v3 --json'
  ]);
  show.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const ref = parseModelRef(command.args[0] as string);
      const store = await openRegistry(options.registry ?? (await registerConfig(options)).registry);
      const version = await store.resolve(ref);
      if (!version) throw new InputError(`${formatModelRef(ref)} is not in the registry`);
      const aliases = versionAliases(await store.aliases(ref.name), version.version);
      const history = await store.history(ref.name);
      printResult(
        options,
        { ...version, aliases, aliasHistory: history },
        showText(version, aliases, history)
      );
    })
  );

  const promote = registry
    .command('promote')
    .description('Moves an alias to a version, recording who and why.')
    .argument('<name>', 'model name')
    .argument('<version>', 'version, e.g. v3')
    .option('--alias <alias>', 'alias to move', 'production')
    .option('--reason <text>', 'why (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(promote), ['mlci registry promote churn v3 --alias production']);
  promote.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const [name, versionText] = command.args as [string, string];
      const store = await openRegistry(options.registry ?? (await registerConfig(options)).registry);
      const event = await store.promote(
        name,
        parseVersion(versionText),
        options.alias ?? 'production',
        currentUser(),
        options.reason
      );
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );

  const rollback = registry
    .command('rollback')
    .description('Moves an alias back to the version it pointed to before, recording who and why.')
    .argument('<name>', 'model name')
    .option('--alias <alias>', 'alias to move back', 'production')
    .option('--reason <text>', 'why (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(rollback), [
    'mlci registry rollback churn --alias production --reason "p99 regression"'
  ]);
  rollback.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const name = command.args[0] as string;
      const store = await openRegistry(options.registry ?? (await registerConfig(options)).registry);
      const event = await store.rollback(name, options.alias ?? 'production', currentUser(), options.reason);
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );
}
