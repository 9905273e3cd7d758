import { applyGates, decideVerdict, type GateInput } from '../../src/gate/gates.js';
import type { GateSpec } from '../../src/config/types.js';

const side = (values: Record<string, number | null>, reasons: Record<string, string> = {}) => ({
  values,
  reasons
});

type Row = [string, Record<string, GateSpec>, GateInput, ('pass' | 'fail' | 'skipped')[], RegExp];

const cand = side(
  { roc_auc: 0.8, log_loss: 0.4, accuracy: 0.9, precision: null },
  { precision: 'no row is predicted positive (0/0)' }
);
const base = side({ roc_auc: 0.82, log_loss: 0.5, accuracy: 0.9, precision: 0.7 });

const table: Row[] = [
  ['min passes at the bound', { roc_auc: { min: 0.8 } }, { candidate: cand, baseline: base }, ['pass'], /./],
  ['min fails below', { roc_auc: { min: 0.81 } }, { candidate: cand, baseline: base }, ['fail'], /./],
  ['max on a loss', { log_loss: { max: 0.39 } }, { candidate: cand, baseline: base }, ['fail'], /./],
  [
    'max_drop within (0.02 drop, 0.02 allowed, float noise tolerated)',
    { roc_auc: { max_drop: 0.02 } },
    { candidate: cand, baseline: base },
    ['pass'],
    /./
  ],
  [
    'max_drop exceeded',
    { roc_auc: { max_drop: 0.01 } },
    { candidate: cand, baseline: base },
    ['fail'],
    /fell by 0.02/
  ],
  [
    'max_rise on a loss that fell passes',
    { log_loss: { max_rise: 0 } },
    { candidate: cand, baseline: base },
    ['pass'],
    /./
  ],
  [
    'max_rise on a loss that rose fails',
    { log_loss: { max_rise: 0.05 } },
    { candidate: side({ log_loss: 0.6 }), baseline: base },
    ['fail'],
    /./
  ],
  [
    'max_drop on a lower-is-better metric says a fall is an improvement',
    { log_loss: { max_drop: 0.01 } },
    { candidate: cand, baseline: base },
    ['fail'],
    /improvement/
  ],
  [
    'min_relative_change higher-is-better: −2.4 % vs −2 % allowed',
    { roc_auc: { min_relative_change: -0.02 } },
    { candidate: cand, baseline: base },
    ['fail'],
    /./
  ],
  [
    'min_relative_change higher-is-better: −2.4 % vs −3 % allowed',
    { roc_auc: { min_relative_change: -0.03 } },
    { candidate: cand, baseline: base },
    ['pass'],
    /./
  ],
  [
    'min_relative_change is direction-aware: loss 0.5 → 0.4 is +20 %',
    { log_loss: { min_relative_change: 0.19 } },
    { candidate: cand, baseline: base },
    ['pass'],
    /lower is better/
  ],
  [
    'min_relative_change with a loss that worsened',
    { log_loss: { min_relative_change: 0 } },
    { candidate: side({ log_loss: 0.55 }), baseline: base },
    ['fail'],
    /./
  ],
  [
    'a metric that does not exist fails',
    { nonexistent_metric: { min: 0 } },
    { candidate: cand, baseline: base },
    ['fail'],
    /not computed on the candidate/
  ],
  [
    'a metric undefined on the candidate fails with the reason',
    { precision: { min: 0.1 } },
    { candidate: cand, baseline: base },
    ['fail'],
    /no row is predicted positive/
  ],
  [
    'a metric missing on the baseline fails a change gate',
    { f1: { max_drop: 0.1 } },
    { candidate: side({ f1: 0.5 }), baseline: side({}) },
    ['fail'],
    /not computed on the baseline/
  ],
  [
    'first run: change gates are skipped, value gates still apply',
    { roc_auc: { min: 0.7, max_drop: 0.01 } },
    { candidate: cand, baseline: null },
    ['pass', 'skipped'],
    /first run/
  ],
  [
    'first run: a failing value gate still fails',
    { roc_auc: { min: 0.9, max_drop: 0.01 } },
    { candidate: cand, baseline: null },
    ['fail', 'skipped'],
    /./
  ],
  [
    'several thresholds on one metric keep their order',
    { accuracy: { min: 0.5, max: 0.95, max_drop: 0, max_rise: 0, min_relative_change: 0 } },
    { candidate: cand, baseline: base },
    ['pass', 'pass', 'pass', 'pass', 'pass'],
    /must be ≥ 0.5000 .*must be ≤ 0.9500/
  ]
];

describe('gate semantics', () => {
  it.each(table)('%s', (_name, specs, input, statuses, reason) => {
    const results = applyGates(specs, input);
    expect(results.map((r) => r.status)).toEqual(statuses);
    expect(results.map((r) => r.reason).join(' | ')).toMatch(reason);
  });

  it('passes zero baseline relative changes without dividing by zero', () => {
    const [r] = applyGates(
      { r2: { min_relative_change: -0.1 } },
      { candidate: side({ r2: 0 }), baseline: side({ r2: 0 }) }
    );
    expect(r.status).toBe('pass');
    expect(r.observed).toBe(0);
  });

  it('records slices on slice gates', () => {
    const [r] = applyGates(
      { accuracy: { min: 0.95 } },
      { candidate: cand, baseline: base, slice: { column: 'country', value: 'FR' } }
    );
    expect(r.slice).toEqual({ column: 'country', value: 'FR' });
    expect(decideVerdict([r], true).summary).toMatch(/accuracy \[country=FR\]/);
  });
});

describe('verdict', () => {
  it('is a rubber stamp on a first run, said explicitly', () => {
    const results = applyGates(
      { roc_auc: { min: 0.5, max_drop: 0.01 } },
      { candidate: cand, baseline: null }
    );
    const v = decideVerdict(results, false);
    expect(v).toMatchObject({ verdict: 'pass', rubber_stamp: true });
    expect(v.summary).toMatch(/rubber stamp.*no baseline.*1 change gate was skipped/);
  });

  it('fails when any gate fails, naming the metrics', () => {
    const results = applyGates(
      { roc_auc: { max_drop: 0.001 }, accuracy: { min: 0.5 } },
      { candidate: cand, baseline: base }
    );
    const v = decideVerdict(results, true);
    expect(v.verdict).toBe('fail');
    expect(v.rubber_stamp).toBe(false);
    expect(v.summary).toBe('fail: 1 of 2 gates failed (roc_auc)');
  });

  it('passes with a baseline when every gate holds, and without gates', () => {
    expect(
      decideVerdict(applyGates({ accuracy: { max_drop: 0 } }, { candidate: cand, baseline: base }), true)
        .summary
    ).toBe('pass: all 1 gate passed');
    expect(decideVerdict([], true)).toEqual({
      verdict: 'pass',
      rubber_stamp: false,
      summary: 'pass: no gates configured'
    });
  });
});
