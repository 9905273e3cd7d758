import { InputError } from '../../src/core/errors.js';
import { chartCurves } from '../../src/evaluation/curves.js';
import { buildReport } from '../../src/report/html/index.js';
import { chartCount, copy, fixture } from './fixtures.js';

const evaluation = fixture('evaluation.json');
const validation = fixture('validation.json');
const at = new Date('2026-11-26T00:00:00Z');

/** The metric table's row of one metric. */
function metricRow(html: string, metric: string): string {
  const table = html.slice(html.indexOf('<section id="metrics"'), html.indexOf('<section id="curves"'));
  return table.match(new RegExp(`<tr><td>${metric}\\b.*?</tr>`))?.[0] ?? '';
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('report.html from the example run', () => {
  let html = '';
  let bytes = 0;
  let charts = 0;
  let unavailable: string[] = [];
  beforeAll(async () => {
    ({ html, bytes, charts, unavailable } = await buildReport({ evaluation, validation, generatedAt: at }));
  });

  test('draws every part: curves, calibration, 2 confusion matrices, 2 slice charts, 2 history charts and one chart per column', () => {
    const columns = Object.keys((validation as Json).columns).length;
    expect(unavailable).toEqual([]);
    expect(charts).toBe(1 + 1 + 1 + 2 + 2 + 2 + columns);
    expect(chartCount(html)).toBe(charts);
    for (const title of ['ROC curve', 'Precision–recall curve', 'Calibration (reliability diagram)']) {
      expect(html).toContain(`<title id="chart-`);
      expect(html).toContain(title);
    }
    for (const column of Object.keys((validation as Json).columns)) expect(html).toContain(`>${column}</a>`);
  });

  test('is one self-contained file well under 2 MB: no script, no external resource', () => {
    expect(bytes).toBe(Buffer.byteLength(html));
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?https?:/i);
    expect(html).toContain("default-src 'none'");
  });

  test('the metric table shows the fixture values, the change and its interval', () => {
    const c = (evaluation as Json).candidate.metrics.roc_auc as number;
    const b = (evaluation as Json).baseline.metrics.roc_auc as number;
    const row = metricRow(html, 'roc_auc');
    expect(row).toContain(`<td>${c.toFixed(4)}</td>`);
    expect(row).toContain(`<td>${b.toFixed(4)}</td>`);
    expect(row).toContain(`+${(c - b).toFixed(4)}`);
    expect(row).toContain('class="better"');
    const interval = (evaluation as Json).deltas.roc_auc.interval;
    expect(row).toContain(`[+${interval.low.toFixed(4)}, +${interval.high.toFixed(4)}]`);
    // log_loss fell, but without an interval nothing says the fall is more than noise: no colour.
    expect(metricRow(html, 'log_loss')).toContain('class="muted">−');
  });

  test('verdicts are spelled out, not only coloured', () => {
    expect(html).toContain('✔ model: pass');
    expect(html).toContain('✖ data: fail');
    expect(html).toMatch(/✖ drifted/);
    expect(html).toMatch(/✔ stable/);
  });

  test('every chart carries role="img" with a title and a description', () => {
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(charts);
    for (const svg of svgs) {
      const id = svg.match(/ id="([^"]+)"/)?.[1];
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
    }
  });

  test('is the same for the same inputs', async () => {
    expect((await buildReport({ evaluation, validation, generatedAt: at })).html).toBe(html);
  });
});

describe('untrusted strings are escaped', () => {
  test('column names, class labels, slice values and gate reasons cannot inject markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const e = copy(evaluation) as Json;
    e.candidate.confusion_matrix.labels = ['</title><script>alert(2)</script>', evil];
    e.slices[0].value = `"><svg onload=alert(3)>`;
    e.gates[0].reason = evil;
    e.model_name = `</title>${evil}`;
    const v = copy(validation) as Json;
    v.columns[evil] = v.columns.age;
    v.drift[evil] = { ...v.drift.age, test: `ks${evil}` };
    v.anomalies[0].message = evil;
    v.columns["datum['x'] + 'a.b'"] = v.columns.region;
    const { html, charts } = await buildReport({ evaluation: e, validation: v, generatedAt: at });
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The hostile column still gets its chart; a name that looks like a Vega expression is just text.
    expect(charts).toBe(17 + 2);
    expect(html).toContain('datum[&#39;x&#39;] + &#39;a.b&#39;');
  });
});

describe('missing parts degrade to "not available"', () => {
  test('validation.json alone', async () => {
    const { html, charts, unavailable } = await buildReport({ validation, generatedAt: at });
    expect(unavailable).toEqual(['Evaluation']);
    expect(charts).toBe(Object.keys((validation as Json).columns).length);
    expect(html).toContain('no evaluation.json was given');
    expect(html).not.toContain('model:');
  });

  test('evaluation.json alone', async () => {
    const { unavailable, charts } = await buildReport({ evaluation, generatedAt: at });
    expect(unavailable).toEqual(['Data validation']);
    expect(charts).toBe(9);
  });

  test('a first run without a baseline: candidate only, rubber stamp, no change columns', async () => {
    const e = copy(evaluation) as Json;
    e.baseline = null;
    e.deltas = {};
    e.rubber_stamp = true;
    for (const s of e.slices) delete s.baseline;
    const { html, charts, unavailable } = await buildReport({ evaluation: e, generatedAt: at });
    expect(html).toContain('model: pass (rubber stamp)');
    expect(html).not.toContain('<th scope="col">baseline</th>');
    expect(html).toContain('No baseline: this is a first run');
    expect(unavailable).toEqual(['Data validation']);
    // ROC, PR, calibration, one confusion matrix, two slice charts, two history charts
    expect(charts).toBe(8);
    expect(html).not.toContain('Confusion matrix — baseline');
  });

  test('evaluation.json without curves, calibration, confusion matrix or slices', async () => {
    const e = copy(evaluation) as Json;
    for (const side of [e.candidate, e.baseline]) {
      delete side.curves;
      delete side.calibration;
      delete side.confusion_matrix;
    }
    delete e.slices;
    const { html, charts, unavailable } = await buildReport({ evaluation: e, validation, generatedAt: at });
    expect(unavailable).toEqual([
      'ROC curve',
      'Precision–recall curve',
      'Calibration plot',
      'Confusion matrix',
      'Per-slice metrics'
    ]);
    expect(html).toContain('ROC curve not available: evaluation.json carries no curves.roc');
    expect(charts).toBe(2 + Object.keys((validation as Json).columns).length);
  });

  test('a regression run says why there are no classification charts', async () => {
    const e = {
      schema_version: 1,
      task: 'regression',
      candidate: { metrics: { rmse: 1.5, mae: 1.1, r2: 0.8, mape: 0.12 } },
      baseline: { metrics: { rmse: 1.6, mae: 1.0, r2: 0.78, mape: 0.13 } },
      deltas: {
        rmse: {
          candidate: 1.5,
          baseline: 1.6,
          delta: -0.1,
          relative: -0.0625,
          interval: { low: -0.15, high: -0.05, confidence: 0.95, resamples: 100, within_noise: false }
        },
        mae: {
          candidate: 1.1,
          baseline: 1.0,
          delta: 0.1,
          relative: 0.1,
          interval: { low: 0.05, high: 0.15, confidence: 0.95, resamples: 100, within_noise: false }
        },
        r2: {
          candidate: 0.8,
          baseline: 0.78,
          delta: 0.02,
          relative: 0.0256,
          interval: { low: -0.01, high: 0.05, confidence: 0.95, resamples: 100, within_noise: true }
        }
      },
      gates: [
        { metric: 'rmse', kind: 'max_rise', threshold: 0.1, status: 'pass', observed: -0.1, reason: 'ok' }
      ],
      verdict: 'pass'
    };
    const { html, unavailable } = await buildReport({ evaluation: e, generatedAt: at });
    expect(html).toContain('ROC and precision–recall curves not available: the task is regression');
    expect(unavailable).toContain('Per-slice metrics');
    // rmse fell by 0.1 with an interval below 0: better, since lower is better.
    expect(metricRow(html, 'rmse')).toMatch(/class="better">−0\.1000/);
    expect(metricRow(html, 'mae')).toMatch(/class="worse">\+0\.1000/);
    // r2 rose, but its interval holds 0: within noise, not coloured.
    expect(metricRow(html, 'r2')).toMatch(/class="muted">\+0\.0200/);
  });

  test('validation without a reference shows the current data alone', async () => {
    const v = copy(validation) as Json;
    delete v.reference;
    delete v.drift;
    const { html, charts } = await buildReport({ validation: v, generatedAt: at });
    expect(html).toContain('Drift tests not available');
    expect(html).toContain('the charts show the current data only');
    expect(charts).toBe(Object.keys(v.columns).length);
  });

  test('skipped and failed gates, metrics with a reason, and columns without a histogram', async () => {
    const e = copy(evaluation) as Json;
    e.gates[1].status = 'skipped';
    e.gates[2].status = 'fail';
    e.verdict = 'fail';
    e.candidate.metrics.average_precision = null;
    e.candidate.undefined_reasons = { average_precision: 'no positive label in the data' };
    const v = copy(validation) as Json;
    delete v.columns.age.histogram;
    const { html } = await buildReport({ evaluation: e, validation: v, generatedAt: at });
    expect(html).toContain('– skipped');
    expect(html).toContain('✖ fail');
    expect(html).toContain('✖ model: fail');
    expect(html).toContain('title="no positive label in the data">n/a');
    expect(html).toMatch(/<strong>age<\/strong>: distribution not available/);
  });
});

describe('size', () => {
  test('a wide run (60 columns, 37 slices) stays under 2 MB', async () => {
    const v = copy(validation) as Json;
    const names = Object.keys(v.columns);
    for (let i = 0; i < 52; i++) {
      const from = names[i % names.length];
      v.columns[`feature_${i}`] = v.columns[from];
      v.drift[`feature_${i}`] = v.drift[from];
    }
    const e = copy(evaluation) as Json;
    for (let i = 0; i < 30; i++) e.slices.push({ ...e.slices[0], column: 'store', value: `store-${i}` });
    const { bytes, charts } = await buildReport({ evaluation: e, validation: v, generatedAt: at });
    expect(charts).toBe(9 + 1 + 60);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('other shapes', () => {
  test('curves as src/evaluation/curves.ts writes them (chartCurves) are drawn', async () => {
    const n = 5000;
    const scores = new Float64Array(n);
    const positive = new Uint8Array(n);
    let s = 7;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      positive[i] = i % 3 === 0 ? 1 : 0;
      scores[i] = Math.min(1, (s / 4294967296) * 0.7 + positive[i] * 0.3);
    }
    const e = copy(evaluation) as Json;
    e.candidate.curves = chartCurves(scores, positive);
    e.baseline.curves = null;
    expect(e.candidate.curves.pr.recall.length).toBeLessThanOrEqual(200);
    const { html, unavailable } = await buildReport({ evaluation: e, generatedAt: at });
    expect(unavailable).toEqual(['Data validation']);
    expect(html).toContain('No curves recorded for the baseline.');
    const roc = html.slice(html.indexOf('data-chart="chart-1-roc"'), html.indexOf('data-chart="chart-2-'));
    // One data line (the candidate) besides the chance diagonal.
    expect(roc.match(/<g class="mark-line role-mark[^"]*"/g)).toHaveLength(2);
  });

  test('history of gated metrics across registered versions, when evaluate recorded one', async () => {
    const e = copy(evaluation) as Json;
    e.history = [
      { label: 'v1', metrics: { roc_auc: 0.7, log_loss: 0.6 } },
      { label: 'v2', metrics: { roc_auc: 0.71, log_loss: null } },
      { label: 'v3', metrics: { roc_auc: 0.718, log_loss: 0.583 } },
      { label: 'candidate', metrics: { roc_auc: 0.78, log_loss: 0.535 } }
    ];
    const { html, charts } = await buildReport({ evaluation: e, generatedAt: at });
    expect(charts).toBe(9);
    expect(html).toContain('<h2 id="history-h">History</h2>');
    expect(html).toContain(
      'roc_auc of the last 3 registered versions and the candidate: v1 0.7000, v2 0.7100'
    );
    // A version without the metric is left out of that metric's line, not drawn as 0.
    expect(html).toContain(
      'log_loss of the last 2 registered versions and the candidate: v1 0.6000, v3 0.5830'
    );
    delete e.history;
    const without = await buildReport({ evaluation: e, generatedAt: at });
    expect(without.html).not.toContain('id="history"');
  });

  test('multiclass: confusion heat map over every class, top-class calibration, no binary curves', async () => {
    const e = {
      schema_version: 1,
      task: 'multiclass',
      model_name: 'iris',
      candidate: {
        metrics: { accuracy: 0.9, f1_macro: 0.89 },
        confusion_matrix: {
          labels: ['setosa', 'versicolor', 'virginica'],
          counts: [
            [50, 0, 0],
            [0, 45, 5],
            [0, 10, 40]
          ]
        },
        calibration: {
          expected_calibration_error: 0.04,
          of: 'top_class_confidence',
          bins: [
            { lower: 0.3, upper: 0.6, rows: 20, mean_predicted: 0.5, fraction_positive: 0.45 },
            { lower: 0.6, upper: 1, rows: 130, mean_predicted: 0.9, fraction_positive: 0.93 }
          ]
        }
      },
      baseline: null,
      gates: [],
      verdict: 'pass',
      rubber_stamp: true
    };
    const { html, charts, unavailable } = await buildReport({ evaluation: e, generatedAt: at });
    expect(charts).toBe(2);
    expect(unavailable).toEqual(expect.arrayContaining(['ROC curve', 'Precision–recall curve', 'Gates']));
    expect(html).toContain('evaluation.json carries no curves.roc (binary tasks only)');
    expect(html).toContain('Mean top-class confidence');
    expect(html).toContain('135 of 150 rows on the diagonal');
    for (const label of ['setosa', 'versicolor', 'virginica']) expect(html).toContain(`>${label}</text>`);
  });
});

describe('typed documents: read as evaluate and validate-data write them', () => {
  test('a field of the wrong type is refused, naming the file and the field', async () => {
    const e = copy(evaluation) as Json;
    e.candidate.metrics.roc_auc = 'high';
    await expect(
      buildReport({ evaluation: e, sources: { evaluation: 'out/evaluation.json' } })
    ).rejects.toThrow(
      new InputError('out/evaluation.json: candidate.metrics.roc_auc: expected a number or null, got "high"')
    );
    const g = copy(evaluation) as Json;
    g.gates[1].status = 'passed';
    await expect(buildReport({ evaluation: g })).rejects.toThrow(
      'evaluation.json: gates[1].status: expected one of "pass", "fail", "skipped", got "passed"'
    );
    const v = copy(validation) as Json;
    v.columns.age.histogram.counts = v.columns.age.histogram.counts.slice(1);
    await expect(buildReport({ validation: v })).rejects.toThrow(
      /^validation\.json: columns\.age\.histogram: expected one more edge than counts/
    );
    const d = copy(validation) as Json;
    d.drift.age.drifted = 'yes';
    await expect(buildReport({ validation: d })).rejects.toThrow(
      'validation.json: drift.age.drifted: expected true or false, got "yes"'
    );
    await expect(buildReport({ validation: evaluation })).rejects.toThrow(
      'validation.json: format: expected one of "mlci-validation", got nothing'
    );
  });

  test('field names nothing writes are not read: an interval under "ci" or deltas under "comparison"', async () => {
    const e = copy(evaluation) as Json;
    e.comparison = e.deltas;
    delete e.deltas;
    for (const d of Object.values(e.comparison) as Json[]) {
      d.ci = d.interval;
      delete d.interval;
    }
    const { html } = await buildReport({ evaluation: e, generatedAt: at });
    // Deltas are then computed from the two sides, and no interval is shown.
    const row = metricRow(html, 'roc_auc');
    const interval = (evaluation as Json).deltas.roc_auc.interval;
    expect(row).toContain('+0.0618');
    expect(row).not.toContain(`+${interval.low.toFixed(4)}`);
  });
});
