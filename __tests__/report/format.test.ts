import {
  countOf,
  formatInterval,
  formatPercent,
  formatPValue,
  formatSigned,
  formatValue,
  formatWithUnit,
  headline,
  withoutVerdict
} from '../../src/report/format.js';
import { applyGates } from '../../src/gate/gates.js';

describe('the one number formatter', () => {
  it.each([
    [0.91234, '0.9123'],
    [-0.0185, '−0.0185'],
    [546, '546'],
    [1234567, '1,234,567'],
    [0, '0'],
    [0.00001234, '1.2 × 10⁻⁵'],
    [-0.00042, '−4.2 × 10⁻⁴'],
    [1234.5678, '1,234.6'],
    [null, 'n/a'],
    [Infinity, '∞'],
    [-Infinity, '−∞']
  ])('writes %p as %p (true minus sign, integers whole, small values in one notation)', (x, text) => {
    expect(formatValue(x)).toBe(text);
  });

  it('signs changes with + and a true minus, 0 unsigned', () => {
    expect(formatSigned(0.0123)).toBe('+0.0123');
    expect(formatSigned(-0.0123)).toBe('−0.0123');
    expect(formatSigned(546)).toBe('+546');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(-3e-6)).toBe('−3.0 × 10⁻⁶');
    expect(formatPercent(-0.0273)).toBe('−2.73 %');
    expect(formatInterval(-0.0012, 0.0034)).toBe('[−0.0012, +0.0034]');
  });

  it('writes p-values and small deltas in the same notation', () => {
    expect(formatPValue(0.00003)).toBe(formatSigned(0.00003).slice(1));
    expect(formatPValue(0.042)).toBe('0.0420');
  });

  it('puts units on latencies and sizes, with integers whole', () => {
    expect(formatWithUnit('model_size_bytes', 546, true)).toBe('+546 bytes');
    expect(formatWithUnit('model_size_bytes', 1)).toBe('1 byte');
    expect(formatWithUnit('latency_ms_per_1000_rows', 0.062)).toBe('0.0620 ms');
    expect(formatWithUnit('latency_ms_per_1000_rows', 267.85)).toBe('268 ms');
    expect(formatWithUnit('latency_ms_per_1000_rows', -1.234, true)).toBe('−1.23 ms');
    expect(formatWithUnit('roc_auc', 0.5)).toBe('0.5000');
  });

  it('counts with the right plural', () => {
    expect(countOf(1, 'value')).toBe('1 value');
    expect(countOf(2, 'value')).toBe('2 values');
    expect(countOf(1200, 'row')).toBe('1,200 rows');
    expect(countOf(1, 'timed pass', 'timed passes')).toBe('1 timed pass');
  });

  it('says the verdict once', () => {
    expect(headline('pass (rubber stamp): no baseline')).toBe('PASS (rubber stamp): no baseline');
    expect(headline('fail: 1 of 2 gates failed')).toBe('FAIL: 1 of 2 gates failed');
    expect(withoutVerdict('pass (rubber stamp): no baseline model')).toBe('no baseline model');
    expect(withoutVerdict('pass: all 3 gates passed')).toBe('all 3 gates passed');
  });
});

describe('gate wording', () => {
  it('does not say "fell by −x" for an improvement', () => {
    const [drop] = applyGates(
      { roc_auc: { max_drop: 0.01 } },
      { candidate: { values: { roc_auc: 0.9185 } }, baseline: { values: { roc_auc: 0.9 } } }
    );
    expect(drop.reason).toBe('rose by 0.0185, a fall of at most 0.0100 allowed');
    const [rise] = applyGates(
      { log_loss: { max_rise: 0.02 } },
      { candidate: { values: { log_loss: 0.3 } }, baseline: { values: { log_loss: 0.35 } } }
    );
    expect(rise.reason).toMatch(/^fell by 0\.0500, a rise of at most 0\.0200 allowed/);
    expect(`${drop.reason} ${rise.reason}`).not.toMatch(/by [−-]/);
  });
});
