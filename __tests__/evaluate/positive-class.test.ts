/**
 * The binary positive class is decided once (src/model/labels.ts positiveClassIndex) and read by
 * every binary metric, the threshold, the curves and the calibration diagram, whatever the order of
 * the model's probability columns: models whose columns are (p(class 1), p(class 0)), by metadata
 * `classes` or by a ZipMap's classlabels_int64s, score as scikit-learn with pos_label=1.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { positiveClassIndex, positiveLast } from '../../src/model/labels.js';
import { runCli } from '../../test-support/cli.js';
import { lcg, tempDir } from './helpers.js';
import { classOneFirstModel, columnCopyModel, python } from './hunt-models.js';

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-positive-');
  // q = p(class 1) on a 1/64 grid (exact in float32), informative but imperfect.
  const r = lcg(23);
  const lines = ['q,y'];
  for (let i = 0; i < 400; i++) {
    const y = r() < 0.35 ? 1 : 0;
    lines.push(`${Math.min(63, Math.max(1, Math.round((0.25 * y + 0.75 * r()) * 64))) / 64},${y}`);
  }
  data = join(dir, 'data.csv');
  await writeFile(data, lines.join('\n') + '\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** scikit-learn with pos_label=1 on q = p(class 1); `threshold` makes a row positive when q > it. */
function sklearn(threshold?: number): Record<string, number> {
  return python(
    `
import json, sys, numpy as np, pandas as pd
from sklearn import metrics as m
from sklearn.calibration import calibration_curve
d = pd.read_csv(sys.argv[1]); t = float(sys.argv[2])
q = d['q'].to_numpy(np.float32).astype(np.float64); y = d['y'].to_numpy()
pred = (q > t).astype(int) if t >= 0 else np.stack([1 - q, q], axis=1).argmax(axis=1)
prob_true, prob_pred = calibration_curve(y, q, n_bins=10, strategy='uniform')
ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], q); total = np.bincount(ids, minlength=11)
ece = float(np.sum(total[total != 0] * np.abs(prob_true - prob_pred)) / len(q))
print(json.dumps({'accuracy': m.accuracy_score(y, pred), 'precision': m.precision_score(y, pred),
  'recall': m.recall_score(y, pred), 'f1': m.f1_score(y, pred), 'roc_auc': m.roc_auc_score(y, q),
  'average_precision': m.average_precision_score(y, q), 'brier_score': m.brier_score_loss(y, q),
  'log_loss': m.log_loss(y, np.stack([1 - q, q], axis=1), labels=[0, 1]),
  'expected_calibration_error': ece}))`,
    data,
    String(threshold ?? -1)
  );
}

async function evaluate(bytes: Uint8Array, name: string, ...extra: string[]) {
  const path = join(dir, `${name}.onnx`);
  await writeFile(path, bytes);
  const out = join(dir, name);
  const args = ['evaluate', '--model', path, '--data', data, '--label', 'y', '--task', 'binary'];
  const res = await runCli([...args, '--bootstrap', '0', '--out', out, ...extra]);
  expect(res.stderr).not.toMatch(/this is a bug/);
  expect(res.code).toBe(0);
  return JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [metric, value] of Object.entries(expected))
    expect([metric, Math.abs(actual[metric] - value) <= 1e-9]).toEqual([metric, true]);
}

describe('binary metrics read the probability of class 1, whatever the column order', () => {
  it('metadata classes [1, 0]: every metric, the calibration and the confusion matrix as scikit-learn', async () => {
    const evaluation = await evaluate(classOneFirstModel(), 'meta');
    const expected = sklearn();
    expect(expected.precision).not.toBeCloseTo(expected.recall, 3); // the two readings differ on this data
    expectClose(evaluation.candidate.metrics, expected);
    expect(evaluation.candidate.confusion_matrix.labels).toEqual(['0', '1']);
    expect(evaluation.candidate.calibration.of).toBe('positive_probability');
  });

  it('ZipMap classlabels_int64s [1, 0]: the same', async () => {
    const evaluation = await evaluate(classOneFirstModel(true), 'zipmap');
    expectClose(evaluation.candidate.metrics, sklearn());
  });

  it('--threshold makes a row positive when p(class 1) > it', async () => {
    const evaluation = await evaluate(classOneFirstModel(), 'threshold', '--threshold', '0.3');
    expectClose(evaluation.candidate.metrics, sklearn(0.3));
  });

  it('a baseline with the columns in the other order compares metric for metric', async () => {
    const baseline = join(dir, 'baseline.onnx');
    // One column q, read as p(class 1): the same probabilities in the usual order.
    await writeFile(baseline, columnCopyModel(['q'], [{ name: 'p1', from: ['q'], rank: 2 }]));
    const evaluation = await evaluate(classOneFirstModel(), 'paired', '--baseline', baseline);
    for (const m of ['precision', 'recall', 'f1', 'average_precision', 'roc_auc', 'brier_score'])
      expect([m, evaluation.deltas[m].delta]).toEqual([m, 0]);
  });
});

describe('positiveClassIndex', () => {
  it('takes class 1 when there is one (pos_label=1), else the greater label', () => {
    expect(positiveClassIndex(['1', '0'])).toBe(0);
    expect(positiveClassIndex(['0', '1'])).toBe(1);
    expect(positiveClassIndex(['1.0', '2'])).toBe(0);
    expect(positiveClassIndex(['-1', '1'])).toBe(1);
    expect(positiveClassIndex(['10', '9'])).toBe(0); // by value, not as text
    expect(positiveClassIndex(['yes', 'no'])).toBe(0);
    expect(positiveClassIndex(['B', 'a'])).toBe(1); // code points, as Python sorts
  });

  it('positiveLast swaps the columns and labels only when needed', () => {
    const proba = new Float64Array([0.9, 0.1, 0.2, 0.8]);
    expect(positiveLast(['0', '1'], proba)).toEqual({ labels: ['0', '1'], proba });
    expect(positiveLast(['1', '0'], proba)).toEqual({
      labels: ['0', '1'],
      proba: new Float64Array([0.1, 0.9, 0.8, 0.2])
    });
  });
});
