import { calibrationBin, calibrationEdges } from '../../src/evaluation/metrics/calibration.js';
import { lcg } from '../evaluate/helpers.js';

/** The definition: the number of inner edges strictly below v. */
const edgesBelow = (v: number, inner: number[]) => inner.filter((e) => e < v).length;

describe('calibrationBin', () => {
  it.each([2, 3, 10, 15, 64])(
    'counts the edges below a value, on and next to every edge (%i bins)',
    (bins) => {
      const inner = calibrationEdges(bins);
      const r = lcg(bins);
      const values = [0, 1, -0.5, 1.5, NaN, Infinity, -Infinity, Number.MIN_VALUE, 1 - Number.EPSILON];
      for (const e of inner)
        values.push(e, e + 1e-16, e - 1e-16, e * (1 + Number.EPSILON), e * (1 - Number.EPSILON));
      for (let k = 1; k < bins; k++) values.push(k / bins, (k * 0.1) / (bins * 0.1));
      for (let i = 0; i < 2000; i++) values.push(r());
      for (const v of values) expect([v, calibrationBin(v, inner)]).toEqual([v, edgesBelow(v, inner)]);
    }
  );
});
