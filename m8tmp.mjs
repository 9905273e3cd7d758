import { openEngine } from './out/probe/engine.js';
import { loadSource } from './out/probe/source.js';
import { analyse } from './out/probe/analyse.js';
import { defaultTest, runDriftTest } from './out/probe/drift/registry.js';
const ext = process.argv[2] ?? 'csv';
let t = Date.now(); const t0 = t;
const lap = (l) => { const n = Date.now(); console.log(l, n - t, 'ms', 'rss', Math.round(process.memoryUsage().rss/1e6)); t = n; };
const e = await openEngine({ memoryLimit: process.argv[3] ?? '500MB', threads: 2 });
const cur = await loadSource(e.db, `bench/data/current.${ext}`, 'cur'); lap('load cur');
const ref = await loadSource(e.db, `bench/data/reference.${ext}`, 'ref'); lap('load ref');
const r = await analyse(e, cur, { kind: 'table', source: ref }, { label: 'label' }); lap('analyse');
for (const [c, input] of Object.entries(r.inputs)) { const d = runDriftTest(defaultTest(input), input); if (c === 'num_0' || c === 'cat_0') console.log(c, d); }
lap('drift'); console.log('total', Date.now() - t0);
e.close();
