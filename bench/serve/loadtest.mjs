// bench/serve/loadtest.mjs: `mlci loadtest` against `mlci serve` vs the serve benchmark's open-loop
// measurement at the same rate, on the same server (a child process, as in run.mjs).
//   node bench/serve/loadtest.mjs [--rate 500] [--duration 6] [--rounds 3]
// Each round: the bench's paced generator (pacedLoad, latency from scheduled send time) for
// --duration seconds, then runLoadTest --url on the same server for the same time and rate (no ramp);
// the order alternates between rounds. Prints both p50/p99 and the ratio of the p99s.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { rm } from 'node:fs/promises';
import { prepare, startServer, stopServer } from './setup.mjs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const rate = Number(args.rate ?? 500);
const duration = Number(args.duration ?? 6);
const rounds = Number(args.rounds ?? 3);
const setup = await prepare();
const { mlci, bodies } = setup;
const port = 18083;
const base = `http://127.0.0.1:${port}`;
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

// The load test reads rows from a file: the same 500 bodies, as raw Open Inference Protocol lines.
const rows = join(setup.dir, 'bodies.jsonl');
await writeFile(rows, bodies.join('\n') + '\n');

async function bench() {
  const s = await mlci.pacedLoad({ url: `${base}/v2/models/churn/infer`, bodies, rate, count: rate * duration });
  const sorted = Array.from(s.latencies).sort((a, b) => a - b);
  return { p50: pct(sorted, 0.5), p99: pct(sorted, 0.99), failed: s.failed };
}

async function loadtest() {
  const result = await mlci.runLoadTest({
    model: 'churn',
    url: base,
    registry: null,
    alias: 'production',
    rate,
    headroom: 1,
    durationMs: duration * 1000,
    ramp: [],
    replay: rows,
    dropColumns: [],
    objectives: mlci.withDefaults()
  });
  const c = result.report.points.at(-1).candidate;
  return { p50: c.latency_ms.p50, p99: c.latency_ms.p99, failed: c.errors };
}

console.log(`rate ${rate} req/s, ${duration} s each, load before ${loadavg()[0].toFixed(2)}`);
const results = [];
const child = await startServer(setup, 'mlci', port);
await mlci.pacedLoad({ url: `${base}/v2/models/churn/infer`, bodies, rate, count: rate * 2 }); // warm-up
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 === 1 ? ['bench', 'loadtest'] : ['loadtest', 'bench'];
  const row = { round };
  for (const kind of order) row[kind] = kind === 'bench' ? await bench() : await loadtest();
  row.ratio = row.loadtest.p99 / row.bench.p99;
  row.load = loadavg()[0];
  results.push(row);
  console.log(
    `round ${round} (load ${row.load.toFixed(2)}): bench p50 ${row.bench.p50.toFixed(2)} ms p99 ${row.bench.p99.toFixed(2)} ms · ` +
      `mlci loadtest p50 ${row.loadtest.p50.toFixed(2)} ms p99 ${row.loadtest.p99.toFixed(2)} ms · loadtest/bench p99 ${row.ratio.toFixed(2)} ` +
      `(errors ${row.bench.failed} / ${row.loadtest.failed})`
  );
}
await stopServer(child);
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
// The median of the rounds' p99s on each side, then their ratio: one pause that falls on one side of
// one round moves neither median, where it makes that round's ratio anything from 0.2 to 6.
const benchP99 = median(results.map((r) => r.bench.p99));
const loadtestP99 = median(results.map((r) => r.loadtest.p99));
console.log(
  `median p99 over ${rounds} rounds: bench ${benchP99.toFixed(2)} ms, mlci loadtest ${loadtestP99.toFixed(2)} ms, ` +
    `ratio of medians ${(loadtestP99 / benchP99).toFixed(2)}; median of the rounds' ratios ${median(results.map((r) => r.ratio)).toFixed(2)}`
);
await rm(setup.dir, { recursive: true, force: true });
process.exit(0);
