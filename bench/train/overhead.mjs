// What `mlci train` adds around a training command, on examples/churn-node: the trainer run
// directly vs `mlci train --force` (hashing, process-group supervision, checks incl. loading the
// model in onnxruntime-node, lineage, cache write), on data seen before and new, vs a cache hit. Interleaved, median of N.
//   npm run build && node bench/train/overhead.mjs [N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 7);
const example = resolve('examples/churn-node');
const cli = resolve('dist/cli/index.js');
const scratch = mkdtempSync(join(tmpdir(), 'mlci-bench-train-'));
const params = join(scratch, 'params.json');
writeFileSync(params, JSON.stringify({ learning_rate: 0.1, epochs: 25, batch_size: 256, l2: 0.0001 }));
const env = { ...process.env, MLCI_SEED: '42', MLCI_PARAMS: params, MLCI_MODEL_PATH: join(scratch, 'model.onnx'), MLCI_METRICS_PATH: join(scratch, 'm.jsonl') };

const force = () => execFileSync(process.execPath, [cli, 'train', '--force', '--out', join(scratch, 'out')], { cwd: example, stdio: 'ignore' });
// Since 2026-12-07 the data's rows and columns are remembered by content (.mlci/cache/data-shapes):
// this case forgets them first, as the first run on new data (or a CI job without that cache) pays.
const shapes = join(example, '.mlci', 'cache', 'data-shapes');
const cases = {
  'node train.mjs (direct)': () => execFileSync(process.execPath, ['train.mjs'], { cwd: example, env, stdio: 'ignore' }),
  'mlci train --force': force,
  'mlci train --force (new data)': force,
  'mlci train (cache hit)': () => execFileSync(process.execPath, [cli, 'train', '--out', join(scratch, 'out')], { cwd: example, stdio: 'ignore' })
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, run] of Object.entries(cases)) {
    if (name.endsWith('(new data)')) rmSync(shapes, { recursive: true, force: true });
    const t = performance.now();
    run();
    times[name].push(performance.now() - t);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(28)} median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`);
