// bench/startup: time from starting a bundled action entry to its first line of work, side by side
// with `node -e 0` (the floor), alternating runs in one process. Usage: node bench/startup/run.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 30);
const entry = resolve('dist/actions/pipeline/index.js');
const workdir = mkdtempSync(join(tmpdir(), 'mlci-startup-'));
writeFileSync(join(workdir, 'mlci.yml'), 'version: 1\nmodel:\n  name: churn\n  task: binary\n');

/** Milliseconds from spawn until the first stdout line (or exit, for the floor). */
function time(args, untilFirstLine) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: workdir, stdio: ['ignore', 'pipe', 'ignore'] });
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      done(Number(process.hrtime.bigint() - started) / 1e6);
    };
    if (untilFirstLine) child.stdout.on('data', (chunk) => chunk.includes('\n') && finish());
    child.on('exit', () => (untilFirstLine && !settled ? fail(new Error('no output')) : finish()));
  });
}

const floor = [];
const action = [];
for (let i = 0; i < runs; i++) {
  floor.push(await time(['-e', '0'], false));
  action.push(await time([entry], true));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const rows = [
  ['node -e 0 (floor)', median(floor), p90(floor)],
  ['dist/actions/pipeline first line', median(action), p90(action)]
];
console.log(`runs: ${runs} each, alternating`);
for (const [name, m, p] of rows) console.log(`${name.padEnd(36)} median ${m.toFixed(1)} ms   p90 ${p.toFixed(1)} ms`);
const over = median(action) - median(floor);
// The start-up target for every bundled entry: ≤ +60 ms above `node -e 0` (bench/startup/README.md).
const TARGET_MS = 60;
console.log(`overhead above the floor: ${over.toFixed(1)} ms (target ≤ ${TARGET_MS} ms): ${over <= TARGET_MS ? 'met' : 'MISSED'}`);
