import { DuckDBInstance } from '@duckdb/node-api';

/** Writes `rows` rows of `select` (SQL over `range`, e.g. "range AS a, range * 0.5 AS b") to a Parquet file. */
export async function writeParquet(path: string, select: string, rows: number): Promise<string> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`COPY (SELECT ${select} FROM range(${rows})) TO '${path}' (FORMAT parquet)`);
  db.closeSync();
  return path;
}
