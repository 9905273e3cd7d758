import { readFileSync } from 'node:fs';
import { kolmogornSf } from '../../src/data/drift/kolmogorov.js';
import { smirnov } from '../../src/data/drift/smirnov.js';
import { chi2Sf, ndtr } from '../../src/data/drift/special.js';

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

describe('special functions equal scipy', () => {
  test('ndtr (norm.cdf)', () => {
    for (const c of ref.ndtr_grid) close(ndtr(c.x), c.cdf, 1e-12);
  });
  test('chi2.sf', () => {
    for (const c of ref.chi2_grid) close(chi2Sf(c.x, c.df), c.sf, 1e-9);
  });
  test('smirnov', () => {
    for (const c of ref.smirnov_grid) {
      try {
        close(smirnov(c.n, c.x), c.sf, 1e-9);
      } catch (e) {
        throw new Error(`smirnov(${c.n}, ${c.x}): ${(e as Error).message}`, { cause: e });
      }
    }
  });
  test('kstwo.sf on every branch', () => {
    for (const c of ref.kstwo_grid) {
      try {
        close(kolmogornSf(c.n, c.x), c.sf, 1e-9);
      } catch (e) {
        throw new Error(`kstwo.sf(${c.x}, ${c.n}): ${(e as Error).message}`, { cause: e });
      }
    }
  });
});
