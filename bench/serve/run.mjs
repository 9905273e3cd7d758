// bench/serve: mlci serve vs a minimal node:http + onnxruntime-node server (the floor), side by side.
//   node bench/serve/run.mjs [--duration 10] [--rounds 3] [--connections 50] [--slice 1]
// Both servers run at once (idle while the other is loaded) and are loaded in alternating slices of
// --slice seconds, so that a burst of load from other processes on the machine falls on both alike.
// 1. peak: autocannon, 50 connections, closed loop → req/s, p50, p99 (median over slices)
// 2. tail: an open-loop generator paced evenly at half the floor's peak → p50, p99
//    (autocannon's overallRate sends each second's quota in a burst)
// Each phase also reports the server's CPU time per request (user + system, from /proc), which
// contention on the machine disturbs far less than req/s.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { prepare, startServer, stopServer } from './setup.mjs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const duration = Number(args.duration ?? 10);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 50);
const slice = Number(args.slice ?? 1);
const slices = Math.max(1, Math.round(duration / slice));

const setup = await prepare();
const { mlci, bodies } = setup;
const KINDS = ['floor', 'mlci'];
const port = { floor: 18081, mlci: 18082 };
const url = (kind) => `http://127.0.0.1:${port[kind]}/v2/models/churn/infer`;

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

function peak(target, seconds) {
  return new Promise((resolve, reject) => {
    let i = 0;
    autocannon(
      {
        url: target,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] })
          }
        ]
      },
      (error, result) => (error ? reject(error) : resolve(result))
    );
  });
}

/** Alternates `run(kind)` between the servers, `slices` times each, in ABBA order; sums per server. */
async function alternate(children, run) {
  const acc = Object.fromEntries(KINDS.map((k) => [k, { parts: [], cpu: 0 }]));
  for (let s = 0; s < slices; s++) {
    for (const kind of s % 2 === 0 ? KINDS : [...KINDS].reverse()) {
      const before = cpuSeconds(children[kind].pid);
      acc[kind].parts.push(await run(kind));
      acc[kind].cpu += cpuSeconds(children[kind].pid) - before;
    }
  }
  return acc;
}

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const results = [];
console.log(`cpus ${cpus().length}, load before ${load()}`);
for (let round = 1; round <= rounds; round++) {
  const children = {};
  for (const kind of KINDS) children[kind] = await startServer(setup, kind, port[kind]);
  for (const kind of KINDS) await peak(url(kind), 3); // warm-up runs, discarded
  const row = { round };
  const peaks = await alternate(children, (kind) => peak(url(kind), slice));
  for (const kind of KINDS) {
    const parts = peaks[kind].parts;
    const requests = parts.reduce((n, r) => n + r.requests.total, 0);
    row[kind] = {
      rps: requests / parts.reduce((t, r) => t + r.duration, 0),
      p50: median(parts.map((r) => r.latency.p50)),
      p99: median(parts.map((r) => r.latency.p99)),
      cpuUs: (1e6 * peaks[kind].cpu) / requests,
      errors: parts.reduce((n, r) => n + r.errors + r.non2xx, 0)
    };
  }
  // Half the floor's peak, paced open loop, for both servers.
  const rate = Math.round(row.floor.rps / 2);
  for (const kind of KINDS) await mlci.pacedLoad({ url: url(kind), bodies, rate, count: rate }); // warm-up
  const paced = await alternate(children, (kind) =>
    mlci.pacedLoad({ url: url(kind), bodies, rate, count: Math.round(rate * slice) })
  );
  for (const kind of KINDS) {
    const parts = paced[kind].parts;
    const latencies = parts.flatMap((s) => Array.from(s.latencies)).sort((a, b) => a - b);
    row[kind].paced = {
      rate,
      p50: pct(latencies, 0.5),
      p99: pct(latencies, 0.99),
      cpuUs: (1e6 * paced[kind].cpu) / latencies.length,
      failed: parts.reduce((n, s) => n + s.failed, 0)
    };
  }
  for (const kind of KINDS) await stopServer(children[kind]);
  row.load = loadavg()[0];
  results.push(row);
  const f = row.floor;
  const m = row.mlci;
  console.log(
    `round ${round} (load ${row.load.toFixed(2)}): peak floor ${f.rps.toFixed(0)} req/s (p50 ${f.p50} ms, p99 ${f.p99} ms, ` +
      `${f.cpuUs.toFixed(0)} µs CPU/req) · mlci ${m.rps.toFixed(0)} req/s (p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
      `${m.cpuUs.toFixed(0)} µs CPU/req) = ${((100 * m.rps) / f.rps).toFixed(1)} % of the floor`
  );
  console.log(
    `         paced at ${rate} req/s: floor p50 ${f.paced.p50.toFixed(2)} ms p99 ${f.paced.p99.toFixed(2)} ms ` +
      `(${f.paced.cpuUs.toFixed(0)} µs CPU/req) · mlci p50 ${m.paced.p50.toFixed(2)} ms p99 ${m.paced.p99.toFixed(2)} ms ` +
      `(${m.paced.cpuUs.toFixed(0)} µs CPU/req) = ${(m.paced.p99 / f.paced.p99).toFixed(2)} × the floor's p99` +
      ` (errors: floor ${f.errors + f.paced.failed}, mlci ${m.errors + m.paced.failed})`
  );
}
const med = (fn) => median(results.map(fn));
console.log(
  `median over ${rounds} rounds: peak floor ${med((r) => r.floor.rps).toFixed(0)} req/s, mlci ` +
    `${med((r) => r.mlci.rps).toFixed(0)} req/s, mlci/floor ${(100 * med((r) => r.mlci.rps / r.floor.rps)).toFixed(1)} %; ` +
    `CPU/req at peak floor ${med((r) => r.floor.cpuUs).toFixed(0)} µs, mlci ${med((r) => r.mlci.cpuUs).toFixed(0)} µs; ` +
    `paced p99 floor ${med((r) => r.floor.paced.p99).toFixed(2)} ms, mlci ${med((r) => r.mlci.paced.p99).toFixed(2)} ms, ` +
    `mlci/floor ${med((r) => r.mlci.paced.p99 / r.floor.paced.p99).toFixed(2)}`
);
console.log(`load after ${load()}`);
console.log(JSON.stringify(results));
await rm(setup.dir, { recursive: true, force: true });
process.exit(0);
