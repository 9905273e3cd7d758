import { DuckDBInstance } from '@duckdb/node-api';
const mode = process.argv[2];
const inst = await DuckDBInstance.create(mode === 'disk' ? '/tmp/m1.duckdb' : ':memory:', { threads: '2', memory_limit: '500MB', temp_directory: '/tmp/m1tmp' });
const db = await inst.connect();
let t = Date.now();
const lap = (l) => { const n = Date.now(); console.log(l, n - t, 'ms', 'rss', Math.round(process.memoryUsage().rss/1e6)); t = n; };
await db.run(`CREATE OR REPLACE TABLE cur AS SELECT * FROM read_csv('bench/data/current.csv')`); lap('load cur');
await db.run(`CREATE OR REPLACE TABLE ref AS SELECT * FROM read_csv('bench/data/reference.csv')`); lap('load ref');
const cols = Array.from({length:12},(_, i)=>`num_${i}`);
const aggs = cols.map(c => `count(${c}), count(*) FILTER (isnan(${c})), count(*) FILTER (${c} = 'inf'::DOUBLE), min(${c}) FILTER (isfinite(${c})), max(${c}) FILTER (isfinite(${c})), avg(${c}) FILTER (isfinite(${c})), stddev_samp(${c}) FILTER (isfinite(${c})), count(*) FILTER (${c} = 0)`).join(',');
await db.runAndReadAll(`SELECT ${aggs} FROM cur`); lap('aggs');
for (const c of cols) { await db.run(`CREATE OR REPLACE TEMP TABLE vc_${c} AS SELECT ${c} v, count(*) c FROM cur WHERE isfinite(${c}) GROUP BY ALL`); } lap('value counts cur');
for (const c of cols) { await db.run(`CREATE OR REPLACE TEMP TABLE rvc_${c} AS SELECT ${c} v, count(*) c FROM ref WHERE isfinite(${c}) GROUP BY ALL`); } lap('value counts ref');
const r = await db.runAndReadAll(`SELECT count(*) FROM vc_num_0`); console.log(r.getRows());
for (const c of cols) {
  await db.runAndReadAll(`WITH u AS (SELECT coalesce(a.v,b.v) v, coalesce(a.c,0) ca, coalesce(b.c,0) cb FROM rvc_${c} a FULL JOIN vc_${c} b ON a.v=b.v),
  w AS (SELECT v, sum(ca) OVER (ORDER BY v)/(SELECT sum(c) FROM rvc_${c}) F, sum(cb) OVER (ORDER BY v)/(SELECT sum(c) FROM vc_${c}) G, lead(v) OVER (ORDER BY v) - v dx FROM u)
  SELECT sum(abs(F-G)*dx), max(F-G), min(F-G) FROM w`);
} lap('drift sql');
for (const c of cols) { await db.runAndReadAll(`SELECT quantile_cont(${c}, [0.01,0.05,0.25,0.5,0.75,0.95,0.99]) FROM cur WHERE isfinite(${c})`); } lap('quantiles direct');
const cats = Array.from({length:6},(_, i)=>`cat_${i}`);
for (const c of [...cats, 'label', 'ts']) { await db.runAndReadAll(`SELECT ${c}, count(*) FROM cur GROUP BY ALL`); } lap('cat counts');
await db.runAndReadAll(`SELECT count(*) - count(DISTINCT (cur.*)) FROM cur`); lap('dups');
