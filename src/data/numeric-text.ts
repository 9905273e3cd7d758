// Which CSV text reads as numbers: what pandas' read_csv reads as numbers, no more. The engine's
// casts accept more (hexadecimal 0x1A and binary 0b101 as BIGINT, digit groups 2023_01 as numbers), so
// its sniffer and casts are checked against that spelling. And the sniffer types a column as text when
// its first value is "inf" (or "-inf", "Infinity"), although "inf" in a later row of a numeric column
// is read as a number: a text column whose every value reads as a number is therefore read again as DOUBLE.
import type { DuckDBConnection } from '@duckdb/node-api';
import { describeRead, sqlIdent, sqlString } from './engine.js';
import { readExpression } from './read-expression.js';
import type { CsvDialect } from './source.js';

/** Rows the sniffer samples: a column that fails here is text, and the whole table is not scanned. */
const SAMPLE_ROWS = 20480;

/**
 * A number as pandas' read_csv spells it (its C parser): decimal digits with an optional sign, point
 * and exponent, spaces or tabs around; infinity as inf or infinity in any case with an optional sign;
 * NaN as nan, NaN, -nan or -NaN. An exponent past DOUBLE (1e309) is ±inf, as the engine reads it.
 */
export const NUMBER_SPELLING =
  '[ \\t]*([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:[+-]?inf(inity)?)|-?(nan|NaN))[ \\t]*';

function numberLike(column: string, present: boolean): string {
  const id = sqlIdent(column);
  return `bool_and(${id} IS NULL OR regexp_full_match(${id}, ${sqlString(NUMBER_SPELLING)}))${present ? ` AND count(${id}) > 0` : ''}`;
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

/**
 * The columns of CSV `files` the engine's sniffer typed as numbers (`columns` as loaded, else as the
 * sniffer types them) whose text in the sniffer's sample is not spelled as a number (0x1A, 2023_01):
 * they are text, as pandas reads them. The sniffer decided on that sample; a later row so spelled is
 * taken as a number by the engine's reader.
 */
export async function codedCsvColumns(
  db: DuckDBConnection,
  files: string[],
  dialect: CsvDialect,
  columns?: { name: string; type: string }[]
): Promise<string[]> {
  const typed =
    columns ??
    [...(await describeRead(db, readExpression(files, 'csv', dialect)))].map(([name, type]) => ({
      name,
      type
    }));
  const sniffed = typed.filter((c) => c.type === 'BIGINT' || c.type === 'DOUBLE').map((c) => c.name);
  if (sniffed.length === 0) return [];
  const textRead = readExpression(files, 'csv', {
    ...dialect,
    texts: [...(dialect.texts ?? []), ...sniffed]
  });
  const sample = `(SELECT ${sniffed.map(sqlIdent).join(', ')} FROM ${textRead} LIMIT ${SAMPLE_ROWS})`;
  const numbers = new Set(await allNumberLike(db, sample, sniffed, false));
  return sniffed.filter((c) => !numbers.has(c));
}
