import type { IntervalResult } from '../../src/gate/bootstrap.js';
import { changeGatedMetrics, comparedChanges, computeDeltas } from '../../src/gate/deltas.js';
import { applyGates, type GateResult } from '../../src/gate/gates.js';
import { applySliceGates } from '../../src/gate/slice-gates.js';
import type { SliceReport } from '../../src/evaluation/types.js';

const slices: SliceReport[] = [
  { column: 'country', value: 'FR', rows: 120, candidate: { accuracy: 0.9 }, baseline: { accuracy: 0.8 } },
  { column: 'country', value: 'DE', rows: 80, candidate: { accuracy: 0.7 }, baseline: { accuracy: 0.75 } },
  {
    column: 'country',
    value: 'LU',
    rows: 4,
    candidate: null,
    baseline: null,
    skipped: 'fewer than 30 rows'
  },
  { column: 'plan', value: 'pro', rows: 50, candidate: { accuracy: 0.1 }, baseline: { accuracy: 0.1 } }
];

describe('slice gates', () => {
  it('gates each slice of the column, and skips small slices saying why', () => {
    const results = applySliceGates(
      { country: { accuracy: { min: 0.75, max_drop: 0.02 } } },
      slices,
      ['country', 'plan'],
      true
    );
    const summary = results.map((r) => [r.slice?.value, r.kind, r.status]);
    expect(summary).toEqual([
      ['FR', 'min', 'pass'],
      ['FR', 'max_drop', 'pass'],
      ['DE', 'min', 'fail'],
      ['DE', 'max_drop', 'fail'],
      ['LU', 'min', 'skipped'],
      ['LU', 'max_drop', 'skipped']
    ]);
    expect(results[4].reason).toBe('slice skipped: fewer than 30 rows');
    expect(results[3].observed).toBeCloseTo(0.05, 12);
  });

  it('skips change gates without a baseline, as on the whole data', () => {
    const results = applySliceGates(
      { country: { accuracy: { max_drop: 0.02 } } },
      slices,
      ['country'],
      false
    );
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['skipped', 'skipped']);
  });

  it('refuses a gated column that is not a slice column', () => {
    expect(() => applySliceGates({ city: { accuracy: { min: 0.5 } } }, slices, ['country'], true)).toThrow(
      'evaluate.slice_gates.city: "city" is not one of evaluate.slices (country)'
    );
    expect(() => applySliceGates({ city: { accuracy: { min: 0.5 } } }, slices, [], true)).toThrow(/\(none\)/);
  });
});

describe('metric deltas', () => {
  const interval = (low: number, high: number) => ({
    low,
    high,
    confidence: 0.95,
    resamples: 100,
    within_noise: low <= 0 && high >= 0
  });

  it('judges a change by its interval and the metric direction, not by its sign', () => {
    const d = computeDeltas(
      { roc_auc: 0.8, log_loss: 0.4, accuracy: 0.91, latency_ms_per_1000_rows: 3, brier_score: null },
      { roc_auc: 0.85, log_loss: 0.5, accuracy: 0.9, latency_ms_per_1000_rows: 2, brier_score: 0.1 },
      { roc_auc: interval(-0.07, -0.03), log_loss: interval(-0.12, -0.08), accuracy: interval(-0.01, 0.03) }
    );
    expect(d.roc_auc).toMatchObject({ change: 'worse', higher_is_better: true });
    expect(d.roc_auc.delta).toBeCloseTo(-0.05, 12);
    expect(d.log_loss).toMatchObject({ change: 'better', higher_is_better: false });
    expect(d.log_loss.relative).toBeCloseTo(-0.2, 12);
    // A positive difference whose interval holds 0 is noise, not an improvement.
    expect(d.accuracy.change).toBe('within_noise');
    // Latency timed once has no spread: no verdict at all.
    expect(d.latency_ms_per_1000_rows).toMatchObject({ change: null, delta: 1, relative: 0.5 });
    expect(d.brier_score).toMatchObject({ delta: null, relative: null, change: null });
  });

  it('judges latency beyond the spread of timed passes, and sizes exactly', () => {
    const spread = (median: number, low: number, high: number) => ({ median, low, high, passes: 5 });
    const within = computeDeltas(
      { latency_ms_per_1000_rows: 3 },
      { latency_ms_per_1000_rows: 2 },
      {},
      {
        latency_ms_per_1000_rows: [spread(3, 1.9, 3.4), spread(2, 1.5, 2.5)]
      }
    );
    expect(within.latency_ms_per_1000_rows.change).toBe('within_noise');
    const slower = computeDeltas(
      { latency_ms_per_1000_rows: 3 },
      { latency_ms_per_1000_rows: 2 },
      {},
      {
        latency_ms_per_1000_rows: [spread(3, 2.8, 3.4), spread(2, 1.5, 2.5)]
      }
    );
    expect(slower.latency_ms_per_1000_rows.change).toBe('worse');
    expect(computeDeltas({ model_size_bytes: 900 }, { model_size_bytes: 1000 }).model_size_bytes.change).toBe(
      'better'
    );
    expect(computeDeltas({ model_size_bytes: 900 }, { model_size_bytes: 900 }).model_size_bytes.change).toBe(
      'within_noise'
    );
  });

  it('has no change and no relative change without a baseline or from zero', () => {
    expect(computeDeltas({ accuracy: 0.9 }, null).accuracy).toMatchObject({ baseline: null, change: null });
    expect(computeDeltas({ r2: 0.2 }, { r2: 0 }, { r2: interval(0.1, 0.3) }).r2).toMatchObject({
      relative: null,
      change: 'better'
    });
    expect(computeDeltas({ r2: 0.2 }, { r2: 0.2 }).r2.change).toBe('within_noise');
  });

  it('attaches the interval of a gated metric', () => {
    const interval: IntervalResult = { low: null, high: null, reason: 'fewer than 2 resamples' };
    const d = computeDeltas({ f1: 0.8 }, { f1: 0.79 }, { f1: interval });
    expect(d.f1.interval).toBe(interval);
  });
});

describe('which changes get a bootstrap interval', () => {
  it('starts with the bootstrappable metrics that have a change gate', () => {
    expect(
      changeGatedMetrics({
        roc_auc: { max_drop: 0.01 },
        accuracy: { min: 0.8 },
        latency_ms_per_1000_rows: { max_rise: 5 },
        log_loss: { min_relative_change: 0 }
      })
    ).toEqual(['roc_auc', 'log_loss']);
  });

  it('keeps the whole-data change gates that compared two values', () => {
    const gates: GateResult[] = [
      ...applyGates(
        { roc_auc: { max_drop: 0.01, min: 0.5 }, f1: { max_rise: 1 }, recall: { max_drop: 0.1 } },
        {
          candidate: { values: { roc_auc: 0.8, f1: 0.7, recall: null } },
          baseline: { values: { roc_auc: 0.81, f1: 0.6 } }
        }
      ),
      ...applyGates(
        { accuracy: { max_drop: 0.01 } },
        {
          candidate: { values: { accuracy: 0.8 } },
          baseline: { values: { accuracy: 0.8 } },
          slice: { column: 'c', value: 'v' }
        }
      )
    ];
    expect(comparedChanges(gates)).toEqual(['roc_auc', 'f1']);
  });
});
