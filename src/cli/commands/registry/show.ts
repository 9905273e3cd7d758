import type { Command } from 'commander';
import { InputError } from '../../../core/errors.js';
import {
  formatModelRef,
  parseModelRef,
  type AliasEvent,
  type ModelVersion
} from '../../../registry/types.js';
import { handle, printResult, withCommonOptions, withExamples } from '../../kit.js';
import { REGISTRY_HELP, describeMove, registryFor, versionAliases, type RegistryOptions } from './shared.js';

function lineageLines(version: ModelVersion): string[] {
  const { lineage } = version;
  const lines = ['  lineage'];
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
  return lines;
}

function fileLines(version: ModelVersion): string[] {
  const lines = ['  files'];
  for (const asset of version.assets) {
    lines.push(
      `    ${asset.padEnd(18)} ${version.checksums?.[asset] ?? (asset === 'model.onnx' ? version.sha256 : '')}`
    );
  }
  if (version.attachments?.length) {
    lines.push('  attached');
    for (const a of version.attachments) {
      const replaced = a.replaced ? ` (replaced sha256 ${a.replaced})` : '';
      lines.push(`    ${a.at}  ${a.file} by ${a.by}${replaced}`);
    }
  }
  return lines;
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
  lines.push(...lineageLines(version), ...fileLines(version));
  const moves = history.filter((e) => e.to === version.version || e.from === version.version);
  if (moves.length) {
    lines.push('  alias moves');
    for (const event of moves) lines.push(`    ${event.at}  ${describeMove(version.name, event)}`);
  }
  return lines.join('\n');
}

/** `mlci registry show name[@alias|@vN]`. */
export function addShowCommand(registry: Command): void {
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
      const store = await registryFor(options);
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
}
