/**
 * skl2onnx's exports as they come (ZipMap and not; LinearClassifier and TreeEnsembleClassifier;
 * binary and multiclass; int and string labels): scikit-learn models trained on random data,
 * exported to skl2onnx's exact graph shape (__fixtures__/models/skl2onnx_shapes.py, since skl2onnx
 * is not installable here), evaluated by `mlci evaluate` with no flag beyond --features where the
 * data's column order is not the model's. Checked against scikit-learn live: the probabilities
 * mlci read equal predict_proba (to float32 precision), and every metric equals scikit-learn's on
 * the model's own output to 1e-9.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrt, loadServedModel } from '../../src/serve/model.js';
import { checkModelFile, checkSignature } from '../../src/train/checks.js';
import { runCli } from '../../test-support/cli.js';

interface Case {
  case: string;
  data: string;
  task: 'binary' | 'multiclass';
  features: string[] | null;
  classes: string[];
}

const PYTHON = '/usr/bin/python3';
let dir: string;
let cases: Case[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-skl2onnx-'));
  const seed = String(Math.floor(Math.random() * 1e6));
  execFileSync(PYTHON, [resolve('__fixtures__/models/skl2onnx_cases.py'), dir, seed], { stdio: 'pipe' });
  cases = JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')) as Case[];
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** scikit-learn's metrics on the probabilities mlci read, and their largest gap to predict_proba. */
function sklearn(c: Case, predictions: string): { metrics: Record<string, number>; gap: number } {
  const script = `
import json, sys, numpy as np, pandas as pd
from sklearn import metrics as m
p = pd.read_csv(sys.argv[1]).filter(like='candidate_').to_numpy(dtype=np.float64)
expected = np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)
classes = json.loads(sys.argv[4])
y = np.array([classes.index(str(v)) for v in pd.read_csv(sys.argv[3], dtype={'y': str})['y']])
pred = p.argmax(axis=1)
labels = list(range(len(classes)))
if sys.argv[5] == 'binary':
    out = {'accuracy': m.accuracy_score(y, pred), 'balanced_accuracy': m.balanced_accuracy_score(y, pred),
      'precision': m.precision_score(y, pred), 'recall': m.recall_score(y, pred), 'f1': m.f1_score(y, pred),
      'roc_auc': m.roc_auc_score(y, p[:, 1]), 'average_precision': m.average_precision_score(y, p[:, 1]),
      'log_loss': m.log_loss(y, p, labels=labels), 'brier_score': m.brier_score_loss(y, p[:, 1])}
else:
    out = {'accuracy': m.accuracy_score(y, pred), 'balanced_accuracy': m.balanced_accuracy_score(y, pred)}
    for avg in ('macro', 'weighted'):
        out['precision_' + avg] = m.precision_score(y, pred, average=avg)
        out['recall_' + avg] = m.recall_score(y, pred, average=avg)
        out['f1_' + avg] = m.f1_score(y, pred, average=avg)
    out['roc_auc_ovr'] = m.roc_auc_score(y, p, multi_class='ovr', labels=labels)
    out['log_loss'] = m.log_loss(y, p, labels=labels)
print(json.dumps({'metrics': out, 'gap': float(np.abs(p - expected).max())}))`;
  const args = [predictions, join(dir, `${c.case}.proba.csv`), c.data, JSON.stringify(c.classes), c.task];
  return JSON.parse(execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' })) as {
    metrics: Record<string, number>;
    gap: number;
  };
}

const NAMES = [
  'lr-binary-zipmap',
  'lr-binary-tensor',
  'lr-multinomial-zipmap',
  'lr-ovr-tensor',
  'rf-binary-zipmap',
  'rf-multi-zipmap',
  'rf-multi-tensor'
];

describe('skl2onnx-shaped classifiers evaluate to scikit-learn’s metrics', () => {
  it.each(NAMES)('%s', async (name) => {
    const c = cases.find((x) => x.case === name) as Case;
    const out = join(dir, `out-${name}`);
    const predictions = join(dir, `${name}.predictions.csv`);
    const args = ['evaluate', '--model', join(dir, `${name}.onnx`), '--data', c.data, '--label', 'y'];
    args.push('--task', c.task, '--out', out, '--predictions', predictions);
    if (c.features) args.push('--features', c.features.join(','));
    const res = await runCli(args);
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.code).toBe(0);
    if (name.endsWith('zipmap'))
      expect(res.stderr).toMatch(/ZipMap output "output_probability" read through/);
    expect(res.stderr).toMatch(
      name.endsWith('zipmap') ? /read output "output_probability"/ : /read output "probabilities"/
    );
    if (!c.features)
      expect(res.stderr).toMatch(/the model names no features, so its columns are .*'s in file order/);
    const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8')) as {
      candidate: { metrics: Record<string, number> };
    };
    const expected = sklearn(c, predictions);
    expect(expected.gap).toBeLessThan(1e-5);
    for (const [metric, value] of Object.entries(expected.metrics)) {
      const got = evaluation.candidate.metrics[metric];
      expect({ metric, close: Math.abs(got - value) <= 1e-9 }).toEqual({ metric, close: true });
    }
  });
});

describe('mlci train accepts skl2onnx exports as they come', () => {
  it.each(['lr-multinomial-zipmap', 'rf-binary-zipmap', 'lr-ovr-tensor'])(
    '%s passes the model and signature checks',
    async (name) => {
      const c = cases.find((x) => x.case === name) as Case;
      const file = await checkModelFile(join(dir, `${name}.onnx`), `${name}.onnx`);
      expect(file.results.map((r) => [r.name, r.status])).toEqual([
        ['model_exists', 'pass'],
        ['model_is_onnx', 'pass'],
        ['model_loads', 'pass']
      ]);
      const features = c.features ?? ['tenure', 'charges', 'age', 'calls'];
      const task = c.task;
      expect(checkSignature(file.signature!, { task, label: 'y', features })).toMatchObject({
        status: 'pass'
      });
    }
  );
});

describe('mlci serve accepts skl2onnx exports as they come', () => {
  it('serves a ZipMap model from the tensor that feeds the ZipMap, as predict_proba gives it', async () => {
    const name = 'lr-multinomial-zipmap';
    const bytes = new Uint8Array(await readFile(join(dir, `${name}.onnx`)));
    const served = await loadServedModel(bytes, { name: 'm', version: 1, task: 'multiclass' });
    // The labels are the graph's (cat, dog, emu), as evaluate reads them, not 0..C−1.
    expect(served.output).toMatchObject({
      name: 'output_probability',
      kind: 'classifier',
      classes: ['cat', 'dog', 'emu']
    });
    const ort = await loadOrt();
    const c = cases.find((x) => x.case === name) as Case;
    const script = `import sys, json, pandas as pd
print(json.dumps(pd.read_csv(sys.argv[1])[json.loads(sys.argv[2])].head(5).values.tolist()))`;
    const rows = JSON.parse(
      execFileSync(PYTHON, ['-c', script, c.data, JSON.stringify(c.features)], { encoding: 'utf8' })
    ) as number[][];
    const out = await served.run({
      [served.layout.kind === 'matrix' ? served.layout.input.name : 'float_input']: new ort.Tensor(
        'float32',
        Float32Array.from(rows.flat()),
        [5, 4]
      )
    });
    expect(out.shape).toEqual([5, 3]);
    const expected = (await readFile(join(dir, `${name}.proba.csv`), 'utf8')).trim().split('\n').slice(0, 5);
    const gapMax = Math.max(
      ...expected.flatMap((line, i) =>
        line.split(',').map((v, k) => Math.abs(Number(v) - out.data[i * 3 + k]))
      )
    );
    expect(gapMax).toBeLessThan(1e-5);
    await served.release();
  });

  it.each([
    ['lr-binary-zipmap', [0, 1]],
    ['lr-ovr-tensor', ['cat', 'dog', 'emu']],
    ['rf-multi-tensor', ['cat', 'dog', 'emu']]
  ])("%s answers with the graph's class labels", async (name, classes) => {
    const c = cases.find((x) => x.case === name) as Case;
    const bytes = new Uint8Array(await readFile(join(dir, `${name}.onnx`)));
    const served = await loadServedModel(bytes, { name: 'm', version: 1, task: c.task });
    expect(served.output.classes).toEqual(classes);
    await served.release();
  });
});
