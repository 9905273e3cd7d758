import { DuckDBInstance } from '@duckdb/node-api';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c0 = cpu(), t0 = Date.now();
const lap = (l) => { const c = cpu(), t = Date.now(); console.log(l, 'wall', t - t0, 'cpu', Math.round(c - c0), 'rss', Math.round(process.memoryUsage().rss/1e6)); c0 = c; t0 = t; };
const inst = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB' });
const db = await inst.connect();
const src = `read_csv('bench/data/current.csv', header=true, delim=',', quote='"', escape='"', auto_type_candidates=['BIGINT','DOUBLE','DATE','TIMESTAMP','TIME','VARCHAR'])`;
await db.run(`ATTACH ':memory:' AS cm (COMPRESS)`);
await db.run(`CREATE TABLE cm.t AS SELECT * FROM ${src}`); lap('ctas compressed');
await db.run(`CHECKPOINT cm`).catch(e => console.log(e.message)); lap('checkpoint');
const r = await db.stream(`SELECT v, count(*)::DOUBLE c FROM (SELECT num_5 v FROM cm.t) WHERE isfinite(v) GROUP BY v ORDER BY v`);
for (;;) { const ch = await r.fetchChunk(); if (!ch || ch.rowCount === 0) break; }
lap('group sort num_5 from compressed');
console.log((await db.runAndReadAll(`SELECT database_size, memory_usage FROM pragma_database_size() `)).getRows());
