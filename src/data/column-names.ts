// Column names as the user wrote them: every name must be unique (the engine compares names ignoring
// case, drops the spaces around CSV header names, and would otherwise rename the second "a" to "a_1"
// silently), and a column named on the command line or in mlci.yml must exist.
import { open } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { closest } from '../core/suggest.js';

/** A header name without the spaces and no-break spaces around it, which the engine's CSV reader drops (a tab it keeps). */
function withoutSurroundingSpaces(name: string): string {
  const space = (c: string) => c === ' ' || c === '\u00a0';
  let start = 0;
  let end = name.length;
  while (start < end && space(name[start])) start++;
  while (end > start && space(name[end - 1])) end--;
  return name.slice(start, end);
}

/**
 * Refuses a header in which a name occurs twice, or two names differ only in case or in the spaces
 * around them (positions 1-based).
 */
export function checkUniqueNames(file: string, names: readonly string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const key = withoutSurroundingSpaces(name).toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    if (names[first] === name) {
      throw new InputError(
        `${file}:1: column name "${name}" appears more than once in the header (columns ${first + 1} and ${i + 1}); column names must be unique`
      );
    }
    if (names[first].toLowerCase() !== name.toLowerCase()) {
      const alsoCase = withoutSurroundingSpaces(names[first]) !== withoutSurroundingSpaces(name);
      throw new InputError(
        `${file}:1: column names "${names[first]}" (column ${first + 1}) and "${name}" (column ${i + 1}) differ only in ` +
          `${alsoCase ? 'case and ' : ''}the spaces around them, which the reader drops, so rename one of them`
      );
    }
    throw new InputError(
      `${file}:1: column names "${names[first]}" (column ${first + 1}) and "${name}" (column ${i + 1}) differ only in case; ` +
        'column names are compared ignoring case, so rename one of them'
    );
  });
}

/**
 * Refuses column names mlci cannot carry through: `__proto__` (statistics, validation and drift are
 * JSON objects keyed by column, and in JavaScript that key sets an object's prototype, so the column
 * would vanish), the empty name and names with a NUL character (the engine's SQL cannot quote them).
 */
export function checkUsableNames(path: string, names: readonly string[]): void {
  // The engine names an empty CSV header itself; a JSON key "" would reach the SQL unnamed.
  if (names.includes(''))
    throw new InputError(`${path}: a key is the empty string; every column needs a name`);
  const at = names.indexOf('__proto__');
  if (at >= 0)
    throw new InputError(
      `${path}: column "__proto__" (column ${at + 1}) cannot be a column name: mlci's outputs are keyed by column name and would lose it; rename it`
    );
  const nul = names.findIndex((name) => name.includes('\u0000'));
  if (nul >= 0)
    throw new InputError(
      `${path}: column ${nul + 1} ("${names[nul].replaceAll('\u0000', '\\u0000')}") has a NUL character in its name; rename it`
    );
}

/**
 * Refuses JSON Lines keys that differ only in case/**
 * Refuses JSON Lines keys that differ only in case ("a" in one row, "A" in another): the engine
 * reads them as one name and renames the later one to "A_1". `names` are the columns as loaded.
 */
export function checkRenamedKeys(file: string, names: readonly string[]): void {
  const present = new Set(names);
  for (const name of names) {
    const renamed = /^(.+)_\d+$/.exec(name);
    if (!renamed) continue;
    const original = renamed[1];
    const other = names.find((n) => n !== original && n.toLowerCase() === original.toLowerCase());
    if (other && !present.has(original)) {
      throw new InputError(
        `${file}: keys "${other}" and "${original}" differ only in case; column names are compared ignoring case, so rename one of them`
      );
    }
  }
}

/**
 * Refuses Parquet files with a column name twice (or two differing only in case): the engine renames
 * the second to "a_1", so a loaded name of that shape that no file's footer holds is such a rename.
 */
export async function checkParquetNames(
  path: string,
  files: readonly string[],
  names: readonly string[]
): Promise<void> {
  const suspects = names.filter((n) => /^.+_\d+$/.test(n));
  if (suspects.length === 0) return;
  const footers = await Promise.all(files.map(parquetFooter));
  for (const name of suspects) {
    const bytes = Buffer.from(name);
    if (footers.some((f) => f.includes(bytes))) continue;
    const original = name.replace(/_\d+$/, '');
    const same = names.find((n) => n.toLowerCase() === original.toLowerCase()) ?? original;
    throw new InputError(
      same === original
        ? `${path}: column name "${original}" appears more than once; column names must be unique`
        : `${path}: column names "${same}" and "${original}" differ only in case; column names are compared ignoring case, so rename one of them`
    );
  }
}

/** The metadata at the end of a Parquet file (its length is stored just before the closing "PAR1"). */
async function parquetFooter(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(8);
    await handle.read(tail, 0, 8, size - 8);
    const length = Math.min(tail.readUInt32LE(0), size - 8);
    const footer = Buffer.alloc(length);
    await handle.read(footer, 0, length, size - 8 - length);
    return footer;
  } finally {
    await handle.close();
  }
}

/** Refuses a named column (the label, …) that the data does not have, suggesting the closest name. */
export function requireColumn(path: string, columns: readonly string[], name: string, role: string): void {
  if (columns.includes(name)) return;
  const suggestion = closest(name, columns);
  const shown =
    columns.length > 30
      ? `${columns.slice(0, 30).join(', ')}, … (${columns.length} in all)`
      : columns.join(', ');
  throw new InputError(
    `${role} column "${name}" is not in ${path}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; columns: ${shown}`
  );
}

/**
 * The label column to use: `label` when the data has it; undefined when it has not and the label is
 * optional (a default from mlci.yml on unlabelled data); otherwise refused as requireColumn does.
 */
export function labelIn(
  path: string,
  columns: readonly string[],
  label: string | undefined,
  optional = false
): string | undefined {
  if (label === undefined || (optional && !columns.includes(label))) return undefined;
  requireColumn(path, columns, label, 'label');
  return label;
}
