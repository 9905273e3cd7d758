/**
 * What evaluate feeds a model and which labels it takes: a string input gets the file's text as
 * written, integer and bool inputs get checked whole numbers, a fixed batch axis is refused
 * clearly; infinite labels are refused with their row, and regression sums that overflow float64
 * give null metrics with the cause instead of a crash.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { tempDir } from './helpers.js';
import { columnCopyModel, matrixRegressor, numericZipModel, python, zipCodeModel } from './hunt-models.js';

let dir: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-inputs-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function evaluate(model: string, data: string, task: string, out: string, ...extra: string[]) {
  const args = ['evaluate', '--model', model, '--data', data, '--label', 'y', '--task', task];
  // The paired bootstrap runs only with a baseline: a small one then, so resampled sums are covered.
  const resamples = extra.includes('--baseline') ? '200' : '0';
  const res = await runCli([...args, '--bootstrap', resamples, '--out', join(dir, out), ...extra]);
  expect(res.stderr).not.toMatch(/this is a bug/);
  const json = join(dir, out, 'evaluation.json');
  return { ...res, evaluation: existsSync(json) ? JSON.parse(await readFile(json, 'utf8')) : null };
}

describe('string inputs get the data file’s text', () => {
  it('feeds "007" and "010" as written, not as the numbers 7 and 10', async () => {
    const data = await file('zip.csv', 'zip,y\n007,1\n010,0\n007,1\n010,0\n007,1\n');
    const model = await file('zip.onnx', zipCodeModel());
    const predictions = join(dir, 'zip-predictions.csv');
    const res = await evaluate(model, data, 'binary', 'zip', '--predictions', predictions);
    expect(res.code).toBe(0);
    expect(res.evaluation.candidate.metrics.accuracy).toBe(1);
    expect(res.evaluation.candidate.metrics.roc_auc).toBe(1);
    const p1 = (await readFile(predictions, 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[1]));
    expect(p1).toEqual([0.875, 0.125, 0.875, 0.125, 0.875]);
  });

  it('still feeds the same column as a number to a baseline that takes it as one', async () => {
    const data = await file('zip2.csv', 'zip,y\n007,0\n010,1\n007,0\n010,1\n');
    const model = await file('zip2.onnx', zipCodeModel());
    const baseline = await file('zip-numeric.onnx', numericZipModel());
    const res = await evaluate(model, data, 'binary', 'zip2', '--baseline', baseline);
    expect(res.code).toBe(0);
    expect(res.evaluation.candidate.metrics.accuracy).toBe(0); // "007" → 0.875 for class 0 rows
    expect(res.evaluation.baseline.metrics.accuracy).toBe(1); // sigmoid(7 − 8.5) < 0.5 < sigmoid(10 − 8.5)
  });
});

describe('integer, bool and fixed-batch inputs', () => {
  it.each(['int64', 'int32', 'bool'] as const)('feeds a %s matrix input [N, 2]', async (type) => {
    const data = await file(`${type}.csv`, 'a,b,y\n1,0,2\n0,1,1\n1,1,3\n0,0,0\n');
    const model = await file(`${type}.onnx`, matrixRegressor(type));
    const res = await evaluate(model, data, 'regression', `m-${type}`);
    expect(res.code).toBe(0);
    expect(res.evaluation.candidate.metrics.rmse).toBe(0); // 2·a + b = y on every row
  });

  it('refuses a value outside an integer or bool input’s range, naming the row and column', async () => {
    const data = await file('bool-bad.csv', 'a,b,y\n1,0,2\n0,2,1\n');
    const res = await evaluate(
      await file('bool-bad.onnx', matrixRegressor('bool')),
      data,
      'regression',
      'bb'
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /bool-bad\.csv: row 2, column "b": 2 is not 0 or 1, but .* takes bool \(input "input"\)/
    );
    const frac = await file('int-frac.csv', 'a,b,y\n1,0.5,2\n');
    const res2 = await evaluate(
      await file('int-frac.onnx', matrixRegressor('int64')),
      frac,
      'regression',
      'if'
    );
    expect(res2.code).toBe(2);
    expect(res2.stderr).toMatch(/row 1, column "b": 0\.5 is not a whole number in int64's range/);
  });

  it('refuses a fixed batch axis, naming the input and the fix', async () => {
    const data = await file('fixed.csv', 'a,b,y\n1,0,2\n0,1,1\n');
    const res = await evaluate(
      await file('fixed.onnx', matrixRegressor('float', 1)),
      data,
      'regression',
      'fx'
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /input "input" has a fixed batch axis of 1 \(shape \[1, 2\]\); .* must be dynamic/
    );
  });
});

describe('labels and regression sums that are not finite', () => {
  const regressor = () => columnCopyModel(['p'], [{ name: 'variable', from: ['p'], rank: 2 }]);

  it('refuses an infinite regression label with its row and column', async () => {
    const data = await file('inf.csv', 'p,y\n0,1\n1,inf\n3,1\n');
    const res = await evaluate(await file('reg.onnx', regressor()), data, 'regression', 'inf');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /inf\.csv: row 2, column "y": the label is Infinity; a regression label must be a finite number/
    );
  });

  it('shows an infinite class label as Infinity, not null', async () => {
    const data = await file('inf-class.csv', 'p,y\n0.2,-inf\n0.7,0\n');
    const model = await file('one.onnx', columnCopyModel(['p'], [{ name: 'p1', from: ['p'], rank: 2 }]));
    const res = await evaluate(model, data, 'binary', 'inf-class');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/row 1 has label -Infinity, which is not one of the model's classes/);
  });

  it('gives null with the cause, not a crash, when squared errors overflow float64 (scikit-learn: inf)', async () => {
    const data = await file('big.csv', 'p,y\n0,1e155\n1,2\n3,1\n');
    const model = await file('reg-big.onnx', regressor());
    const res = await evaluate(
      model,
      data,
      'regression',
      'big',
      '--baseline',
      model,
      '--gate',
      'rmse:max_rise=0.1'
    );
    // The gate fails on an undefined value, saying why; it does not crash.
    expect(res.code).toBe(1);
    expect(res.evaluation.gates[0].reason).toMatch(/rmse is undefined \(the sum of squared errors overflows/);
    const c = res.evaluation.candidate;
    expect(c.metrics.rmse).toBeNull();
    expect(c.undefined_reasons.rmse).toMatch(/squared errors overflows float64/);
    expect(c.metrics.r2).toBeNull();
    const expected = python<{ mse: number; mae: number }>(
      `
import json, numpy as np
from sklearn import metrics as m
y = np.array([1e155, 2, 1]); p = np.array([0, 1, 3], dtype=np.float32).astype(np.float64)
print(json.dumps({'mse': str(m.mean_squared_error(y, p)), 'mae': m.mean_absolute_error(y, p)}))`
    );
    expect(String(expected.mse)).toBe('inf');
    expect(c.metrics.mae).toBe(expected.mae);
  });
});
