import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_LOCAL_REGISTRY } from '../registry/default-dir.js';
import type { MlciConfig } from './types.js';

/**
 * Every path field of mlci.yml, as [section, key]. The one rule (docs/config.md): a path in mlci.yml
 * is relative to the folder of mlci.yml, whichever command, action or pipeline stage reads it.
 */
export const CONFIG_PATH_FIELDS = [
  ['data', 'train'],
  ['data', 'eval'],
  ['data', 'reference'],
  ['data', 'schema'],
  ['train', 'model'],
  ['train', 'params'],
  ['train', 'workdir'],
  ['train', 'metrics'],
  ['train', 'sources'],
  ['evaluate', 'data'],
  ['evaluate', 'baseline'],
  ['register', 'registry'],
  ['deploy', 'replay'],
  ['monitor', 'log'],
  ['monitor', 'data'],
  ['monitor', 'labels']
] as const;

/** Values of path fields that name something other than a file: the GitHub Releases registry. */
const NOT_PATHS = new Set(['github']);

/**
 * Returns a copy of `config` with every path field made absolute against `configDir`, the default
 * registry included: .mlci/registry beside mlci.yml, as the pipeline has always used it.
 */
export function resolveConfigPaths(config: MlciConfig, configDir: string): MlciConfig {
  const base = resolve(configDir);
  if (config.register?.registry === undefined)
    config = { ...config, register: { ...config.register, registry: DEFAULT_LOCAL_REGISTRY } };
  const at = (path: string) => (NOT_PATHS.has(path) || isAbsolute(path) ? path : resolve(base, path));
  const copy = structuredClone(config) as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const [section, key] of CONFIG_PATH_FIELDS) {
    const holder = copy[section];
    const value = holder?.[key];
    if (typeof value === 'string') holder![key] = at(value);
    else if (Array.isArray(value)) holder![key] = value.map((v) => (typeof v === 'string' ? at(v) : v));
  }
  return copy as unknown as MlciConfig;
}
