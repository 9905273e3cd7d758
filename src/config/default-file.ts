import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';

/** The names mlci looks for when no config file is named, the first being the one `mlci init` writes. */
export const DEFAULT_CONFIG_FILES = ['mlci.yml', 'mlci.yaml'] as const;

/** The default config files that exist in `dir`, in DEFAULT_CONFIG_FILES order. */
export function existingDefaultConfigs(dir = '.'): string[] {
  return DEFAULT_CONFIG_FILES.map((name) => (dir === '.' ? name : join(dir, name))).filter((path) =>
    existsSync(path)
  );
}

/** The config file a flag or an action input names, else the default one (findDefaultConfig). */
export function configFileOr(named: string | undefined, dir = '.'): string {
  return named ? named : findDefaultConfig(dir);
}

/**
 * The config file to read when none is named: mlci.yml or mlci.yaml, whichever exists in `dir`;
 * mlci.yml when neither does (so "not found" names the usual file). Both at once is refused: one
 * would be silently ignored.
 */
export function findDefaultConfig(dir = '.'): string {
  const found = existingDefaultConfigs(dir);
  if (found.length > 1) {
    throw new InputError(`${found.join(' and ')} both exist: keep one (mlci reads either, not both)`);
  }
  return found[0] ?? (dir === '.' ? DEFAULT_CONFIG_FILES[0] : join(dir, DEFAULT_CONFIG_FILES[0]));
}
