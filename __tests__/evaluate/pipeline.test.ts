import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { InputError } from '../../src/core/errors.js';
import { loadColumns } from '../../src/data/columns.js';
import { predictedClasses } from '../../src/model/labels.js';
import { createScorer } from '../../src/evaluation/metrics/scorer.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { evaluate } from '../../src/stages/evaluate.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { lcg, tempDir, writeBinaryData, writeBinaryModel } from './helpers.js';

let dir: string;
let data: string;
let candidate: string;
let baseline: string;

beforeAll(async () => {
  dir = await tempDir();
  data = await writeBinaryData(dir, 3000);
  candidate = await writeBinaryModel(dir, 'candidate.onnx', 1.4, -0.7, 0.05, 'matrix');
  baseline = await writeBinaryModel(dir, 'baseline.onnx', 1.0, -0.2, 0, 'columns');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Scores a model on the whole file in one run, independently of the pipeline's batching. */
async function directProba(model: string): Promise<Float64Array> {
  const cols = await loadColumns(data, ['x1', 'x2']);
  const session = await ort.InferenceSession.create(model);
  const n = cols.rowCount;
  let feeds: Record<string, ort.Tensor>;
  if (session.inputNames.length === 1) {
    const m = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      m[2 * i] = cols.numeric.x1[i];
      m[2 * i + 1] = cols.numeric.x2[i];
    }
    feeds = { input: new ort.Tensor('float32', m, [n, 2]) };
  } else {
    feeds = {
      x1: new ort.Tensor('float32', Float32Array.from(cols.numeric.x1), [n, 1]),
      x2: new ort.Tensor('float32', Float32Array.from(cols.numeric.x2), [n, 1])
    };
  }
  const out = await session.run(feeds);
  return Float64Array.from(out.probabilities.data as Float32Array);
}

describe('evaluate pipeline', () => {
  it('scores both models on the same rows in small batches, equal to one unbatched run, and writes both files', async () => {
    const out = join(dir, 'out1');
    const result = await evaluate({
      model: candidate,
      baseline,
      data,
      label: 'y',
      task: 'binary',
      batchSize: 97,
      slices: ['country'],
      minSliceSize: 100,
      gates: { roc_auc: { max_drop: 0.05, min: 0.6 }, log_loss: { max_rise: 0.01 } },
      bootstrap: { resamples: 200, seed: 3 },
      out
    });
    const e = result.evaluation;
    expect(e.data.rows).toBe(3000);
    const labels = await loadColumns(data, ['y']);
    const y = Int32Array.from(labels.numeric.y);
    for (const [report, model] of [
      [e.candidate, candidate],
      [e.baseline, baseline]
    ] as const) {
      const proba = await directProba(model);
      const [direct] = createScorer({
        task: 'binary',
        labels: ['0', '1'],
        y,
        proba,
        pred: predictedClasses(proba, 2)
      }).score();
      for (const [name, r] of Object.entries(direct)) expect(report?.metrics[name]).toBe(r.value);
      expect(report?.inference.ms_per_1000_rows).toBeGreaterThan(0);
      expect(report?.inference.batch_size).toBe(97);
    }
    expect(e.candidate.metrics.roc_auc as number).toBeGreaterThan(e.baseline?.metrics.roc_auc as number);
    expect(e.deltas.roc_auc.change).toBe('better');
    expect(e.deltas.log_loss.higher_is_better).toBe(false);
    expect(e.baseline_source.kind).toBe('file');
    const json = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(json.verdict).toBe(e.verdict);
    expect(json.candidate.sha256).toMatch(/^[0-9a-f]{64}$/);
    const md = await readFile(join(out, 'evaluation.md'), 'utf8');
    expect(md.split('\n')[0]).toMatch(/^## (✅|❌) mlci evaluate: \*\*(PASS|FAIL)\*\*/);
    expect(md).toContain('| metric | baseline | candidate | Δ [95 % interval] | Δ% | change | gate |');
    expect(md).toMatch(/\| \+0\.\d{4} \[\+0\.\d{4}, \+0\.\d{4}\] \| \+\d+\.\d{2} % \| 🟢 better \|/);
  });

  it('computes slice metrics equal to scoring each slice alone, and skips slices under min_slice_size', async () => {
    const result = await evaluate({
      model: candidate,
      data,
      label: 'y',
      task: 'binary',
      slices: ['country'],
      minSliceSize: 100,
      sliceGates: { country: { accuracy: { min: 0.5 } } }
    });
    const e = result.evaluation;
    const lu = e.slices.find((s) => s.value === 'LU');
    expect(lu).toMatchObject({ rows: 60, skipped: 'fewer than 100 rows', candidate: null });
    const cols = await loadColumns(data, ['country', 'y']);
    const proba = await directProba(candidate);
    for (const value of ['FR', 'DE']) {
      const rows = [...cols.text.country.keys()].filter((i) => cols.text.country[i] === value);
      const sub = new Float64Array(rows.length * 2);
      rows.forEach((r, k) => sub.set(proba.subarray(2 * r, 2 * r + 2), 2 * k));
      const y = Int32Array.from(rows.map((r) => cols.numeric.y[r]));
      const [alone] = createScorer({
        task: 'binary',
        labels: ['0', '1'],
        y,
        proba: sub,
        pred: predictedClasses(sub, 2)
      }).score();
      const slice = e.slices.find((s) => s.value === value);
      expect(slice?.rows).toBe(rows.length);
      for (const [name, r] of Object.entries(alone))
        expect(slice?.candidate?.[name]).toBeCloseTo(r.value as number, 12);
    }
    const sliceGates = e.gates.filter((g) => g.slice);
    expect(sliceGates.map((g) => [g.slice?.value, g.status])).toEqual([
      ['FR', 'pass'],
      ['DE', 'pass'],
      ['LU', 'skipped']
    ]);
  });

  it('passes a first run without baseline as an explicit rubber stamp, skipping change gates', async () => {
    const result = await evaluate({
      model: candidate,
      data,
      label: 'y',
      task: 'binary',
      gates: { roc_auc: { min: 0.6, max_drop: 0.01 } }
    });
    const e = result.evaluation;
    expect(e).toMatchObject({ verdict: 'pass', rubber_stamp: true, baseline: null, bootstrap: null });
    expect(e.baseline_source).toMatchObject({ kind: 'none' });
    expect(e.gates.map((g) => g.status)).toEqual(['pass', 'skipped']);
    expect(result.markdown).toMatch(/rubber stamp/);
    expect(result.files).toEqual([]);
  });

  it('fails a gate on a metric that does not exist, and a change gate with a bootstrap interval', async () => {
    const result = await evaluate({
      model: baseline,
      baseline: candidate,
      data,
      label: 'y',
      task: 'binary',
      gates: { roc_auc: { max_drop: 0.001 }, not_a_metric: { min: 0 } },
      bootstrap: { resamples: 300, seed: 1 }
    });
    const e = result.evaluation;
    expect(e.verdict).toBe('fail');
    const auc = e.gates.find((g) => g.metric === 'roc_auc');
    expect(auc?.status).toBe('fail');
    expect(auc?.interval).toMatchObject({ confidence: 0.95, resamples: 300 });
    const interval = auc?.interval as { low: number; high: number; within_noise: boolean };
    expect(interval.high).toBeLessThan(0);
    expect(interval.within_noise).toBe(false);
    const delta = (e.candidate.metrics.roc_auc as number) - (e.baseline?.metrics.roc_auc as number);
    expect(interval.low).toBeLessThanOrEqual(delta);
    expect(interval.high).toBeGreaterThanOrEqual(delta);
    expect(e.gates.find((g) => g.metric === 'not_a_metric')?.reason).toMatch(/not computed/);
    expect(result.markdown).toMatch(
      /\| `roc_auc` ↑ \| [\d.]+ \| [\d.]+ \| −0\.\d{4} \[−0\.\d{4}, −0\.\d{4}\] \| −\d\.\d\d % \| 🔴 worse \| ❌ max_drop 0\.0010 \|/
    );
  });

  it('takes the baseline from the registry production alias and charts the gated metric across versions', async () => {
    const registryDir = join(dir, 'registry');
    const registry = new LocalRegistry(registryDir);
    const v1 = await registry.register({
      name: 'churn',
      model: await readFile(baseline),
      metrics: { roc_auc: 0.7 },
      verdict: 'pass'
    });
    const v2 = await registry.register({
      name: 'churn',
      model: await readFile(candidate),
      metrics: { roc_auc: 0.75 },
      verdict: 'pass'
    });
    await registry.promote('churn', v1.version.version, 'production', 'test');
    const result = await evaluate({
      model: candidate,
      data,
      label: 'y',
      task: 'binary',
      registry,
      modelName: 'churn',
      gates: { roc_auc: { max_drop: 0.01 } },
      bootstrap: { resamples: 50 }
    });
    const e = result.evaluation;
    expect(e.baseline_source).toMatchObject({ kind: 'registry', version: v1.version.version });
    expect(e.baseline?.sha256).toBe(v1.version.sha256);
    expect(e.history?.map((h) => h.label)).toEqual([
      `v${v1.version.version}`,
      `v${v2.version.version}`,
      'candidate'
    ]);
    expect(result.markdown).toMatch(/```mermaid\n---\nconfig:\n[^`]*---\nxychart-beta\n {4}title "roc_auc"/);
  });

  it('maps string classes from metadata and scores a multiclass model', async () => {
    const r = lcg(5);
    const lines = ['a,b,species'];
    const names = ['setosa', 'versicolor', 'virginica'];
    for (let i = 0; i < 400; i++) {
      const k = Math.floor(r() * 3);
      lines.push(`${(k + r() * 1.5).toFixed(3)},${(r() * 2).toFixed(3)},${names[k]}`);
    }
    const file = join(dir, 'iris.csv');
    await writeFile(file, lines.join('\n') + '\n');
    const model = join(dir, 'iris.onnx');
    await writeFile(
      model,
      linearModelOnnx({
        task: 'multiclass',
        featureNames: ['a', 'b'],
        weights: [
          [-2, 0, 2],
          [0.1, 0, -0.1]
        ],
        bias: [2, 0.5, -3],
        classes: names
      })
    );
    const e = (await evaluate({ model, data: file, label: 'species', task: 'multiclass' })).evaluation;
    expect(e.candidate.confusion_matrix?.labels).toEqual(names);
    expect(e.candidate.confusion_matrix?.counts.flat().reduce((a, b) => a + b, 0)).toBe(400);
    expect(Object.keys(e.candidate.metrics)).toEqual(
      expect.arrayContaining(['f1_macro', 'roc_auc_ovr', 'log_loss'])
    );
    expect(e.candidate.metrics.accuracy as number).toBeGreaterThan(0.5);
  });

  it('scores a regressor and bootstraps its gated rmse and r2 through the generic path', async () => {
    const r = lcg(11);
    const lines = ['x1,x2,target'];
    for (let i = 0; i < 500; i++) {
      const x1 = r() * 10;
      const x2 = r() * 5;
      lines.push(`${x1.toFixed(3)},${x2.toFixed(3)},${(3 * x1 - 2 * x2 + (r() - 0.5) * 4).toFixed(3)}`);
    }
    const file = join(dir, 'reg.csv');
    await writeFile(file, lines.join('\n') + '\n');
    const good = join(dir, 'reg-good.onnx');
    const bad = join(dir, 'reg-bad.onnx');
    await writeFile(
      good,
      linearModelOnnx({ task: 'regression', featureNames: ['x1', 'x2'], weights: [[3], [-2]], bias: [0] })
    );
    await writeFile(
      bad,
      linearModelOnnx({ task: 'regression', featureNames: ['x1', 'x2'], weights: [[2.5], [-2]], bias: [1] })
    );
    const e = (
      await evaluate({
        model: good,
        baseline: bad,
        data: file,
        label: 'target',
        task: 'regression',
        gates: { rmse: { max_rise: 0 }, r2: { min_relative_change: 0 } },
        bootstrap: { resamples: 100, seed: 2 }
      })
    ).evaluation;
    expect(Object.keys(e.candidate.metrics).slice(0, 4)).toEqual(['rmse', 'mae', 'r2', 'mape']);
    expect(e.candidate.metrics.rmse as number).toBeLessThan(e.baseline?.metrics.rmse as number);
    expect(e.deltas.rmse.change).toBe('better');
    expect(e.verdict).toBe('pass');
    const rmseGate = e.gates.find((g) => g.metric === 'rmse');
    expect(rmseGate?.interval).toMatchObject({ resamples: 100, within_noise: false });
    expect((rmseGate?.interval as { high: number }).high).toBeLessThan(0);
  });

  it('rejects bad input with a message naming the file, column or row, and writes nothing', async () => {
    const out = join(dir, 'out-bad');
    await expect(evaluate({ model: candidate, data, label: 'nope', task: 'binary', out })).rejects.toThrow(
      /missing column "nope"/
    );
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'x1,x2,y\n0.1,0.2,1\n0.3,0.1,7\n');
    await expect(evaluate({ model: candidate, data: bad, label: 'y', task: 'binary', out })).rejects.toThrow(
      /bad\.csv, column "y": row 2 has label 7, which is not one of the model's classes \(0, 1\)/
    );
    await expect(
      evaluate({ model: join(dir, 'missing.onnx'), data, label: 'y', task: 'binary', out })
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      evaluate({ model: candidate, data, label: 'y', task: 'multiclass', out })
    ).resolves.toBeDefined();
    await rm(out, { recursive: true, force: true });
    await expect(
      evaluate({
        model: candidate,
        data,
        label: 'y',
        task: 'binary',
        out,
        sliceGates: { region: { f1: { min: 0 } } }
      })
    ).rejects.toThrow(/slice_gates\.region/);
    expect(existsSync(join(out, 'evaluation.json'))).toBe(false);
  });

  it('reads the drift summary of validation.json into the report', async () => {
    const validation = join(dir, 'validation.json');
    await writeFile(
      validation,
      JSON.stringify({
        verdict: 'fail',
        drift: {
          x1: { test: 'ks', statistic: 0.31, p_value: 0.0001, threshold: 0.05, drifted: true },
          x2: { test: 'ks', statistic: 0.01, p_value: 0.9, threshold: 0.05, drifted: false }
        }
      })
    );
    const result = await evaluate({ model: candidate, data, label: 'y', task: 'binary', validation });
    expect(result.evaluation.drift).toMatchObject({
      columns: 2,
      drifted: [{ column: 'x1', test: 'ks', p_value: 0.0001 }]
    });
    expect(result.markdown).toContain('1 of 2 columns drifted');
    expect(readFileSync(validation, 'utf8')).toContain('drift');
  });
});
