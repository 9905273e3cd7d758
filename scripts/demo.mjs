// npm run demo: the whole loop on examples/churn-node with the CLI a user would type, the local
// registry and real local servers. Round 1: `mlci pipeline` validates, trains, evaluates (a rubber
// stamp: no production yet), registers v1 and makes it production. Production then serves with a
// prediction log; `mlci monitor` finds nothing wrong with ordinary traffic, then sees drift once the
// drifted batch (data/new-data.csv) arrives and decides to retrain. Round 2 is that retraining on the
// new data version: validated, trained, evaluated against v1, registered and rolled out as a canary
// that promotes itself or rolls back. Every artifact lands in out/demo/; the pull-request comment of
// round 2 (evaluation.md) is printed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
const env = { ...process.env, CI: 'true' };

function mlci(args, { expect = [0] } = {}) {
  console.log(`\n$ mlci ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, stdio: 'inherit', env });
  if (!expect.includes(run.status)) {
    console.error(`demo: mlci ${args[0]} exited ${run.status}, expected ${expect.join(' or ')}`);
    process.exit(1);
  }
  return run.status;
}

/** Starts `mlci serve` on a free port and resolves with its URL once it listens. */
function serve(args) {
  console.log(`\n$ mlci ${args.join(' ')} &`);
  const child = spawn(process.execPath, [cli, ...args], { cwd: work, env, stdio: ['ignore', 'inherit', 'pipe'] });
  return new Promise((resolveUrl, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      seen += chunk;
      const url = /on (http:\/\/[\d.:]+)/.exec(seen)?.[1];
      if (url) resolveUrl({ url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`mlci serve exited ${code} before listening`)));
  });
}

/** The example's CSV rows as objects (its values hold no quotes or commas); an empty number is missing (null). */
function csvRows(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  const cells = lines.map((line) => line.split(','));
  const numeric = names.map((_, i) => cells.every((row) => row[i] === '' || /^-?[\d.]+$/.test(row[i])));
  return cells.map((row) =>
    Object.fromEntries(row.map((cell, i) => [names[i], numeric[i] ? (cell === '' ? null : Number(cell)) : cell]))
  );
}

/** One row as an Open Inference Protocol request (a missing number is sent as null, which the model sees as NaN). */
function inferBody(row) {
  return {
    inputs: Object.entries(row).map(([name, value]) =>
      typeof value === 'string'
        ? { name, shape: [1], datatype: 'BYTES', data: [value] }
        : { name, shape: [1], datatype: 'FP32', data: [value] }
    )
  };
}

/** The row without its label: what a client knows when it asks for a prediction. */
function withoutLabel(row) {
  return Object.fromEntries(Object.entries(row).filter(([name]) => name !== 'churned'));
}

/** Sends rows (without the label) to the server, one request each, 50 at a time: live traffic. */
async function traffic(url, rows) {
  for (let start = 0; start < rows.length; start += 50) {
    const answers = await Promise.all(
      rows.slice(start, start + 50).map((row) =>
        fetch(`${url}/v2/models/churn-node/infer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(inferBody(withoutLabel(row)))
        })
      )
    );
    const failed = answers.filter((a) => a.status !== 200);
    if (failed.length > 0) throw new Error(`the server answered ${failed[0].status}`);
  }
  console.log(`sent ${rows.length} requests to ${url}`);
}

console.log('== round 1: the first model (no production model yet: the gate is a rubber stamp)');
mlci(['pipeline', '--out', 'out/round1']);

console.log('\n== production serves v1 with a prediction log; the monitor watches it');
const server = await serve(['serve', '--model', 'churn-node@production', '--port', '0', '--log', 'logs/predictions.jsonl', '--log-sample', '1']);
try {
  await traffic(server.url, csvRows(join(work, 'data/test.csv')).slice(0, 1000));
  mlci(['monitor', '--model', 'churn-node', '--log', 'logs/predictions.jsonl', '--out', 'out/monitor-1']);
  const since = new Date().toISOString();
  console.log('\n== new data arrives: the customers now look different (data/new-data.csv)');
  await traffic(server.url, csvRows(join(work, 'data/new-data.csv')));
  // Locally the trigger is none; in Actions, --trigger workflow_dispatch --workflow mlci-retrain.yml sends it.
  const verdict = mlci(['monitor', '--model', 'churn-node', '--log', 'logs/predictions.jsonl', '--since', since, '--out', 'out/monitor-2'], {
    expect: [0, 1]
  });
  if (verdict === 0) {
    console.log('demo: the monitor saw no drift, so nothing is retrained');
    process.exit(1);
  }
} finally {
  await server.stop();
}

console.log('\n== round 2: retraining on the new data version (train.csv + the labelled new batch)');
// What the retraining workflow's "fetch the data version" step does: the training data now holds the new rows.
const fresh = readFileSync(join(work, 'data/new-data.csv'), 'utf8').trim().split('\n').slice(1).join('\n');
appendFileSync(join(work, 'data/train.csv'), `${fresh}\n`);
const round2 = mlci(['pipeline', '--out', 'out/round2'], { expect: [0, 1] });
console.log(round2 === 0 ? '\nthe retrained model passed its gates and its canary' : '\nthe retrained model was refused: production stays where it was');
// The load test's latency-vs-rate chart joins the report when the rollout got as far as its load test.
const loadtest = 'out/round2/deploy-canary/loadtest.json';
const withLoadtest = existsSync(join(work, loadtest)) ? ['--loadtest', loadtest] : [];
mlci(['report', '--evaluation', 'out/round2/evaluate/evaluation.json', '--validation', 'out/round2/validate-data/validation.json', ...withLoadtest, '--out', 'out/round2/report']);
mlci(['registry', 'list', 'churn-node']);

console.log('\n== the pull-request comment of round 2 (evaluation.md)\n');
console.log(readFileSync(join(work, 'out/round2/evaluate/evaluation.md'), 'utf8'));
console.log(`demo: done in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in ${work}/out`);
