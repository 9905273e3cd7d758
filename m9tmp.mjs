import { openEngine } from './out/probe/engine.js';
import { loadSource } from './out/probe/source.js';
const e = await openEngine({ memoryLimit: '500MB', threads: 2 });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c0 = cpu(), t0 = Date.now();
const lap = (l) => { const c = cpu(), t = Date.now(); console.log(l, 'wall', t - t0, 'cpu', Math.round(c - c0)); c0 = c; t0 = t; };
const cur = await loadSource(e.db, `bench/data/current.csv`, 'cur'); lap('load');
await e.db.runAndReadAll(`SELECT max(num_0), max(num_1), max(num_2) FROM read_csv('bench/data/current.csv')`); lap('plain scan (3 cols)');
for (const c of ['num_0','num_5','num_11']) {
  const r = await e.db.stream(`SELECT v, count(*)::DOUBLE c FROM (SELECT CAST(${c} AS DOUBLE) v FROM cur) WHERE isfinite(v) GROUP BY v ORDER BY v`);
  let n = 0; for (;;) { const ch = await r.fetchChunk(); if (!ch || ch.rowCount === 0) break; n += ch.rowCount; ch.getColumnVector(0).items.slice(); ch.getColumnVector(1).items.slice(); }
  lap(`group+sort+stream ${c} (${n})`);
  await e.db.runAndReadAll(`SELECT count(*) FROM (SELECT v, count(*)::DOUBLE c FROM (SELECT CAST(${c} AS DOUBLE) v FROM cur) WHERE isfinite(v) GROUP BY v)`); lap(`group only ${c}`);
  const r2 = await e.db.stream(`SELECT CAST(${c} AS DOUBLE) v FROM cur WHERE isfinite(v) ORDER BY v`);
  n = 0; for (;;) { const ch = await r2.fetchChunk(); if (!ch || ch.rowCount === 0) break; n += ch.rowCount; ch.getColumnVector(0).items.slice(); }
  lap(`sort+stream raw ${c} (${n})`);
}
e.close();
