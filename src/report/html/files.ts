/**
 * Reads the report's input files. validate-data writes statistics.json (the current data) and, when
 * the run had a reference, reference-statistics.json beside validation.json: the report picks them
 * up from there, so a run's folder is all it needs.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { requireFile } from '../../core/files.js';

/** The file validate-data writes the reference's statistics to, beside validation.json. */
export const REFERENCE_STATISTICS_FILE = 'reference-statistics.json';
/** The file validate-data writes the current data's statistics to, beside validation.json. */
export const STATISTICS_FILE = 'statistics.json';

/** Reads a JSON input, failing with exit 2 and the file's name when it is missing or malformed. */
export async function readJsonInput(path: string, what: string, mustHave: string): Promise<unknown> {
  await requireFile(path, what);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !(mustHave in json))
    throw new InputError(`${path}: does not look like ${what} (no "${mustHave}" field)`);
  return json;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  );
}

/** validation.json with the statistics files found beside it (or given). */
export interface ValidationFiles {
  validation: unknown;
  /** The reference's statistics: the file given, else reference-statistics.json beside validation.json (when it had a reference). */
  referenceStatistics?: unknown;
  referenceStatisticsPath?: string;
  /** The current data's statistics.json beside validation.json (every category's count). */
  currentStatistics?: unknown;
  currentStatisticsPath?: string;
}

/**
 * Reads validation.json and its neighbours. `referenceStatistics` (a path) overrides the
 * reference-statistics.json beside it, which is read only when validation.json names a reference.
 */
export async function readValidationFiles(
  path: string,
  referenceStatistics?: string
): Promise<ValidationFiles> {
  const validation = await readJsonInput(path, 'validation.json', 'columns');
  const dir = dirname(path);
  const besideReference = join(dir, REFERENCE_STATISTICS_FILE);
  // A run without a reference says so ("reference": null): a reference-statistics.json beside it
  // was left by another run and is not this one's reference. A file named explicitly is used.
  const hadReference = (validation as { reference?: unknown }).reference != null;
  const referencePath =
    referenceStatistics ?? (hadReference && (await exists(besideReference)) ? besideReference : undefined);
  const besideCurrent = join(dir, STATISTICS_FILE);
  const currentPath = (await exists(besideCurrent)) ? besideCurrent : undefined;
  return {
    validation,
    referenceStatistics: referencePath
      ? await readJsonInput(referencePath, 'statistics.json', 'columns')
      : undefined,
    referenceStatisticsPath: referencePath,
    currentStatistics: currentPath
      ? await readJsonInput(currentPath, 'statistics.json', 'columns')
      : undefined,
    currentStatisticsPath: currentPath
  };
}
