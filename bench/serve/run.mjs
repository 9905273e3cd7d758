// bench/serve: mlci serve vs a minimal node:http + onnxruntime-node server (the floor), side by side.
//   node bench/serve/run.mjs [--duration 10] [--rounds 2] [--connections 50]
// 1. peak: autocannon, 50 connections, closed loop → req/s, p50, p99
// 2. tail: an open-loop generator paced evenly at half the floor's peak → p50, p99
//    (autocannon's overallRate sends each second's quota in a burst)
import { execFileSync, fork } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const duration = Number(args.duration ?? 10);
const rounds = Number(args.rounds ?? 2);
const connections = Number(args.connections ?? 50);

const bundle = join(root, 'node_modules', '.cache', 'mlci-bench-serve', 'entry.mjs');
await build({
  entryPoints: [join(here, 'entry.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['onnxruntime-node', '@duckdb/node-api'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
  },
  logLevel: 'warning'
});
const mlci = await import(bundle);

// The example model, trained afresh (seed 42) with the example's own trainer.
const dir = await mkdtemp(join(tmpdir(), 'mlci-bench-serve-'));
const modelPath = join(dir, 'model.onnx');
execFileSync(process.execPath, [join(root, 'examples', 'churn-node', 'train.mjs')], {
  cwd: join(root, 'examples', 'churn-node'),
  env: { ...process.env, MLCI_MODEL_PATH: modelPath, MLCI_SEED: '42' },
  stdio: 'ignore'
});
const registry = new mlci.LocalRegistry(join(dir, 'registry'));
await registry.register({ name: 'churn', model: new Uint8Array(await readFile(modelPath)), verdict: 'pass' });
await registry.promote('churn', 1, 'production', 'bench');

// Requests: rows of the example's test set, as one Open Inference Protocol input per column.
const replay = await mlci.readReplayFile(join(root, 'examples', 'churn-node', 'data', 'test.csv'), [
  'churned'
]);
const bodies = mlci.replayBodies(replay, null).slice(0, 500);

async function start(kind, port) {
  const child =
    kind === 'floor'
      ? fork(join(here, 'floor.mjs'), [modelPath, String(port)], { stdio: 'inherit' })
      : fork(join(here, 'mlci.mjs'), [bundle, join(dir, 'registry'), String(port)], { stdio: 'inherit' });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return child;
}

function peak(url, seconds = duration) {
  return new Promise((resolve, reject) => {
    let i = 0;
    autocannon(
      {
        url,
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

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const results = [];
const port = { floor: 18081, mlci: 18082 };
console.log(
  `cpus ${cpus().length}, load before ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
for (let round = 1; round <= rounds; round++) {
  const row = { round };
  for (const kind of ['floor', 'mlci']) {
    const child = await start(kind, port[kind]);
    const url = `http://127.0.0.1:${port[kind]}/v2/models/churn/infer`;
    await peak(url, 3); // warm-up run, discarded
    const r = await peak(url);
    row[kind] = {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx
    };
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  // Half the floor's peak, paced open loop, for both servers.
  const rate = Math.round(row.floor.rps / 2);
  for (const kind of ['floor', 'mlci']) {
    const child = await start(kind, port[kind]);
    const url = `http://127.0.0.1:${port[kind]}/v2/models/churn/infer`;
    await mlci.pacedLoad({ url, bodies, rate, count: rate * 2 }); // warm-up
    const s = await mlci.pacedLoad({ url, bodies, rate, count: rate * duration });
    row[kind].paced = {
      rate,
      achieved: s.achievedRate,
      p50: pct(s.latencies, 0.5),
      p99: pct(s.latencies, 0.99),
      failed: s.failed
    };
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  results.push(row);
  const f = row.floor;
  const m = row.mlci;
  console.log(
    `round ${round}: peak floor ${f.rps.toFixed(0)} req/s (p50 ${f.p50} ms, p99 ${f.p99} ms) · mlci ${m.rps.toFixed(0)} req/s ` +
      `(p50 ${m.p50} ms, p99 ${m.p99} ms) = ${((100 * m.rps) / f.rps).toFixed(1)} % of the floor`
  );
  console.log(
    `         paced at ${rate} req/s: floor p50 ${f.paced.p50.toFixed(2)} ms p99 ${f.paced.p99.toFixed(2)} ms · mlci p50 ` +
      `${m.paced.p50.toFixed(2)} ms p99 ${m.paced.p99.toFixed(2)} ms = ${(m.paced.p99 / f.paced.p99).toFixed(2)} × the floor's p99` +
      ` (errors: floor ${f.errors + f.paced.failed}, mlci ${m.errors + m.paced.failed})`
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `median over ${rounds} rounds: peak floor ${median(results.map((r) => r.floor.rps)).toFixed(0)} req/s, mlci ` +
    `${median(results.map((r) => r.mlci.rps)).toFixed(0)} req/s, mlci/floor ` +
    `${(100 * median(results.map((r) => r.mlci.rps / r.floor.rps))).toFixed(1)} %; paced p99 floor ` +
    `${median(results.map((r) => r.floor.paced.p99)).toFixed(2)} ms, mlci ${median(results.map((r) => r.mlci.paced.p99)).toFixed(2)} ms, ` +
    `mlci/floor ${median(results.map((r) => r.mlci.paced.p99 / r.floor.paced.p99)).toFixed(2)}`
);
console.log(
  `load after ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
console.log(JSON.stringify(results));
await rm(dir, { recursive: true, force: true });
process.exit(0);
