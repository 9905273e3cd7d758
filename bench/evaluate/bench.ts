/**
 * bench/evaluate: mlci evaluate on a 1,000,000-row test set (candidate + baseline, all binary
 * metrics, 3 slice columns, 1,000 paired bootstrap resamples of roc_auc and accuracy) side by side
 * with pandas read_csv + scikit-learn + a numpy bootstrap on the same predictions.
 * Run: see bench/evaluate/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';

const rows = Number(process.env.ROWS ?? 1_000_000);
const pythonResamples = Number(process.env.PY_RESAMPLES ?? 20);
// mlci runs are repeated and the median reported: one run on a shared 2-core machine is noisy.
const runs = Math.max(1, Number(process.env.RUNS ?? 3));
const dir = join('bench', 'data', 'evaluate');
mkdirSync(dir, { recursive: true });
const data = join(dir, `test-${rows}.csv`);
const slices = ['region', 'plan', 'channel'];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

if (!existsSync(data)) {
  const r = lcg(42);
  const fd = openSync(data, 'w');
  writeSync(fd, 'x1,x2,x3,x4,region,plan,channel,y\n');
  const regions = ['north', 'south', 'east', 'west', 'central'];
  const plans = ['free', 'pro', 'team'];
  const channels = ['web', 'ios', 'android', 'partner'];
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const x = [r() * 4 - 2, r() * 4 - 2, r() * 4 - 2, r() * 4 - 2].map((v) => Math.round(v * 1000) / 1000);
    const logit = 1.2 * x[0] - 0.8 * x[1] + 0.5 * x[2] * x[3] + (r() - 0.5) * 3;
    chunk.push(
      `${x.join(',')},${regions[Math.floor(r() * 5)]},${plans[Math.floor(r() * 3)]},${channels[Math.floor(r() * 4)]},${logit > 0 ? 1 : 0}`
    );
    if (chunk.length === 50_000) {
      writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
}
const features = ['x1', 'x2', 'x3', 'x4'];
const candidate = join(dir, 'candidate.onnx');
const baseline = join(dir, 'baseline.onnx');
writeFileSync(
  candidate,
  linearModelOnnx({
    task: 'binary',
    featureNames: features,
    weights: [[1.1], [-0.75], [0.05], [0.02]],
    bias: [0.01]
  })
);
writeFileSync(
  baseline,
  linearModelOnnx({ task: 'binary', featureNames: features, weights: [[1.0], [-0.6], [0], [0]], bias: [0] })
);

const cli = [
  'dist/cli/index.js',
  'evaluate',
  '--model',
  candidate,
  '--baseline',
  baseline,
  '--data',
  data,
  '--label',
  'y',
  '--task',
  'binary'
];
const gates = ['--gate', 'roc_auc:max_drop=0.01', '--gate', 'accuracy:max_drop=0.01'];

function timed(args: string[]): { seconds: number; rssMb: number; stdout: string } {
  const started = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28
  });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0 && res.status !== 1) throw new Error(`mlci failed (${res.status}): ${res.stderr}`);
  const kb = Number(res.stderr.trim().split('\n').pop());
  return { seconds, rssMb: kb / 1024, stdout: res.stdout };
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
console.log(`rows: ${rows}; load before: ${uptime()}`);

// Untimed: the predictions both sides score (mlci writes its exact model outputs).
const predictions = join(dir, `predictions-${rows}.csv`);
if (!existsSync(predictions))
  execFileSync(process.execPath, [...cli, '--bootstrap', '0', '--predictions', predictions, '--json'], {
    stdio: ['ignore', 'ignore', 'inherit']
  });

type Run = ReturnType<typeof timed>;
const fullRuns: Run[] = [];
const noBootRuns: Run[] = [];
for (let i = 0; i < runs; i++) {
  fullRuns.push(timed([...cli, ...gates, '--slices', slices.join(','), '--bootstrap', '1000', '--json']));
  noBootRuns.push(timed([...cli, ...gates, '--slices', slices.join(','), '--bootstrap', '0', '--json']));
}
const median = (list: Run[]) => [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor(list.length / 2)];
const full = median(fullRuns);
const noBoot = median(noBootRuns);
const evaluation = JSON.parse(full.stdout);

const py = spawnSync(
  '/usr/bin/python3',
  ['bench/evaluate/reference.py', data, predictions, 'y', slices.join(','), String(pythonResamples)],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 26
  }
);
if (py.status !== 0) throw new Error(py.stderr);
const ref = JSON.parse(py.stdout);
const t = ref.timings;
const pyBootstrap1000 = (t.bootstrap / pythonResamples) * 1000;
const pyNoBoot = t.read + t.metrics + t.slices;
const pyAll = pyNoBoot + pyBootstrap1000;

// Exactness on the same predictions: every metric, overall and per slice.
let maxDiff = 0;
let compared = 0;
const compare = (ours: Record<string, number | null> | null | undefined, theirs: Record<string, number>) => {
  for (const [m, v] of Object.entries(theirs)) {
    const o = ours?.[m];
    if (typeof o !== 'number') throw new Error(`metric ${m} missing in mlci's output`);
    maxDiff = Math.max(maxDiff, Math.abs(o - v));
    compared++;
  }
};
compare(evaluation.candidate.metrics, ref.overall.candidate);
compare(evaluation.baseline.metrics, ref.overall.baseline);
for (const s of evaluation.slices) {
  const key = `${s.column}=${s.value}`;
  if (!ref.slices[key]) continue;
  compare(s.candidate, ref.slices[key].candidate);
  compare(s.baseline, ref.slices[key].baseline);
}

const fmt = (x: number) => x.toFixed(2).padStart(8);
console.log('');
console.log('| step | mlci (s) | pandas + scikit-learn + numpy (s) |');
console.log('|---|---:|---:|');
const m = evaluation.timings_ms;
console.log(`| read ${rows.toLocaleString('en-US')} rows | ${fmt(m.read / 1000)} | ${fmt(t.read)} |`);
console.log(`| inference, 2 models | ${fmt(m.inference / 1000)} | (predictions given) |`);
console.log(`| all binary metrics, 2 models | ${fmt(m.metrics / 1000)} | ${fmt(t.metrics)} |`);
console.log(`| 3 slice columns, 2 models | ${fmt(m.slices / 1000)} | ${fmt(t.slices)} |`);
console.log(
  `| paired bootstrap, 1,000 resamples (from its start, overlapping metrics and slices) | ${fmt((m.bootstrap ?? 0) / 1000)} | ${fmt(pyBootstrap1000)} (${pythonResamples} run, ×${1000 / pythonResamples}) |`
);
console.log(`| … of which after the slices (wall it adds) | ${fmt((m.bootstrap_join ?? 0) / 1000)} | |`);
console.log(`| **whole run, wall** (median of ${runs}) | ${fmt(full.seconds)} | ${fmt(pyAll)} |`);
console.log(
  `| whole run without bootstrap (median of ${runs}) | ${fmt(noBoot.seconds)} | ${fmt(pyNoBoot)} |`
);
console.log(`| peak RSS (MB) | ${fmt(full.rssMb)} | ${fmt(ref.peak_rss_mb)} |`);
console.log('');
console.log(
  `speed-up, all: ${(pyAll / full.seconds).toFixed(1)}×; without bootstrap: ${(pyNoBoot / noBoot.seconds).toFixed(2)}×`
);
console.log(
  `metrics compared with scikit-learn: ${compared}; max |difference| = ${maxDiff.toExponential(2)}`
);
console.log(
  `bootstrap 95 % CI roc_auc: mlci [${evaluation.deltas.roc_auc.interval?.low?.toFixed(5)}, ${evaluation.deltas.roc_auc.interval?.high?.toFixed(5)}], numpy (${pythonResamples} resamples) [${ref.intervals.roc_auc?.map((v: number) => v.toFixed(5)).join(', ')}]`
);
const list = (xs: Run[]) => xs.map((r) => r.seconds.toFixed(2)).join(', ');
console.log(`mlci runs (s): all [${list(fullRuns)}]; without bootstrap [${list(noBootRuns)}]`);
console.log(`load after: ${uptime()}`);
if (maxDiff > 1e-9) process.exitCode = 1;
