// Categorical columns: value counts (all of them up to VALUE_CAP distinct values, else a HyperLogLog
// sketch that shards can merge) and the statistics made from them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent } from './engine.js';
import { asNumber } from './profile-summary.js';
import { engineHll } from './sketch/engine-hll.js';
import type { Hll } from './sketch/hll.js';
import type { ColumnInfo } from './source.js';
import { VALUE_CAP, type ColumnStatistics } from './statistics.js';

/** Value counts of a non-numeric column and what comes with them. */
export interface CategoricalCounts {
  /** Rows with a value (the summary scan need not count them). */
  present: number;
  values?: Map<string, number>;
  /** Shortest and longest value as text (null when there are no values). */
  length: { min: number; max: number } | null;
  top: { value: string; count: number }[];
  distinct: number;
  distinctExact: boolean;
  hll?: Hll;
}

/** The query of categoricalCounts(): values as text with their counts and lengths, most frequent first. */
function valueCountsSql(table: string, column: string, type: string): string {
  const id = sqlIdent(column);
  const present = `FROM ${sqlIdent(table)} WHERE ${id} IS NOT NULL`;
  const order = `ORDER BY c DESC, v LIMIT ${VALUE_CAP + 1}`;
  // Floating-point values (alone or nested) are grouped as their text, as before: the engine groups
  // -0.0 with 0.0, which print apart.
  if (/DOUBLE|FLOAT|REAL/i.test(type))
    return `SELECT v, count(*) AS c, length(v) FROM (SELECT CAST(${id} AS VARCHAR) AS v ${present}) GROUP BY 1 ${order}`;
  // Other types map values to text one to one: grouping first casts only the groups (a 2 M-row
  // integer label: one cast per class instead of per row).
  return (
    `SELECT CAST(g AS VARCHAR) AS v, c, length(CAST(g AS VARCHAR)) ` +
    `FROM (SELECT ${id} AS g, count(*) AS c ${present} GROUP BY 1) ${order}`
  );
}

/** Value counts of a non-numeric column (all of them up to VALUE_CAP distinct values). */
export async function categoricalCounts(
  db: DuckDBConnection,
  table: string,
  column: string,
  type = 'VARCHAR'
): Promise<CategoricalCounts> {
  const id = sqlIdent(column);
  const rows = (await db.runAndReadAll(valueCountsSql(table, column, type))).getRows();
  const top = rows.slice(0, 10).map((r) => ({ value: String(r[0]), count: asNumber(r[1]) }));
  if (rows.length <= VALUE_CAP) {
    const lengths = rows.map((r) => asNumber(r[2]));
    return {
      present: rows.reduce((sum, r) => sum + asNumber(r[1]), 0),
      values: new Map(rows.map((r) => [String(r[0]), asNumber(r[1])])),
      length: lengths.length > 0 ? { min: Math.min(...lengths), max: Math.max(...lengths) } : null,
      top,
      distinct: rows.length,
      distinctExact: true
    };
  }
  const [distinctValue, minLength, maxLength, present] = (
    await db.runAndReadAll(
      `SELECT count(DISTINCT ${id}), min(length(CAST(${id} AS VARCHAR))), max(length(CAST(${id} AS VARCHAR))), count(${id}) FROM ${sqlIdent(table)}`
    )
  ).getRows()[0];
  const distinct = asNumber(distinctValue);
  const length = minLength === null ? null : { min: asNumber(minLength), max: asNumber(maxLength) };
  // A HyperLogLog of the engine's 64-bit hash, so that shards can be merged.
  const hll = await engineHll(db, `SELECT hash(${id}) AS h FROM ${sqlIdent(table)} WHERE ${id} IS NOT NULL`);
  return { present: asNumber(present), top, length, distinct, distinctExact: true, hll };
}

/** Statistics of a categorical or boolean column from its value counts. */
export function categoricalStats(
  info: ColumnInfo,
  rows: number,
  counts: CategoricalCounts
): ColumnStatistics {
  const out: ColumnStatistics = {
    kind: info.kind === 'boolean' ? 'boolean' : 'categorical',
    type: info.type,
    count: rows,
    missing: rows - counts.present,
    present: counts.present,
    distinct: counts.distinct,
    distinct_exact: counts.distinctExact,
    top: counts.top
  };
  if (counts.values) out.values = Object.fromEntries(counts.values);
  if (counts.hll) out.hll = counts.hll.toJSON();
  if (counts.length) out.length = counts.length;
  return out;
}
