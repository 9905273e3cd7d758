// CPU profile of a server under the benchmark's peak load, summarised by self time.
//   node bench/serve/profile.mjs [--server mlci|floor] [--duration 10] [--top 40] [--keep DIR]
// The server runs with `node --cpu-prof`; the summary lists the functions with the most self time
// and the same time grouped by file (mlci's own code vs node internals vs onnxruntime), which is
// what a flame graph shows at a glance. --keep writes the .cpuprofile there (open it in Chrome
// DevTools or speedscope for the flame graph itself).
import { mkdtemp, readdir, readFile, rm, cp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { prepare, startServer, stopServer } from './setup.mjs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const kind = args.server ?? 'mlci';
const duration = Number(args.duration ?? 10);
const top = Number(args.top ?? 40);

const setup = await prepare();
const profDir = await mkdtemp(join(tmpdir(), 'mlci-serve-prof-'));
console.log(
  `load before ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
const child = await startServer(setup, kind, 18083, ['--cpu-prof', '--cpu-prof-dir', profDir]);
let i = 0;
const result = await new Promise((resolve, reject) =>
  autocannon(
    {
      url: `http://127.0.0.1:18083/v2/models/churn/infer`,
      connections: 50,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: setup.bodies[i++ % setup.bodies.length] })
        }
      ]
    },
    (error, r) => (error ? reject(error) : resolve(r))
  )
);
await stopServer(child);
console.log(`${kind}: ${result.requests.average.toFixed(0)} req/s under --cpu-prof (profiling slows it)`);
console.log(
  `load after ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);

const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(await readFile(join(profDir, file), 'utf8'));
if (args.keep) await cp(join(profDir, file), join(args.keep, `${kind}.cpuprofile`));
await rm(profDir, { recursive: true, force: true });
await rm(setup.dir, { recursive: true, force: true });

// Self time per node: samples × the mean interval.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;
const perFunction = new Map();
const perFile = new Map();
for (const [id, count] of hits) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? url.replace(/^.*\/(node_modules|src|bench)\//, '$1/') : '';
  const key = `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
  perFunction.set(key, (perFunction.get(key) ?? 0) + count);
  const group = url.includes('mlci-bench-serve')
    ? 'mlci (bundle)'
    : url.startsWith('node:')
      ? url
      : url
        ? url.replace(/^.*\/node_modules\//, '')
        : functionName.startsWith('(')
          ? functionName
          : '(native)';
  perFile.set(group, (perFile.get(group) ?? 0) + count);
}
const show = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`));
console.log(`\nself time by file (${total} samples)`);
show(perFile, 20);
console.log(`\nself time by function`);
show(perFunction, top);

// Inclusive time (self + callees) of the served code's functions: where a request's time goes.
const inclusive = new Map();
const visit = (node, stack) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const own = url.includes('mlci-bench-serve') || url.includes('/bench/serve/');
  const key = own ? `${functionName || '(anonymous)'}:${lineNumber + 1}` : null;
  const fresh = key && !stack.has(key);
  if (fresh) stack.add(key);
  for (const k of stack) inclusive.set(k, (inclusive.get(k) ?? 0) + (hits.get(node.id) ?? 0));
  for (const child of node.children ?? []) visit(byId.get(child), stack);
  if (fresh) stack.delete(key);
};
visit(profile.nodes[0], new Set());
console.log(`\ninclusive time of the server's own functions`);
show(inclusive, top);
