/**
 * Settings that do not apply are refused rather than ignored, refusals say the same thing for
 * every bad value, and slice gates say why a metric is undefined as the whole-data gates do.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createScorer } from '../../src/evaluation/metrics/scorer.js';
import { scoreSlices } from '../../src/evaluation/slices.js';
import { applySliceGates } from '../../src/gate/slice-gates.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { runCli } from '../../test-support/cli.js';
import { tempDir } from './helpers.js';
import { MULTI_BIAS, MULTI_WEIGHTS, writeMulticlassData } from './misleading-models.js';

let dir: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-flags-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('--threshold applies to binary classifiers only', () => {
  it('refuses it for a multiclass model instead of recording an ignored value', async () => {
    const data = await writeMulticlassData(dir, 60, 4);
    const model = join(dir, 'multi.onnx');
    await writeFile(
      model,
      linearModelOnnx({
        task: 'multiclass',
        featureNames: ['x1', 'x2'],
        weights: MULTI_WEIGHTS,
        bias: MULTI_BIAS
      })
    );
    const out = join(dir, 'out');
    const args = ['evaluate', '--model', model, '--data', data, '--label', 'y', '--task', 'multiclass'];
    const res = await runCli([...args, '--threshold', '0.9', '--bootstrap', '0', '--out', out]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--threshold \(model\.threshold\) 0\.9 applies to binary classifiers only/);
    const ok = await runCli([...args, '--bootstrap', '0', '--out', out]);
    expect(ok.code).toBe(0);
  });
});

describe('--confidence', () => {
  it.each(['0', '1', '1.5', 'abc'])('refuses %s with the one range it accepts', async (value) => {
    const args = ['evaluate', '--model', 'm.onnx', '--data', 'd.csv', '--label', 'y', '--task', 'binary'];
    const res = await runCli([...args, '--confidence', value]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`--confidence: got "${value}", expected a number in (0, 1)`);
  });
});

describe('slice gates', () => {
  it('give the reason a slice metric is undefined, as the whole-data gates do', () => {
    const y = Int32Array.from([1, 0, 1, 0, 1]);
    const p1 = [0.9, 0.2, 0.7, 0.4, 0.8];
    const proba = Float64Array.from(p1.flatMap((p) => [1 - p, p]));
    const scorer = createScorer({
      task: 'binary',
      labels: ['0', '1'],
      y,
      proba,
      pred: Int32Array.from(p1.map((p) => (p > 0.5 ? 1 : 0)))
    });
    const data = { rowCount: 5, numeric: {}, text: { country: ['FR', 'FR', 'FR', 'FR', 'LU'] } };
    const slices = scoreSlices(data, ['country'], 1, [scorer], ['model.onnx']);
    const lu = slices.find((s) => s.value === 'LU');
    expect(lu?.candidate?.roc_auc).toBeNull();
    const gates = applySliceGates({ country: { roc_auc: { min: 0.5 } } }, slices, ['country'], false);
    const gate = gates.find((g) => g.slice?.value === 'LU');
    expect(gate?.status).toBe('fail');
    expect(gate?.reason).toContain(`roc_auc is undefined (${lu?.undefined_reasons?.candidate.roc_auc})`);
    expect(gate?.reason).not.toMatch(/no value/);
  });
});
