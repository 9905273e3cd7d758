// A HyperLogLog built by the engine from its 64-bit hash of each value: the profile sketches a column
// this way, and a merge re-hashes listed values the same way, so both kinds of shard share registers.
import type { DuckDBConnection } from '@duckdb/node-api';
import { Hll } from './hll.js';

/** The sketch of the hashes `hashes` yields (a query with one BIGINT column named h). */
export async function engineHll(db: DuckDBConnection, hashes: string): Promise<Hll> {
  // Index: the top 12 bits; rank: the leading zeros of the other 52, + 1.
  const rows = (
    await db.runAndReadAll(
      `SELECT (h >> 52)::INTEGER, max(CASE WHEN (h & 4503599627370495) = 0 THEN 53 ` +
        `ELSE 52 - floor(log2((h & 4503599627370495)::DOUBLE))::INTEGER END) ` +
        `FROM (${hashes}) GROUP BY 1`
    )
  ).getRows();
  const hll = new Hll();
  for (const [index, rank] of rows) hll.registers[Number(index)] = Number(rank);
  return hll;
}
