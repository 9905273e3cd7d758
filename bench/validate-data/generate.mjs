// Generates the validate-data benchmark files into bench/data/ (git-ignored) with DuckDB:
// 2,000,000 rows x 20 columns — 12 numeric (with nulls and a few NaN/±Inf), 6 categorical of
// 5–50 levels, 1 timestamp, 1 label — as current.csv and a drifted reference.csv, plus Parquet copies.
// Usage: node bench/validate-data/generate.mjs [rows] [outdir]
import { mkdirSync, existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const rows = Number(process.argv[2] ?? 2_000_000);
const dir = process.argv[3] ?? 'bench/data';
mkdirSync(dir, { recursive: true });

function select(seed, shift) {
  const numeric = [];
  for (let i = 0; i < 12; i++) {
    // Box-Muller normal with a per-column scale, plus drift in the reference for half of the columns.
    const drift = i % 2 === 0 ? shift : 0;
    const base = `(sqrt(-2 * ln(hash(i, ${seed}, ${i}) / 18446744073709551616.0 + 1e-300)) * cos(2 * pi() * (hash(i, ${seed}, ${i + 100}) / 18446744073709551616.0)))`;
    const value = `round((${base} + ${drift}) * ${(i + 1) * 3.5} + ${i * 10}, 4)`;
    const k = `hash(i, ${seed}, ${i + 200}) % 100000`;
    numeric.push(
      `CASE WHEN ${k} < 1500 THEN NULL WHEN ${k} < 1510 THEN 'nan'::DOUBLE WHEN ${k} < 1515 THEN 'inf'::DOUBLE WHEN ${k} < 1520 THEN '-inf'::DOUBLE ELSE ${value} END AS num_${i}`
    );
  }
  const levels = [5, 8, 12, 20, 35, 50];
  const categorical = levels.map((n, j) => {
    const skew = shift > 0 && j % 2 === 0 ? 'sqrt' : '';
    return `'c' || CAST(floor(${n} * ${skew}(hash(i, ${seed}, ${j + 300}) / 18446744073709551616.0)) AS INTEGER) AS cat_${j}`;
  });
  const ts = `TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i, ${seed}, 400) % 31536000 AS BIGINT)) AS ts`;
  const label = `CAST((hash(i, ${seed}, 500) % 1000) < ${shift > 0 ? 300 : 250} AS INTEGER) AS label`;
  return `SELECT ${[...numeric, ...categorical, ts, label].join(', ')} FROM range(${rows}) t(i)`;
}

const db = await (await DuckDBInstance.create(':memory:')).connect();
for (const [name, seed, shift] of [
  ['current', 1, 0],
  ['reference', 2, 0.3]
]) {
  const csv = `${dir}/${name}.csv`;
  if (!existsSync(csv)) await db.run(`COPY (${select(seed, shift)}) TO '${csv}' (HEADER)`);
  const parquet = `${dir}/${name}.parquet`;
  if (!existsSync(parquet))
    await db.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
  console.log(`${csv} and ${parquet} ready`);
}
