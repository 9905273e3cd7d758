import { DuckDBInstance } from '@duckdb/node-api';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c0 = cpu(), t0 = Date.now();
const lap = (l) => { const c = cpu(), t = Date.now(); console.log(l, 'wall', t - t0, 'cpu', Math.round(c - c0)); c0 = c; t0 = t; };
const inst = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '500MB' });
const db = await inst.connect();
await db.run(`CREATE VIEW cur AS SELECT * FROM read_parquet('bench/data/current.parquet')`);
await db.run(`CREATE VIEW ref AS SELECT * FROM read_parquet('bench/data/reference.parquet')`);
async function drain(sql) { const r = await db.stream(sql); let n = 0; for (;;) { const ch = await r.fetchChunk(); if (!ch || ch.rowCount === 0) break; n += ch.rowCount; ch.getColumnVector(0).items.slice(); } return n; }
const cols = ['num_3','num_7','num_11'];
for (const c of cols) { await drain(`SELECT v, count(*)::DOUBLE FROM (SELECT ${c} v FROM cur) WHERE isfinite(v) GROUP BY v ORDER BY v`); await drain(`SELECT v, count(*)::DOUBLE FROM (SELECT ${c} v FROM ref) WHERE isfinite(v) GROUP BY v ORDER BY v`); } lap('separate x3');
for (const c of cols) { await drain(`SELECT v, count(*) FILTER (s=0)::DOUBLE, count(*) FILTER (s=1)::DOUBLE FROM (SELECT ${c} v, 0 s FROM ref WHERE isfinite(v) UNION ALL SELECT ${c} v, 1 s FROM cur WHERE isfinite(v)) GROUP BY v ORDER BY v`); } lap('joint x3');
for (const c of cols) { await drain(`SELECT ${c} v FROM cur WHERE isfinite(v) ORDER BY v`); await drain(`SELECT ${c} v FROM ref WHERE isfinite(v) ORDER BY v`); } lap('raw sort x3');
for (const c of cols) { await drain(`SELECT unnest(map_keys(h)), unnest(map_values(h)) FROM (SELECT histogram(${c}) h FROM cur WHERE isfinite(${c}))`); } lap('histogram agg x3 (cur only)');
await db.runAndReadAll(`SELECT count(*) - count(DISTINCT hash(COLUMNS(*))) FROM cur`).catch(e=>console.log(e.message.slice(0,100))); lap('dup hash');
