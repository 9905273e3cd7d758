import { DuckDBInstance } from '@duckdb/node-api';
const disk = process.argv[2] === 'disk';
const inst = await DuckDBInstance.create(disk ? '/tmp/scratch.duckdb' : ':memory:', { threads: '2', memory_limit: '400MB', temp_directory: '/tmp/m1tmp', preserve_insertion_order: 'false' });
const db = await inst.connect();
let t = Date.now(); const t0 = t;
const lap = (l) => { const n = Date.now(); console.log(l, n - t, 'ms', 'rss', Math.round(process.memoryUsage().rss/1e6)); t = n; };
const all = [...Array.from({length:12},(_, i)=>`num_${i}`), ...Array.from({length:6},(_, i)=>`cat_${i}`), 'ts', 'label'];
const nums = all.slice(0,12);
await db.run(`CREATE TABLE cur AS SELECT * FROM read_csv('bench/data/current.csv')`); lap('mat cur');
await db.run(`CREATE TABLE ref AS SELECT * FROM read_csv('bench/data/reference.csv')`); lap('mat ref');
let rows = 0;
for (const c of nums) {
  const r = await db.stream(`SELECT v, count(*) FILTER (s = 0)::DOUBLE a, count(*) FILTER (s = 1)::DOUBLE b FROM (SELECT ${c} v, 0 s FROM ref UNION ALL SELECT ${c} v, 1 s FROM cur) GROUP BY v ORDER BY v`);
  let sa = 0;
  for (;;) { const ch = await r.fetchChunk(); if (!ch || ch.rowCount === 0) break; rows += ch.rowCount; const v = ch.getColumnValues(0); const a = ch.getColumnValues(1); for (let i = 0; i < a.length; i++) sa += a[i]; }
}
lap('joint value counts streamed ' + rows);
for (const c of all.slice(12)) { await db.runAndReadAll(`SELECT ${c}, count(*) FROM cur GROUP BY ALL`); await db.runAndReadAll(`SELECT ${c}, count(*) FROM ref GROUP BY ALL`); } lap('cat counts');
await db.runAndReadAll(`SELECT count(*) FROM (SELECT DISTINCT hash(${all.join(',')}) FROM cur)`); lap('dup hash');
console.log('total', Date.now() - t0);
