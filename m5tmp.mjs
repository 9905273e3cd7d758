import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '500MB', temp_directory: '/tmp/m1tmp', preserve_insertion_order: 'false' });
const db = await inst.connect();
let t = Date.now(); const t0 = t;
const lap = (l) => { const n = Date.now(); console.log(l, n - t, 'ms', 'rss', Math.round(process.memoryUsage().rss/1e6)); t = n; };
const all = [...Array.from({length:12},(_, i)=>`num_${i}`), ...Array.from({length:6},(_, i)=>`cat_${i}`), 'ts', 'label'];
const nums = all.slice(0,12);
await db.run(`COPY (SELECT * FROM read_csv('bench/data/current.csv')) TO '/tmp/cur_u.parquet' (FORMAT parquet, COMPRESSION uncompressed)`); lap('csv->parquet uncompressed');
await db.run(`COPY (SELECT * FROM read_csv('bench/data/reference.csv')) TO '/tmp/ref_u.parquet' (FORMAT parquet, COMPRESSION lz4)`); lap('csv->parquet lz4');
const cur = `read_parquet('/tmp/cur_u.parquet')`, ref = `read_parquet('/tmp/ref_u.parquet')`;
const ns = (await db.runAndReadAll(`SELECT ${nums.map(c=>`count(CASE WHEN isfinite(${c}) THEN 1 END)`).join(',')} FROM ${cur}`)).getRows()[0].map(Number);
const nr = (await db.runAndReadAll(`SELECT ${nums.map(c=>`count(CASE WHEN isfinite(${c}) THEN 1 END)`).join(',')} FROM ${ref}`)).getRows()[0].map(Number);
lap('counts');
const ps = [0.01,0.05,0.25,0.5,0.75,0.95,0.99];
for (const [i, c] of nums.entries()) {
  const na = nr[i], nb = ns[i];
  const q = (n, col, name) => ps.flatMap(p => { const h = (n-1)*p, lo = Math.floor(h); return [`min(v) FILTER (${col} > ${lo})`, `min(v) FILTER (${col} > ${lo+1})`]; }).join(',');
  const sql = `WITH j AS (SELECT v, sum(1-s) a, sum(s) b FROM (SELECT ${c} v, 0 s FROM ${ref} WHERE isfinite(${c}) UNION ALL SELECT ${c} v, 1 s FROM ${cur} WHERE isfinite(${c})) GROUP BY v),
  w AS (SELECT v, sum(a) OVER o ca, sum(b) OVER o cb, lead(v) OVER o - v dx FROM j WINDOW o AS (ORDER BY v ROWS UNBOUNDED PRECEDING))
  SELECT sum(abs(ca/${na} - cb/${nb}) * dx), max(ca/${na} - cb/${nb}), min(ca/${na} - cb/${nb}), count(*), ${q(na,'ca')}, ${q(nb,'cb')} FROM w`;
  const r = await db.runAndReadAll(sql);
  if (i === 0) console.log(r.getRows()[0].slice(0,5));
}
lap('drift per column sql');
console.log('total', Date.now() - t0);
