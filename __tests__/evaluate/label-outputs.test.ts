/**
 * A classifier's label output is never scored as probabilities (docs/training-convention.md):
 * a float `label` before the probability output, a model with only a label, an ArgMax-made output,
 * a one-column output of only 0 and 1, and `--output` naming a label. Metrics are checked
 * against scikit-learn on the probability output.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { lcg, tempDir } from './helpers.js';
import { argMaxLabelFirstModel, columnCopyModel, python } from './hunt-models.js';

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-labels-');
  // prob on a 1/64 grid (exact in float32); lab is the model's hard 0/1 prediction from it.
  const r = lcg(11);
  const lines = ['lab,prob,y'];
  for (let i = 0; i < 300; i++) {
    const y = r() < 0.4 ? 1 : 0;
    const prob = Math.min(63, Math.max(1, Math.round((0.3 * y + 0.7 * r()) * 64))) / 64;
    lines.push(`${prob > 0.5 ? 1 : 0},${prob},${y}`);
  }
  data = join(dir, 'data.csv');
  await writeFile(data, lines.join('\n') + '\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function model(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function evaluate(modelPath: string, out: string, ...extra: string[]) {
  const args = ['evaluate', '--model', modelPath, '--data', data, '--label', 'y', '--task', 'binary'];
  const res = await runCli([...args, '--bootstrap', '0', '--out', join(dir, out), ...extra]);
  const file = join(dir, out, 'evaluation.json');
  const evaluation = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null;
  return { ...res, evaluation };
}

/** scikit-learn's binary metrics with the `prob` column as p(class 1). */
function sklearnOnProb(): Record<string, number> {
  return python(
    `
import json, sys, numpy as np, pandas as pd
from sklearn import metrics as m
d = pd.read_csv(sys.argv[1])
p = d['prob'].to_numpy(np.float32).astype(np.float64); y = d['y'].to_numpy()
print(json.dumps({'roc_auc': m.roc_auc_score(y, p), 'average_precision': m.average_precision_score(y, p),
  'log_loss': m.log_loss(y, np.stack([1 - p, p], axis=1), labels=[0, 1]), 'brier_score': m.brier_score_loss(y, p),
  'f1': m.f1_score(y, (p > 0.5).astype(int))}))`,
    data
  );
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [metric, value] of Object.entries(expected))
    expect([metric, Math.abs(actual[metric] - value) <= 1e-9]).toEqual([metric, true]);
}

describe('evaluate never scores a label output as probabilities', () => {
  it('skips a float `label` [N] before the probability output and scores the probabilities, as scikit-learn', async () => {
    const path = await model(
      'label-first.onnx',
      columnCopyModel(
        ['lab', 'prob'],
        [
          { name: 'label', from: ['lab'], rank: 1 },
          { name: 'probability', from: ['prob'], rank: 1 }
        ]
      )
    );
    const res = await evaluate(path, 'label-first');
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.code).toBe(0);
    expect(res.evaluation.candidate.output.name).toBe('probability');
    expect(res.evaluation.candidate.output.reason).toMatch(/"label" \(class labels: its name/);
    expectClose(res.evaluation.candidate.metrics, sklearnOnProb());
  });

  it('refuses a model whose only float output is a label (exit 2), naming it', async () => {
    const path = await model(
      'label-only.onnx',
      columnCopyModel(['lab'], [{ name: 'label', from: ['lab'], rank: 1 }])
    );
    const res = await evaluate(path, 'label-only');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /no float probability output \[N, C\] found; not read: "label" \(class labels/
    );
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.evaluation).toBeNull();
  });

  it('refuses --output naming a label output', async () => {
    const path = await model(
      'label-explicit.onnx',
      columnCopyModel(
        ['lab', 'prob'],
        [
          { name: 'output_label', from: ['lab'], rank: 1 },
          { name: 'probabilities', from: ['prob'], rank: 1 }
        ]
      )
    );
    const res = await evaluate(path, 'label-explicit', '--output', 'output_label');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--output: output "output_label" float \[N\] .* holds predicted class labels/);
  });

  it('skips an ArgMax-made float output, whatever its name', async () => {
    const path = await model('argmax.onnx', argMaxLabelFirstModel());
    // The model's one input is "q": the same data with prob so named.
    const renamed = join(dir, 'data-q.csv');
    await writeFile(renamed, (await readFile(data, 'utf8')).replace('lab,prob,y', 'lab,q,y'));
    const args = ['evaluate', '--model', path, '--data', renamed, '--label', 'y', '--task', 'binary'];
    const ok = await runCli([...args, '--bootstrap', '0', '--out', join(dir, 'argmax-ok')]);
    expect(ok.stderr).not.toMatch(/this is a bug/);
    expect(ok.code).toBe(0);
    const evaluation = JSON.parse(await readFile(join(dir, 'argmax-ok', 'evaluation.json'), 'utf8'));
    expect(evaluation.candidate.output.name).toBe('out1');
    expect(evaluation.candidate.output.reason).toMatch(
      /"out0" \(class labels: the graph makes it with ArgMax/
    );
    expectClose(evaluation.candidate.metrics, sklearnOnProb());
  });

  it('skips an unnamed one-column output holding only 0 and 1, and refuses when nothing else is left', async () => {
    const both = await model(
      'hard-first.onnx',
      columnCopyModel(
        ['lab', 'prob'],
        [
          { name: 'out0', from: ['lab'], rank: 2 },
          { name: 'out1', from: ['prob'], rank: 2 }
        ]
      )
    );
    const res = await evaluate(both, 'hard-first');
    expect(res.code).toBe(0);
    expect(res.evaluation.candidate.output.name).toBe('out1');
    expect(res.evaluation.candidate.output.reason).toMatch(/"out0" \[N, 1\] holds only 0 and 1/);
    expectClose(res.evaluation.candidate.metrics, sklearnOnProb());

    const only = await model(
      'hard-only.onnx',
      columnCopyModel(['lab'], [{ name: 'out0', from: ['lab'], rank: 2 }])
    );
    const refused = await evaluate(only, 'hard-only');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no output holds probabilities .*"out0" \[N, 1\] holds only 0 and 1/);
  });
});
