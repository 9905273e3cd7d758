// Integers a double does not hold: BIGINT, UBIGINT and HUGEINT values from ±2^53 on may share a double
// with a neighbour, while pandas keeps int64 exact. Columns whose bounds reach that far are grouped on
// their own values, and each such value carries its exact text (CountChunk.keys in numeric.ts).
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { sqlIdent } from './engine.js';
import type { Hll } from './sketch/hll.js';

/** Integers from 2^53 on may share a double with a neighbour: their exact text is kept as well. */
export const EXACT_DOUBLE_LIMIT = 2 ** 53;

/** The engine's integer types wider than a double's 53-bit significand. */
const WIDE_INTEGER_TYPES = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

/** True for a column type whose values may not all fit a double exactly. */
export function holdsWideIntegers(type: string): boolean {
  return WIDE_INTEGER_TYPES.has(type);
}

/** True when finite bounds reach where doubles no longer hold every integer. */
export function beyondDoubles(min: number | null, max: number | null): boolean {
  return min !== null && max !== null && Math.max(-min, max) >= EXACT_DOUBLE_LIMIT;
}

/**
 * valueCountsSql() grouped and ordered on a wide integer column's own values, with the exact text of
 * those beyond ±2^53 as a third column: pandas keeps int64 exact, so 2^53 and 2^53 + 1 are two values.
 * Only columns whose bounds reach that far take it (the doubles' query groups faster).
 */
export function exactCountsSql(table: string, column: string): string {
  const limit = EXACT_DOUBLE_LIMIT;
  return (
    `SELECT CAST(x AS DOUBLE) AS v, c, CASE WHEN x >= ${limit} OR x <= -${limit} THEN CAST(x AS VARCHAR) END AS k ` +
    `FROM (SELECT ${sqlIdent(column)} AS x, count(*)::DOUBLE AS c FROM ${sqlIdent(table)} GROUP BY 1) ` +
    `ORDER BY x NULLS FIRST`
  );
}

/** The exact texts of a chunk of exactCountsSql(), or undefined when every value fits a double. */
export function keysOf(chunk: DuckDBDataChunk): (string | null)[] | undefined {
  if (chunk.columnCount < 3) return undefined;
  const vector = chunk.getColumnVector(2);
  const keys = Array.from({ length: chunk.rowCount }, (_, i) => vector.getItem(i) as string | null);
  return keys.some((k) => k !== null) ? keys : undefined;
}

/** murmur3's 32-bit finaliser. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes an integer beyond ±2^53 by its exact bits (its double would hash its neighbours alike). */
export function addExactInteger(hll: Hll, key: string): void {
  const x = BigInt(key);
  const bits = BigInt.asUintN(64, x ^ (x >> 64n));
  const a = Number(bits >> 32n);
  const b = Number(bits & 0xffffffffn);
  const hi = fmix32((a ^ Math.imul(b, 0x9e3779b1)) >>> 0);
  hll.addHash(hi, fmix32((b ^ Math.imul(hi ^ a, 0x85ebca77) ^ 0x5bd1e995) >>> 0));
}
