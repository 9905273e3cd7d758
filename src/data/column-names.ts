// Column names as the user wrote them: every name must be unique (the engine compares names ignoring
// case and would otherwise rename the second "a" to "a_1" silently), and a column named on the
// command line or in mlci.yml must exist.
import { InputError } from '../core/errors.js';
import { closest } from '../core/suggest.js';

/** Refuses a header in which a name occurs twice, or two names differ only in case (positions 1-based). */
export function checkUniqueNames(file: string, names: readonly string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
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
    throw new InputError(
      `${file}:1: column names "${names[first]}" (column ${first + 1}) and "${name}" (column ${i + 1}) differ only in case; ` +
        'column names are compared ignoring case, so rename one of them'
    );
  });
}

/**
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
