import { existsSync } from 'node:fs';
import { configFileOr } from '../../../config/default-file.js';
import { loadConfig } from '../../../config/load.js';
import { InputError } from '../../../core/errors.js';
import type { AliasEvent, Registry } from '../../../registry/types.js';
import type { CommonOptions } from '../../kit.js';

/** Help text of every `--registry` option. */
export const REGISTRY_HELP = 'registry directory, or "github" for GitHub Releases (default .mlci/registry)';

/** Options shared by the `mlci registry` subcommands. */
export interface RegistryOptions extends CommonOptions {
  registry?: string;
  alias?: string;
  reason?: string;
}

/** Collects a repeatable option's values. */
export { collect } from '../../kit.js';

// Loaded on use: the register stage pulls in the ONNX reader, which every other command can skip.
/** The register stage module, loaded on first use. */
export const registerStageModule = () => import('../../../stages/register.js');

/** The `register:` section of mlci.yml, when the file is there; flags win over it. */
export async function registerConfig(options: CommonOptions) {
  const path = configFileOr(options.config);
  if (!existsSync(path)) return {};
  return (await loadConfig(path)).register ?? {};
}

/** Opens the registry named by `--registry`, else by mlci.yml, else the local default. */
export async function registryFor(options: RegistryOptions): Promise<Registry> {
  const spec = options.registry ?? (await registerConfig(options)).registry;
  return (await registerStageModule()).openRegistry(spec);
}

/** Parses `v3` or `3`. */
export function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1)
    throw new InputError(`version "${text}" is not valid: expected vN or N, e.g. v3`);
  return Number(match[1]);
}

/** The aliases pointing at one version, sorted. */
export function versionAliases(aliases: Record<string, number>, version: number): string[] {
  return Object.keys(aliases)
    .filter((alias) => aliases[alias] === version)
    .sort();
}

/** One line describing an alias move. */
export function describeMove(name: string, event: AliasEvent): string {
  const from = event.from === null ? 'nothing' : `v${event.from}`;
  if (event.from === event.to) return `${name}@${event.alias} already points to v${event.to}`;
  const verb = event.kind === 'rollback' ? 'rolled back' : 'moved';
  return `${name}@${event.alias} ${verb}: ${from} → v${event.to} (by ${event.by}${event.reason ? `: ${event.reason}` : ''})`;
}
