// The engine's CSV sniffer types a column as text when its first value is "inf" (or "-inf",
// "Infinity"), although "inf" in a later row of a numeric column is read as a number. A text column
// whose every value reads as a number is therefore read again as DOUBLE.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './engine.js';

/** Rows the sniffer samples: a column that fails here is text, and the whole table is not scanned. */
const SAMPLE_ROWS = 20480;

/** A number the engine cannot cast but its CSV reader reads (an exponent past DOUBLE, e.g. 1e309, is ±inf). */
const OVERFLOW = '\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][+-]?[0-9]+\\s*';

function numberLike(column: string, present: boolean): string {
  const id = sqlIdent(column);
  return `bool_and(${id} IS NULL OR TRY_CAST(${id} AS DOUBLE) IS NOT NULL OR regexp_full_match(${id}, ${sqlString(OVERFLOW)}))${present ? ` AND count(${id}) > 0` : ''}`;
}

async function allNumberLike(
  db: DuckDBConnection,
  from: string,
  columns: string[],
  present: boolean
): Promise<string[]> {
  if (columns.length === 0) return [];
  const row = (
    await db.runAndReadAll(`SELECT ${columns.map((c) => numberLike(c, present)).join(', ')} FROM ${from}`)
  ).getRows()[0];
  return columns.filter((_, i) => row[i] === true);
}

/**
 * The VARCHAR columns of `from` (a table name, or a table function when `isTable` is false) whose
 * every non-null value reads as a number: a sample first, then all rows.
 */
export async function numericTextColumns(
  db: DuckDBConnection,
  from: string,
  columns: { name: string; type: string }[],
  isTable = true
): Promise<string[]> {
  const source = isTable ? sqlIdent(from) : from;
  const text = columns.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
  if (text.length === 0) return [];
  // Which rows the sample holds is up to the engine (files load without their row order): it only rules
  // out columns with a value that is not a number, so that the answer is the same for any sample.
  const sampled = await allNumberLike(
    db,
    `(SELECT ${text.map(sqlIdent).join(', ')} FROM ${source} LIMIT ${SAMPLE_ROWS})`,
    text,
    false
  );
  return allNumberLike(db, `(SELECT ${sampled.map(sqlIdent).join(', ')} FROM ${source})`, sampled, true);
}
