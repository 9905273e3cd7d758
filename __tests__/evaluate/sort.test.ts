import { descendingOrder } from '../../src/evaluation/metrics/sort.js';
import { lcg } from './helpers.js';

function check(values: Float64Array): void {
  const order = descendingOrder(values);
  expect(order.length).toBe(values.length);
  expect(new Set(order).size).toBe(values.length);
  for (let k = 1; k < order.length; k++)
    expect(values[order[k - 1]]).toBeGreaterThanOrEqual(values[order[k]]);
}

describe('descendingOrder (radix sort shared by the ranking metrics)', () => {
  it('orders float64 values with negatives, ties and zeros of both signs', () => {
    const r = lcg(3);
    const values = Float64Array.from({ length: 5000 }, (_, i) =>
      i % 7 === 0 ? 0.1 : i % 11 === 0 ? -0 : (r() - 0.5) * 1e6 * r()
    );
    values[17] = 0;
    values[18] = -1e-300;
    values[19] = 1e300;
    check(values);
  });

  it('orders float32-exact values (the model-output fast path) the same way', () => {
    const r = lcg(4);
    const values = Float64Array.from({ length: 5000 }, () => Math.fround(Math.round(r() * 300) / 300 - 0.2));
    check(values);
    const wide = Float64Array.from(values, (v, i) => (i === 0 ? v + 1e-12 : v));
    check(wide);
  });
});
