import type { Command } from 'commander';
import { parseModelRef, type Registry } from '../../../registry/types.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../../kit.js';
import { REGISTRY_HELP, registryFor, versionAliases, type RegistryOptions } from './shared.js';

async function listModels(options: CommonOptions, store: Registry): Promise<void> {
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
}

async function listVersions(options: CommonOptions, store: Registry, name: string): Promise<void> {
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
}

/** `mlci registry list [name]`. */
export function addListCommand(registry: Command): void {
  const list = registry
    .command('list')
    .description('Lists the models, or the versions of one model with their aliases.')
    .argument('[name]', 'model name')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(list), ['mlci registry list', 'mlci registry list churn --json']);
  list.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const name = command.args[0] as string | undefined;
      const store = await registryFor(options);
      await (name ? listVersions(options, store, name) : listModels(options, store));
    })
  );
}
