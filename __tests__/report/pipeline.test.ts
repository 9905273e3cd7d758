/** The report reads what the real evaluate pipeline writes (evaluation.json on disk). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { buildReport } from '../../src/report/html/index.js';
import { chartCount } from './fixtures.js';

let dir: string;

/** A churn-like CSV: two features, a region to slice by, label y (deterministic). */
async function writeData(path: string, rows: number): Promise<void> {
  let s = 12345;
  const r = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const lines = ['tenure,charges,region,y'];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.round(r() * 60);
    const charges = Math.round((20 + r() * 100) * 100) / 100;
    const region = ['north', 'south', 'east', 'west'][Math.floor(r() * 4)];
    const logit = -0.05 * tenure + 0.03 * (charges - 60) + (region === 'south' ? 0.4 : 0) + (r() - 0.5) * 3;
    lines.push(`${tenure},${charges},${i === 7 ? 'tiny<&>' : region},${logit > 0 ? 1 : 0}`);
  }
  await writeFile(path, lines.join('\n') + '\n');
}

async function writeModel(path: string, w: [number, number], bias: number): Promise<void> {
  const bytes = linearModelOnnx({
    task: 'binary',
    featureNames: ['tenure', 'charges'],
    weights: [[w[0]], [w[1]]],
    bias: [bias]
  });
  await writeFile(path, bytes);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-report-pipeline-'));
  await writeData(join(dir, 'eval.csv'), 2000);
  await writeModel(join(dir, 'candidate.onnx'), [-0.05, 0.03], -1.8);
  await writeModel(join(dir, 'baseline.onnx'), [-0.02, 0.01], -0.6);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

test('report.html from a real evaluate run: metric table, confusion, calibration and slices', async () => {
  const out = join(dir, 'out');
  await evaluate({
    model: join(dir, 'candidate.onnx'),
    baseline: join(dir, 'baseline.onnx'),
    data: join(dir, 'eval.csv'),
    label: 'y',
    task: 'binary',
    slices: ['region'],
    minSliceSize: 50,
    gates: { roc_auc: { min: 0.6, max_drop: 0.05 } },
    bootstrap: { resamples: 50, seed: 1 },
    out
  });
  const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
  const { html, charts, unavailable } = await buildReport({ evaluation });
  const c = evaluation.candidate.metrics.roc_auc as number;
  const b = evaluation.baseline.metrics.roc_auc as number;
  expect(html).toContain(`<td>${c.toFixed(4)}</td><td>${b.toFixed(4)}</td>`);
  expect(html).toContain(evaluation.verdict === 'pass' ? '✔ model: pass' : '✖ model: fail');
  expect(html).toContain('<title>mlci report — candidate.onnx</title>');
  expect(html).toMatch(/<td>model_size_bytes.*?<\/td><td>\d+<\/td>/);
  expect(html).toContain('Confusion matrix — candidate');
  expect(html).toContain('Confusion matrix — baseline');
  expect(html).toContain('Calibration (reliability diagram)');
  expect(html).toContain('roc_auc by region');
  // The one-row slice is listed as not scored, its name escaped.
  expect(html).toContain('Not scored: tiny&lt;&amp;&gt;');
  // Curves appear once evaluate records them (src/model/curves.ts); until then they say so.
  const hasCurves = Boolean(evaluation.candidate.curves);
  const curveCharts = hasCurves ? 2 : 0;
  expect(unavailable).toEqual(
    hasCurves ? ['Data validation'] : ['ROC curve', 'Precision–recall curve', 'Data validation']
  );
  expect(charts).toBe(curveCharts + 1 + 2 + 1);
  expect(chartCount(html)).toBe(charts);
});
