import { negativesFirst, percentile } from '../../src/gate/bootstrap.js';
import { fillResampleWeights } from '../../src/gate/poisson.js';
import { startTableBootstrap, tableMetrics, type TableIntervals } from '../../src/gate/table-bootstrap.js';
import type { TableGrouping } from '../../src/gate/table-plan.js';
import { predictedClasses } from '../../src/model/labels.js';
import { createScorer, type Predictions, type Scorer } from '../../src/evaluation/metrics/scorer.js';
import { sliceTableMetrics } from '../../src/evaluation/metrics/catalog.js';
import { calibrationInputs } from '../../src/evaluation/evaluate-model.js';
import { CALIBRATION_BINS, calibration } from '../../src/evaluation/metrics/calibration.js';
import { lcg } from '../evaluate/helpers.js';

function classifier(
  y: Int32Array,
  classes: number,
  noise: number,
  seed: number,
  levels: number
): Predictions {
  const r = lcg(seed);
  const proba = new Float64Array(y.length * classes);
  for (let i = 0; i < y.length; i++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const raw = (c === y[i] ? 1 : 0.3) + r() * noise;
      const v = levels > 0 ? Math.round(raw * levels) / levels : raw; // ties on purpose
      proba[i * classes + c] = v + 1e-3;
      sum += v + 1e-3;
    }
    for (let c = 0; c < classes; c++) proba[i * classes + c] /= sum;
  }
  const labels = Array.from({ length: classes }, (_, c) => String(c));
  const task = classes === 2 ? 'binary' : 'multiclass';
  return { task, labels, y, proba, pred: predictedClasses(proba, classes) };
}

function grouping(
  column: string,
  n: number,
  values: number,
  seed: number,
  metrics: readonly string[]
): TableGrouping {
  const r = lcg(seed);
  // The last value is rare and left without an interval (−1), as a too-small slice is.
  const groupOf = Int32Array.from({ length: n }, () => {
    const v = Math.floor(r() * (values + 1));
    return v === values ? -1 : v;
  });
  return { column, groupOf, values: Array.from({ length: values }, (_, v) => `v${v}`), metrics };
}

/** A model's expected calibration error on weighted rows, as the model report computes it (none for a regressor). */
function weightedEce(p: Predictions, weights: Uint8Array): Record<string, { value: number | null }> {
  const inputs = calibrationInputs(p);
  if (!inputs) return {};
  const value = calibration(
    inputs.confidence,
    inputs.hit,
    'positive_probability',
    CALIBRATION_BINS,
    weights
  ).expected_calibration_error;
  return { expected_calibration_error: { value } };
}

/** The slow reference: every resample's row weights through the scorers, overall and per slice. */
function reference(
  preds: [Predictions, Predictions],
  scorers: [Scorer, Scorer],
  groupings: TableGrouping[],
  resamples: number,
  seed: number,
  confidence: number
): TableIntervals {
  const n = scorers[0].rows;
  const task = scorers[0].task;
  const order =
    task === 'regression'
      ? Uint32Array.from({ length: n }, (_, i) => i)
      : negativesFirst(scorers[0].ranking!(task === 'binary' ? 1 : 0)).order;
  const metrics = tableMetrics(task);
  const w = new Uint8Array(n);
  const rowW = new Uint8Array(n);
  const diffs = new Map<string, number[]>();
  const push = (
    key: string,
    a: Record<string, { value: number | null }>,
    b: typeof a,
    keep: readonly string[] = metrics
  ) => {
    for (const m of keep) {
      const [va, vb] = [a[m]?.value, b[m]?.value];
      if (typeof va !== 'number' || typeof vb !== 'number') continue;
      const list = diffs.get(`${key}|${m}`) ?? [];
      list.push(va - vb);
      diffs.set(`${key}|${m}`, list);
    }
  };
  for (let r = 0; r < resamples; r++) {
    fillResampleWeights(seed, r, w);
    for (let k = 0; k < n; k++) rowW[order[k]] = w[k];
    push(
      'overall',
      { ...scorers[0].score({ weights: rowW })[0], ...weightedEce(preds[0], rowW) },
      { ...scorers[1].score({ weights: rowW })[0], ...weightedEce(preds[1], rowW) }
    );
    for (const g of groupings) {
      const options = { weights: rowW, groupOf: g.groupOf, groups: g.values.length };
      const a = scorers[0].score(options);
      const b = scorers[1].score(options);
      g.values.forEach((v, i) => push(`${g.column}=${v}`, a[i], b[i], g.metrics));
    }
  }
  const interval = (key: string, keep: readonly string[] = metrics) =>
    Object.fromEntries(
      keep.map((m) => {
        const sorted = Float64Array.from(diffs.get(`${key}|${m}`) ?? []).sort();
        const alpha = (1 - confidence) / 2;
        return [
          m,
          sorted.length < 2
            ? { low: null, high: null }
            : {
                low: percentile(sorted, alpha),
                high: percentile(sorted, 1 - alpha),
                resamples: sorted.length
              }
        ];
      })
    );
  const slices: TableIntervals['slices'] = {};
  for (const g of groupings)
    slices[g.column] = Object.fromEntries(
      g.values.map((v) => [v, interval(`${g.column}=${v}`, g.metrics)])
    ) as never;
  return { overall: interval('overall') as never, slices };
}

function expectClose(actual: TableIntervals, expected: TableIntervals) {
  const cells: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['overall', actual.overall, expected.overall]
  ];
  for (const [column, values] of Object.entries(expected.slices))
    for (const [value, e] of Object.entries(values))
      cells.push([`${column}=${value}`, actual.slices[column][value], e]);
  for (const [where, a, e] of cells) {
    // Exactly the planned metrics: one without an interval is absent, not a made-up value.
    expect([where, Object.keys(a).sort()]).toEqual([where, Object.keys(e).sort()]);
    for (const [metric, ev] of Object.entries(e) as [
      string,
      { low: number | null; high: number | null; resamples?: number }
    ][]) {
      const av = a[metric] as { low: number | null; high: number | null; resamples?: number };
      if (ev.low === null) {
        expect([where, metric, av.low]).toEqual([where, metric, null]);
        continue;
      }
      expect([where, metric, av.resamples]).toEqual([where, metric, ev.resamples]);
      expect(Math.abs((av.low as number) - ev.low)).toBeLessThan(1e-10);
      expect(Math.abs((av.high as number) - (ev.high as number))).toBeLessThan(1e-10);
    }
  }
}

const options = { resamples: 25, seed: 11, confidence: 0.9 };

describe('whole-table paired bootstrap', () => {
  // Binary slices gate Brier in all but the last binary case: there no slice cell shows it, and
  // the strata pass sums its terms over all rows only.
  const binaryGated = ['average_precision', 'brier_score', 'precision', 'roc_auc'];
  it.each([
    ['binary, no ties', 2, 0, 0, binaryGated],
    ['binary, ties on one side', 2, 0, 20, binaryGated],
    ['binary, ties on both sides', 2, 12, 30, binaryGated],
    ['binary, Brier on the whole data only', 2, 12, 30, ['average_precision', 'recall']],
    ['multiclass', 3, 15, 0, ['roc_auc_ovr']]
  ])(
    'equals scoring every resample through the scorers (%s)',
    async (_name, classes, levelsA, levelsB, gated) => {
      // Above 1,024 precision steps per segment: the kernel divides them out in chunks (table.wat).
      const n = 3001;
      const r = lcg(3);
      const y = Int32Array.from({ length: n }, () => Math.floor(r() * classes));
      const preds: [Predictions, Predictions] = [
        classifier(y, classes, 0.9, 5, levelsA),
        classifier(y, classes, 1.3, 6, levelsB)
      ];
      const scorers: [Scorer, Scorer] = [createScorer(preds[0]), createScorer(preds[1])];
      const task = classes === 2 ? 'binary' : 'multiclass';
      // One column with the slice table's default metrics, one with gated ones (ranking ones included).
      const groupings = [
        grouping('region', n, 4, 7, sliceTableMetrics(task, [])),
        grouping('plan', n, 2, 8, sliceTableMetrics(task, gated)),
        // Above 254 values a column's group codes stay 32-bit in the plan.
        grouping('id', n, 260, 9, sliceTableMetrics(task, []))
      ];
      // One thread fills the plan itself; with more, a worker fills it and the others wait for it.
      for (const threads of [1, 2, 3]) {
        const got = await startTableBootstrap(preds, scorers, groupings, options, { threads }).result();
        expectClose(
          got,
          reference(preds, scorers, groupings, options.resamples, options.seed, options.confidence)
        );
      }
    }
  );

  it('equals the reference for regression, and per slice column when the combinations are many', async () => {
    const n = 1200;
    const r = lcg(4);
    const y = Float64Array.from({ length: n }, () => 1000 + r() * 10);
    const pred = (noise: number) => Float64Array.from(y, (v) => v + (r() - 0.5) * noise);
    const preds: [Predictions, Predictions] = [
      { task: 'regression', y, pred: pred(2) },
      { task: 'regression', y, pred: pred(3) }
    ];
    const scorers: [Scorer, Scorer] = [createScorer(preds[0]), createScorer(preds[1])];
    const groupings = [
      grouping('a', n, 40, 1, sliceTableMetrics('regression', [])),
      grouping('b', n, 30, 2, ['mape']),
      grouping('c', n, 20, 3, sliceTableMetrics('regression', ['r2', 'mape']))
    ];
    for (const threads of [1, 2]) {
      const got = await startTableBootstrap(preds, scorers, groupings, options, { threads }).result();
      expectClose(
        got,
        reference(preds, scorers, groupings, options.resamples, options.seed, options.confidence)
      );
    }
  });

  it('is within noise everywhere, with zero-width intervals, when the candidate is its baseline', async () => {
    const n = 800;
    const r = lcg(9);
    const y = Int32Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0));
    const p = classifier(y, 2, 1, 5, 0);
    const s = createScorer(p);
    const groupings = [grouping('g', n, 3, 1, tableMetrics('binary'))];
    const got = await startTableBootstrap([p, p], [s, s], groupings, options).result();
    const all = [got.overall, ...Object.values(got.slices.g)];
    for (const cell of all)
      for (const interval of Object.values(cell))
        expect(interval).toMatchObject({ low: 0, high: 0, within_noise: true });
  });
});
