import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '700MB', temp_directory: '/tmp/m1tmp', preserve_insertion_order: 'false' });
const db = await inst.connect();
let t = Date.now(); const t0 = t;
const lap = (l) => { const n = Date.now(); console.log(l, n - t, 'ms', 'rss', Math.round(process.memoryUsage().rss/1e6)); t = n; };
const all = [...Array.from({length:12},(_, i)=>`num_${i}`), ...Array.from({length:6},(_, i)=>`cat_${i}`), 'ts', 'label'];
const nums = all.slice(0,12);
await db.runAndReadAll(`SELECT ${all.map(c=>`max(${c})`).join(',')} FROM read_csv('bench/data/current.csv')`); lap('plain scan');
await db.run(`CREATE TABLE cur AS SELECT * FROM read_csv('bench/data/current.csv')`); lap('mat cur all');
await db.run(`CREATE TABLE ref AS SELECT ${nums.join(',')} FROM read_csv('bench/data/reference.csv')`); lap('mat ref numerics');
let rows = 0;
for (const c of nums) {
  const r = await db.stream(`SELECT v, sum(1-s)::DOUBLE a, sum(s)::DOUBLE b FROM (SELECT ${c} v, 0 s FROM ref UNION ALL SELECT ${c} v, 1 s FROM cur) GROUP BY v ORDER BY v`);
  let sa = 0;
  for (;;) { const ch = await r.fetchChunk(); if (!ch || ch.rowCount === 0) break; rows += ch.rowCount; const v = ch.getColumnVector(0).items; const a = ch.getColumnVector(1).items; for (let i = 0; i < a.length; i++) sa += a[i]; }
}
lap('joint value counts streamed typed ' + rows);
console.log('total', Date.now() - t0);
