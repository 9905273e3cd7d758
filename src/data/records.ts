// Rows already in memory (the monitor's window of logged model inputs) loaded into a table without a
// file in between. Columns are typed as the engine's JSON reader types the same rows: whole numbers
// BIGINT, other numbers DOUBLE, true/false BOOLEAN, ISO dates and times DATE and TIMESTAMP, the rest
// text. An empty string is a missing value, as an empty CSV cell is in the training data.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../core/errors.js';
import { checkUsableNames } from './column-names.js';
import { sqlIdent } from './engine.js';
import { kindOf, type LoadedSource } from './source.js';

/** A value of an in-memory row (JSON's scalars; anything else is kept as its JSON text). */
export type RecordValue = number | string | boolean | null | undefined | object;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

type Seen = {
  int: boolean;
  float: boolean;
  bool: boolean;
  text: boolean;
  other: boolean;
  date: boolean;
  ts: boolean;
};

function missing(value: RecordValue): boolean {
  return value === null || value === undefined || value === '';
}

/** The engine type of a column from what its values were. */
function typeOf(seen: Seen): string {
  const numbers = seen.int || seen.float;
  if (numbers && !seen.bool && !seen.text && !seen.other) return seen.float ? 'DOUBLE' : 'BIGINT';
  if (seen.bool && !numbers && !seen.text && !seen.other) return 'BOOLEAN';
  if (seen.text && !numbers && !seen.bool && !seen.other) {
    if (seen.date) return 'DATE';
    if (seen.ts) return 'TIMESTAMP';
  }
  return 'VARCHAR';
}

/** Names in first-seen order with what their values were; names differing only in case are refused. */
function survey(path: string, rows: readonly Record<string, RecordValue>[]): Map<string, Seen> {
  const columns = new Map<string, Seen>();
  const lower = new Map<string, string>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      let seen = columns.get(name);
      if (!seen) {
        const other = lower.get(name.toLowerCase());
        if (other !== undefined)
          throw new InputError(
            `${path}: keys "${other}" and "${name}" differ only in case; column names are compared ignoring case, so rename one of them`
          );
        lower.set(name.toLowerCase(), name);
        seen = { int: false, float: false, bool: false, text: false, other: false, date: true, ts: true };
        columns.set(name, seen);
      }
      if (missing(value)) continue;
      if (typeof value === 'number') {
        if (Number.isSafeInteger(value)) seen.int = true;
        else seen.float = true;
      } else if (typeof value === 'boolean') seen.bool = true;
      else if (typeof value === 'string') {
        seen.text = true;
        if (seen.date && !ISO_DATE.test(value)) seen.date = false;
        if (seen.ts && !ISO_TIMESTAMP.test(value)) seen.ts = false;
      } else seen.other = true;
    }
  }
  return columns;
}

function appendValue(appender: DuckDBAppender, type: string, value: RecordValue): void {
  if (missing(value)) return appender.appendNull();
  if (type === 'BIGINT') return appender.appendBigInt(BigInt(value as number));
  if (type === 'DOUBLE') return appender.appendDouble(value as number);
  if (type === 'BOOLEAN') return appender.appendBoolean(value as boolean);
  // Dates and times are appended as text and cast once the table is filled.
  appender.appendVarchar(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * Loads in-memory rows into `table`; `path` names them in messages (the log they were read from).
 * Keys missing from a row are missing values.
 */
export async function loadRecords(
  db: DuckDBConnection,
  rows: readonly Record<string, RecordValue>[],
  table: string,
  path: string
): Promise<LoadedSource> {
  if (rows.length === 0) throw new InputError(`${path}: has no rows`);
  const surveyed = survey(path, rows);
  if (surveyed.size === 0) throw new InputError(`${path}: the rows have no columns`);
  const names = [...surveyed.keys()];
  checkUsableNames(path, names);
  const types = names.map((n) => typeOf(surveyed.get(n)!));
  const loadTypes = types.map((t) => (t === 'DATE' || t === 'TIMESTAMP' ? 'VARCHAR' : t));
  await db.run(
    `CREATE OR REPLACE TABLE ${sqlIdent(table)} (${names.map((n, i) => `${sqlIdent(n)} ${loadTypes[i]}`).join(', ')})`
  );
  const appender = await db.createAppender(table);
  try {
    for (const row of rows) {
      for (let i = 0; i < names.length; i++) appendValue(appender, loadTypes[i], row[names[i]]);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const columns = [];
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type !== loadTypes[i]) {
      const id = sqlIdent(names[i]);
      // A shape the regular expression passed but the calendar refuses (2025-02-30) keeps the text.
      type = await db
        .run(`ALTER TABLE ${sqlIdent(table)} ALTER ${id} TYPE ${type} USING CAST(${id} AS ${type})`)
        .then(
          () => type,
          () => 'VARCHAR'
        );
    }
    columns.push({ name: names[i], type, kind: kindOf(type) });
  }
  return { path, format: 'jsonl', files: [path], table, rows: rows.length, columns };
}
