import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { tempDir, writeBinaryData } from './helpers.js';
import {
  logitsAsProbabilitiesOnnx,
  oneColumnBinaryOnnx,
  regressorOnnx,
  threeUnnamedOutputsOnnx,
  writeMulticlassData
} from './misleading-models.js';

let dir: string;
let binary: string;
let multi: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-outputs-');
  binary = await writeBinaryData(dir, 600, 5);
  multi = await writeMulticlassData(dir, 800, 6);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function model(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

function evaluateArgs(modelPath: string, data: string, task: string, out: string): string[] {
  return ['evaluate', '--model', modelPath, '--data', data, '--label', 'y', '--task', task, '--out', out];
}

/** scikit-learn's metrics on the probabilities mlci read (its --predictions CSV) and the labels. */
function sklearnMulticlass(predictions: string, data: string): Record<string, number> {
  const script = `
import json, sys, numpy as np, pandas as pd
from sklearn import metrics as m
p = pd.read_csv(sys.argv[1]).filter(like='candidate_').to_numpy(dtype=np.float64)
y = pd.read_csv(sys.argv[2])['y'].to_numpy()
pred = p.argmax(axis=1)
print(json.dumps({
  'accuracy': m.accuracy_score(y, pred),
  'balanced_accuracy': m.balanced_accuracy_score(y, pred),
  'f1_macro': m.f1_score(y, pred, average='macro'),
  'precision_weighted': m.precision_score(y, pred, average='weighted'),
  'log_loss': m.log_loss(y, p, labels=[0, 1, 2]),
  'roc_auc_ovr': m.roc_auc_score(y, p, multi_class='ovr', labels=[0, 1, 2]),
}))`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, predictions, data], { encoding: 'utf8' })
  );
}

describe('evaluate reads probabilities only from an output that holds them', () => {
  it('refuses a regressor evaluated with --task binary, naming its output, values and the fix', async () => {
    const out = join(dir, 'out-regressor');
    const res = await runCli(
      evaluateArgs(await model('regressor.onnx', regressorOnnx()), binary, 'binary', out)
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/no output holds probabilities/);
    expect(res.stderr).toMatch(/"variable" \[N, 1\] row 1 is \(\d+(\.\d+)?\): values outside \[0, 1\]/);
    expect(res.stderr).toMatch(/--task regression/);
    expect(res.stderr).toMatch(/docs\/training-convention\.md/);
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(existsSync(join(out, 'evaluation.json'))).toBe(false);
  });

  it('refuses logits in the output named probabilities', async () => {
    const out = join(dir, 'out-logits');
    const path = await model('logits.onnx', logitsAsProbabilitiesOnnx());
    const res = await runCli(evaluateArgs(path, binary, 'binary', out));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /output "probabilities" \(the output named "probabilities"\) does not hold probabilities/
    );
    expect(res.stderr).toMatch(/row \d+ is \(-?[\d.]+, -?[\d.]+\): values outside \[0, 1\]/);
    expect(res.stderr).toMatch(/after softmax or sigmoid/);
    expect(existsSync(join(out, 'evaluation.json'))).toBe(false);
  });

  it('scores three unnamed outputs (logits, probabilities, label) on the probabilities, as scikit-learn', async () => {
    const out = join(dir, 'out-three');
    const predictions = join(dir, 'three-predictions.csv');
    const path = await model('three.onnx', threeUnnamedOutputsOnnx());
    const res = await runCli([...evaluateArgs(path, multi, 'multiclass', out), '--predictions', predictions]);
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/candidate: read output "output_1"/);
    const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(evaluation.candidate.output.name).toBe('output_1');
    expect(evaluation.candidate.output.reason).toMatch(/skipped "output_0" \[N, 3\] row 1/);
    const expected = sklearnMulticlass(predictions, multi);
    expect(expected.accuracy).toBeGreaterThan(0.8);
    for (const [metric, value] of Object.entries(expected)) {
      expect([metric, Math.abs(evaluation.candidate.metrics[metric] - value) <= 1e-9]).toEqual([
        metric,
        true
      ]);
    }
  });

  it('reads the output named by --output, and refuses one that holds logits', async () => {
    const path = await model('three-explicit.onnx', threeUnnamedOutputsOnnx());
    const ok = await runCli([
      ...evaluateArgs(path, multi, 'multiclass', join(dir, 'o1')),
      '--output',
      'output_1'
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/read output "output_1" \(named by --output\)/);
    const bad = await runCli([
      ...evaluateArgs(path, multi, 'multiclass', join(dir, 'o2')),
      '--output',
      'output_0'
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/output "output_0" \(named by --output\) does not hold probabilities/);
    const missing = await runCli([
      ...evaluateArgs(path, multi, 'multiclass', join(dir, 'o3')),
      '--output',
      'nope'
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no output "nope"; its outputs: "output_0" float \[N, 3\]/);
    const label = await runCli([
      ...evaluateArgs(path, multi, 'multiclass', join(dir, 'o4')),
      '--output',
      'output_2'
    ]);
    expect(label.code).toBe(2);
    expect(label.stderr).toMatch(/"output_2" int64 \[N\] .* is not a float tensor/);
  });

  it('reads a one-column binary output in [0, 1] as p(positive class) and says so', async () => {
    const out = join(dir, 'out-one');
    const res = await runCli(
      evaluateArgs(await model('one.onnx', oneColumnBinaryOnnx()), binary, 'binary', out)
    );
    expect(res.code).toBe(0);
    const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(evaluation.candidate.output).toEqual({
      name: 'p1',
      reason: expect.stringMatching(/one column, read as p\(positive class\)/)
    });
    expect(evaluation.candidate.metrics.roc_auc).toBeGreaterThan(0.8);
  });
});
