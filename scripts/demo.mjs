// npm run demo: the pipeline on examples/churn-node with the CLI a user would type, local registry
// and embedded server. Round 1: validate → train → evaluate (rubber stamp) → register → production.
// Round 2: a retrained candidate is evaluated against production and rolled out as a canary; then
// the drifted batch (data/new-data.csv) is checked against the statistics stored with production.
// Every artifact lands in out/demo/. The monitor and automatic retraining (issue 10) are not here yet.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const cli = join(root, 'dist/cli/index.js');
const work = join(root, 'out/demo/churn-node');
if (!existsSync(cli)) {
  console.error('demo: dist/cli/index.js is missing; run npm run build');
  process.exit(2);
}
rmSync(join(root, 'out/demo'), { recursive: true, force: true });
mkdirSync(join(root, 'out/demo'), { recursive: true });
// Inside the repository so the example trainer resolves onnx-proto from the root node_modules.
cpSync(join(root, 'examples/churn-node'), work, { recursive: true });
const started = Date.now();

function mlci(args, { expect = [0] } = {}) {
  console.log(`\n$ mlci ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (!expect.includes(run.status)) {
    console.error(`demo: mlci ${args[0]} exited ${run.status}, expected ${expect.join(' or ')}`);
    process.exit(1);
  }
  return run.status;
}

console.log('== round 1: first model (no production model yet: the gate is a rubber stamp)');
mlci(['validate-data', '--data', 'data/train.csv', '--label', 'churned', '--out', 'out/r1/validation']);
mlci(['train', '--out', 'out/r1/train']);
mlci(['evaluate', '--model', 'out/r1/train/model.onnx', '--out', 'out/r1/evaluation']);
mlci(['register', '--model', 'out/r1/train/model.onnx', '--name', 'churn-node', '--evaluation', 'out/r1/evaluation/evaluation.json',
  '--training', 'out/r1/train/training.json', '--statistics', 'out/r1/validation/statistics.json']);
mlci(['registry', 'promote', 'churn-node', 'v1', '--alias', 'production']);

console.log('\n== round 2: a retrained candidate against production, then a canary rollout');
mlci(['train', '--seed', '7', '--out', 'out/r2/train']);
const gate = mlci(['evaluate', '--model', 'out/r2/train/model.onnx', '--baseline', 'out/r1/train/model.onnx', '--out', 'out/r2/evaluation'], {
  expect: [0, 1]
});
if (gate === 0) {
  mlci(['register', '--model', 'out/r2/train/model.onnx', '--name', 'churn-node', '--evaluation', 'out/r2/evaluation/evaluation.json',
    '--training', 'out/r2/train/training.json', '--statistics', 'out/r1/validation/statistics.json']);
  mlci(['deploy-canary', '--target', 'local', '--model', 'churn-node', '--version', 'v2', '--replay', 'data/test.csv',
    '--rate', '300', '--interval', '3s', '--min-requests', '50', '--out', 'out/r2/deploy'], { expect: [0, 1, 3] });
} else {
  console.log('the gate refused the candidate: production stays on v1');
}
mlci(['report', '--evaluation', 'out/r2/evaluation/evaluation.json', '--validation', 'out/r1/validation/validation.json', '--out', 'out/r2/report']);
mlci(['registry', 'list', 'churn-node']);

console.log('\n== new data arrives: drift against the training statistics stored with production');
mlci(['validate-data', '--data', 'data/new-data.csv', '--reference', 'out/r1/validation/statistics.json', '--label', 'churned',
  '--out', 'out/new-data/validation'], { expect: [0, 1] });

console.log('\n== the pull-request comment of round 2 (evaluation.md)\n');
console.log(readFileSync(join(work, 'out/r2/evaluation/evaluation.md'), 'utf8'));
console.log(`demo: done in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in ${work}/out`);
