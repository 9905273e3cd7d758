/** The report reads what the real evaluate pipeline writes (evaluation.json on disk). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { evaluate } from '../../src/stages/evaluate.js';
import { profileData, validateData } from '../../src/stages/validate-data.js';
import { buildReport } from '../../src/report/html/index.js';
import { runCli } from '../../test-support/cli.js';
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
  // Curves appear once evaluate records them (src/evaluation/curves.ts); until then they say so.
  const hasCurves = Boolean(evaluation.candidate.curves);
  const curveCharts = hasCurves ? 2 : 0;
  expect(unavailable).toEqual(
    hasCurves ? ['Data validation'] : ['ROC curve', 'Precision–recall curve', 'Data validation']
  );
  expect(charts).toBe(curveCharts + 1 + 2 + 1);
  expect(chartCount(html)).toBe(charts);
});

test('report.html from a real validate-data run, with the reference statistics.json for the overlays', async () => {
  // The current data is the evaluation file; the reference is a copy with charges shifted up.
  const reference = join(dir, 'reference.csv');
  const current = (await readFile(join(dir, 'eval.csv'), 'utf8')).split('\n');
  const shifted = current.map((line, i) => {
    if (i === 0 || line === '') return line;
    const cells = line.split(',');
    cells[1] = String(Math.round((Number(cells[1]) + 15) * 100) / 100);
    return cells.join(',');
  });
  await writeFile(reference, shifted.slice(0, 901).join('\n') + '\n');
  const out = join(dir, 'validation');
  await profileData({ data: reference, out: join(dir, 'reference-statistics.json') });
  await validateData({ data: join(dir, 'eval.csv'), reference, label: 'y', out });
  const validation = JSON.parse(await readFile(join(out, 'validation.json'), 'utf8'));
  const referenceStatistics = JSON.parse(await readFile(join(dir, 'reference-statistics.json'), 'utf8'));
  const { html, charts } = await buildReport({ validation, referenceStatistics });
  const columns = Object.keys(validation.columns);
  expect(columns).toEqual(['tenure', 'charges', 'region', 'y']);
  expect(charts).toBe(columns.length);
  // The drift table repeats validation.json's test results.
  for (const [column, d] of Object.entries(validation.drift) as [string, Record<string, unknown>][]) {
    const row = html.match(new RegExp(`>${column}</a></td>.*?</tr>`))?.[0] ?? '';
    expect(row).toContain(`<td class="text">${d.test}</td>`);
    expect(row).toContain(d.drifted ? '✖ drifted' : '✔ stable');
  }
  expect(validation.drift.charges.drifted).toBe(true);
  // Every chart overlays both samples: its legend names reference and current.
  const legends = html.match(/aria-label="Symbol legend titled 'data'[^"]*"/g) ?? [];
  expect(legends).toHaveLength(columns.length);
  for (const legend of legends) expect(legend).toMatch(/reference.*current/);
});

/** `mlci report --validation DIR/validation.json`, in process; returns report.html. */
async function reportFromFolder(dirWithValidation: string): Promise<string> {
  const run = await runCli(['report', '--validation', join(dirWithValidation, 'validation.json')]);
  expect(run.stderr).not.toContain('mlci:');
  expect(run.code).toBe(0);
  return readFile(join(dirWithValidation, 'report.html'), 'utf8');
}

function expectOverlays(html: string, columns: number): void {
  expect(html).not.toContain('No reference distribution recorded');
  const legends = html.match(/aria-label="Symbol legend titled 'data'[^"]*"/g) ?? [];
  expect(legends).toHaveLength(columns);
  for (const legend of legends) expect(legend).toMatch(/2 values: reference, current/);
}

test('with a CSV reference, validate-data leaves the reference statistics beside validation.json and mlci report overlays them', async () => {
  const out = join(dir, 'csv-reference');
  const result = await validateData({
    data: join(dir, 'eval.csv'),
    reference: join(dir, 'eval.csv'),
    label: 'y',
    out
  });
  expect(result.files).toContain(join(out, 'reference-statistics.json'));
  const stored = JSON.parse(await readFile(join(out, 'reference-statistics.json'), 'utf8'));
  expect(stored).toMatchObject({ format: 'mlci-statistics', rows: 2000 });
  const html = await reportFromFolder(out);
  expectOverlays(html, 4);
  expect(html).toContain(`reference statistics: ${join(out, 'reference-statistics.json')}`);
});

test("in the pipeline's layout (the production version's statistics downloaded beside validation.json) mlci report overlays them", async () => {
  const out = join(dir, 'pipeline-validate-data');
  // What the pipeline's validate-data stage does with a stored reference: download, then validate against it.
  await profileData({ data: join(dir, 'eval.csv'), label: 'y', out: join(out, 'reference-statistics.json') });
  const result = await validateData({
    data: join(dir, 'eval.csv'),
    reference: join(out, 'reference-statistics.json'),
    label: 'y',
    out
  });
  expect(result.report.reference?.kind).toBe('statistics');
  expectOverlays(await reportFromFolder(out), 4);
});
