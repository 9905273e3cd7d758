import { readFileSync } from 'node:fs';
import { ksTest } from '../../src/data/drift/ks.js';
import { walkSamples } from '../../src/data/drift/ecdf.js';
import { chiSquareTest } from '../../src/data/drift/chi2.js';
import { zTest } from '../../src/data/drift/z.js';
import { jensenShannonDistance } from '../../src/data/drift/jensen-shannon.js';
import { psi } from '../../src/data/drift/psi.js';
import { categoryShares } from '../../src/data/drift/binning.js';

interface Reference {
  ks_samples: { a: number[]; b: number[]; statistic: number; p_value: number; wasserstein: number }[];
  ks_grid: { n1: number; n2: number; d: number; ok: boolean; p_value: number }[];
  kstwo_grid: { n: number; x: number; sf: number }[];
  smirnov_grid: { n: number; x: number; sf: number }[];
  chi2_grid: { x: number; df: number; sf: number }[];
  ndtr_grid: { x: number; cdf: number }[];
  small_counts: {
    reference: Record<string, number>;
    current: Record<string, number>;
    jensen_shannon: number;
    psi: number;
    chi2: [number | string | null, number | null];
    z?: [number, number];
  }[];
}

const ref = JSON.parse(readFileSync('__fixtures__/data/reference.json', 'utf8')) as Reference;
const TOL = 1e-6;

function close(actual: number, expected: number | null | string, tol = TOL): void {
  if (expected === null) return expect(Number.isNaN(actual)).toBe(true);
  if (expected === 'inf') return expect(actual).toBe(Infinity);
  const e = Number(expected);
  const scale = Math.max(1, Math.abs(e));
  if (Math.abs(actual - e) > tol * scale) throw new Error(`expected ${e}, got ${actual}`, { cause: e });
}

describe('two-sample KS and Wasserstein equal scipy', () => {
  test('exact p-values on a grid of sample sizes and statistics', () => {
    for (const c of ref.ks_grid) {
      const r = ksTest(c.d, 0, c.n1, c.n2);
      if (!c.ok) continue;
      try {
        close(r.p_value, c.p_value, 1e-9);
      } catch (e) {
        throw new Error(`n1=${c.n1} n2=${c.n2} d=${c.d}: ${(e as Error).message}`, { cause: e });
      }
    }
  });
  test('ks_2samp and wasserstein_distance on samples (ties, identical, sizes around 10,000)', () => {
    for (const c of ref.ks_samples) {
      const walk = walkSamples(c.a, c.b);
      const r = ksTest(walk.maxS, walk.minS, c.a.length, c.b.length);
      try {
        close(r.statistic, c.statistic);
        close(r.p_value, c.p_value);
        close(walk.wasserstein, c.wasserstein);
      } catch (e) {
        throw new Error(`n1=${c.a.length} n2=${c.b.length}: ${(e as Error).message}`, { cause: e });
      }
    }
  });
});

describe('categorical tests equal scipy (as Evidently calls it)', () => {
  test('chi-square, z, Jensen–Shannon and PSI on count vectors', () => {
    for (const c of ref.small_counts) {
      const r = new Map(Object.entries(c.reference));
      const k = new Map(Object.entries(c.current));
      const chi = chiSquareTest(r, k);
      close(chi.statistic, c.chi2[0]);
      close(chi.p_value, c.chi2[1]);
      if (c.z) close(zTest(r, k).p_value, c.z[1]);
      const shares = categoryShares(r, k);
      close(jensenShannonDistance(shares.reference, shares.current), c.jensen_shannon);
      close(psi(shares.reference, shares.current), c.psi);
    }
  });
  test('PSI equals the textbook formula on filled shares', () => {
    const a = [0.2, 0.3, 0.5];
    const b = [0.25, 0.25, 0.5];
    const expected = (0.2 - 0.25) * Math.log(0.2 / 0.25) + (0.3 - 0.25) * Math.log(0.3 / 0.25);
    expect(psi(a, b)).toBeCloseTo(expected, 12);
  });
});
