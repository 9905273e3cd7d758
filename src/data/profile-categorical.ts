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

/** A query of a column's values as text (v) with their counts (c), one row per value, in no order. */
function groupsSql(table: string, column: string, type: string): string {
  const id = sqlIdent(column);
  const present = `FROM ${sqlIdent(table)} WHERE ${id} IS NOT NULL`;
  // Floating-point values (alone or nested) are grouped as their text, as before: the engine groups
  // -0.0 with 0.0, which print apart.
  if (/DOUBLE|FLOAT|REAL/i.test(type))
    return `SELECT v, count(*) AS c FROM (SELECT CAST(${id} AS VARCHAR) AS v ${present}) GROUP BY 1`;
  // Other types map values to text one to one: grouping first casts only the groups (a 2 M-row
  // integer label: one cast per class instead of per row).
  return `SELECT CAST(g AS VARCHAR) AS v, c FROM (SELECT ${id} AS g, count(*) AS c ${present} GROUP BY 1)`;
}

/** The query of categoricalCounts(): values as text with their counts and lengths, most frequent first. */
function valueCountsSql(table: string, column: string, type: string): string {
  return `SELECT v, c, length(v) FROM (${groupsSql(table, column, type)}) ORDER BY c DESC, v LIMIT ${VALUE_CAP + 1}`;
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

/** Where one side's value counts come from: a column of a loaded table, or the counts a statistics.json lists. */
export type CountsSide = { table: string; column: string; type: string } | { listed: Map<string, number> };

let listedTables = 0;

/**
 * Counts per value of both sides over the union of their values, for drift tests above VALUE_CAP
 * distinct values. The engine groups and joins both sides; only the pairs of counts come back, keyed
 * by their row in the join, so no value is held as a JS string (the tests read counts per category,
 * never the categories themselves: above VALUE_CAP the union has more than two, so no test sorts them).
 */
export async function jointCounts(
  db: DuckDBConnection,
  ref: CountsSide,
  cur: CountsSide
): Promise<{ ref: Map<string, number>; cur: Map<string, number> }> {
  const dropped: string[] = [];
  const side = async (s: CountsSide): Promise<string> => {
    if (!('listed' in s)) return groupsSql(s.table, s.column, s.type);
    const name = `mlci_listed_counts_${listedTables++}`;
    dropped.push(name);
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(name)} (v VARCHAR, c BIGINT)`);
    const appender = await db.createAppender(name);
    try {
      for (const [value, count] of s.listed) {
        appender.appendVarchar(value);
        appender.appendBigInt(BigInt(count));
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return `SELECT v, c FROM ${sqlIdent(name)}`;
  };
  try {
    const sql =
      `SELECT CAST(coalesce(r.c, 0) AS DOUBLE), CAST(coalesce(k.c, 0) AS DOUBLE) ` +
      `FROM (${await side(ref)}) r FULL OUTER JOIN (${await side(cur)}) k ON r.v = k.v`;
    const out = { ref: new Map<string, number>(), cur: new Map<string, number>() };
    const result = await db.stream(sql);
    for (let key = 0; ;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return out;
      const refCounts = chunk.getColumnValues(0) as number[];
      const curCounts = chunk.getColumnValues(1) as number[];
      for (let i = 0; i < chunk.rowCount; i++, key++) {
        const k = String(key);
        // A category missing from one side is left out of its map, as in the listed counts.
        if (refCounts[i] > 0) out.ref.set(k, refCounts[i]);
        if (curCounts[i] > 0) out.cur.set(k, curCounts[i]);
      }
    }
  } finally {
    for (const name of dropped) await db.run(`DROP TABLE IF EXISTS ${sqlIdent(name)}`);
  }
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
