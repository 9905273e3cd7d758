import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadColumns } from '../../src/data/columns.js';
import { runCli } from '../../test-support/cli.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';
import { makeProject } from './helpers.js';

const CATEGORICAL = ['contract', 'internet_service', 'payment_method', 'region'];
const NUMERIC = ['tenure_months', 'monthly_charges', 'total_charges', 'age', 'support_calls'];

afterAll(removeExampleCopies);

/** P(churn) of an example model on its test.csv, fed one input per column as serving does. */
async function churnProbabilities(
  model: string,
  data: string
): Promise<{ p: Float32Array; y: Float64Array }> {
  const columns = await loadColumns(data, [...NUMERIC, ...CATEGORICAL, 'churned']);
  const n = columns.rowCount;
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of NUMERIC)
    feeds[name] = new ort.Tensor('float32', Float32Array.from(columns.numeric[name]), [n, 1]);
  for (const name of CATEGORICAL)
    feeds[name] = new ort.Tensor(
      'string',
      columns.text[name].map((v) => v ?? ''),
      [n, 1]
    );
  const session = await ort.InferenceSession.create(model);
  const out = await session.run(feeds);
  expect(out.probabilities.dims).toEqual([n, 2]);
  const both = out.probabilities.data as Float32Array;
  return { p: Float32Array.from({ length: n }, (_, i) => both[2 * i + 1]), y: columns.numeric.churned };
}

/** ROC AUC by the Mann–Whitney statistic (ties count half). */
function rocAuc(p: Float32Array, y: Float64Array): number {
  const order = Array.from(p.keys()).sort((a, b) => p[a] - p[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1]] === p[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]] === 1) {
        rankSum += rank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

describe('mlci train (CLI) on the two example projects', () => {
  it('trains examples/churn-node with Node only, reproducibly, fast', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-churn-'));
    const example = await copyExample('churn-node');
    const config = join(example, 'mlci.yml');
    const run = await runCli(['train', '--config', config, '--out', out, '--check-reproducible', '--json']);
    expect(run.stderr).not.toContain('mlci: ');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe('pass');
    expect(result.record.reproducibility).toMatchObject({ reproducible: true, method: 'bytes' });
    expect(result.record.process.wall_seconds).toBeLessThan(5);
    expect(result.record.metrics.loss_points).toBe(26);
    const lossCheck = result.record.checks.find((c: { name: string }) => c.name === 'loss_decreases');
    expect(lossCheck.status).toBe('pass');
    const paths = result.record.data.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['data/train.csv', 'data/test.csv']);
    const { p, y } = await churnProbabilities(join(out, 'model.onnx'), join(example, 'data/test.csv'));
    expect(rocAuc(p, y)).toBeGreaterThan(0.8);
    const record = JSON.parse(await readFile(join(out, 'training.json'), 'utf8'));
    expect(record.model.sha256).toBe(result.record.model.sha256);
  });

  it('trains examples/sklearn-python with /usr/bin/python3, and the ONNX export matches scikit-learn', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-sklearn-'));
    const example = await copyExample('sklearn-python');
    const run = await runCli(['train', '--config', join(example, 'mlci.yml'), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^mlci train: pass · /);
    const record = JSON.parse(await readFile(join(out, 'training.json'), 'utf8'));
    expect(record.runtime.python_interpreter).toBe('/usr/bin/python3');
    expect(record.runtime.python).toMatch(/^3\.\d+/);
    expect(record.metrics.loss_points).toBe(20);
    const params = join(out, 'params.json');
    await writeFile(params, JSON.stringify(record.params));
    const script = '__fixtures__/train/sklearn_reference.py';
    const stdout = execFileSync('/usr/bin/python3', [script, example, String(record.seed), params], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    });
    const reference = JSON.parse(stdout) as number[];
    const { p, y } = await churnProbabilities(join(out, 'model.onnx'), join(example, 'data/test.csv'));
    expect(p.length).toBe(reference.length);
    let worst = 0;
    reference.forEach((r, i) => (worst = Math.max(worst, Math.abs(r - p[i]))));
    expect(worst).toBeLessThan(1e-5);
    expect(rocAuc(p, y)).toBeGreaterThan(0.8);
  }, 60_000);
});

describe('mlci train (CLI) options and exit codes', () => {
  it('prints the cache key, and the same key again', async () => {
    const project = await makeProject();
    const config = join(project.root, 'mlci.yml');
    const first = await runCli(['train', '--config', config, '--print-cache-key']);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/^[0-9a-f]{40}$/);
    const json = await runCli(['train', '--config', config, '--print-cache-key', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      key: first.stdout.trim(),
      enabled: true,
      dir: join(project.root, '.mlci', 'cache', first.stdout.trim())
    });
    const other = await runCli(['train', '--config', config, '--print-cache-key', '--set', 'lr=1']);
    expect(other.stdout.trim()).not.toBe(first.stdout.trim());
  });

  it('trains from --command alone when there is no mlci.yml', async () => {
    const project = await makeProject();
    await rm(join(project.root, 'mlci.yml'));
    const previous = process.cwd();
    process.chdir(project.root);
    try {
      const run = await runCli(['train', '--command', 'bash train.sh', '--out', 'out2', '--json']);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.record.command).toBe('bash train.sh');
      expect(result.record.data).toEqual([]);
      expect(result.record.checks.find((c: { name: string }) => c.name === 'signature').detail).not.toContain(
        'task'
      );
      const none = await runCli(['train']);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('mlci.yml: not found');
    } finally {
      process.chdir(previous);
    }
  });

  it('exits 1 on a failing command and 2 on bad input', async () => {
    const project = await makeProject({ mode: 'fail' });
    const failed = await runCli(['train', '--config', join(project.root, 'mlci.yml'), '--out', project.out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('mlci: the training command failed: exit code 3');
    const json = await runCli([
      'train',
      '--config',
      join(project.root, 'mlci.yml'),
      '--out',
      project.out,
      '--json'
    ]);
    expect(json.code).toBe(1);
    const printed = JSON.parse(json.stdout);
    expect(printed).toMatchObject({ status: 'fail', record: { status: 'fail', failed_checks: ['command'] } });
    expect(printed.error).toContain('exit code 3');
    const badSeed = await runCli(['train', '--config', join(project.root, 'mlci.yml'), '--seed', 'abc']);
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('--seed: got "abc", expected a whole number');
    const badSet = await runCli(['train', '--config', join(project.root, 'mlci.yml'), '--set', 'novalue']);
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toContain('--set: got "novalue", expected key=value');
    const missing = await runCli(['train', '--config', join(project.root, 'nope.yml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yml: not found');
  });
});
