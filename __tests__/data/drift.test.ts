import { readFileSync } from 'node:fs';
import { ksTest } from '../../src/data/drift/ks.js';
import { walkSamples } from '../../src/data/drift/ecdf.js';
import { chiSquareTest } from '../../src/data/drift/chi2.js';
import { zTest } from '../../src/data/drift/z.js';
import { jensenShannonDistance } from '../../src/data/drift/jensen-shannon.js';
import { psi } from '../../src/data/drift/psi.js';
import { categoryShares } from '../../src/data/drift/binning.js';
import { DEFAULT_DRIFT_SHARE, DRIFT_TESTS, DRIFT_TEST_NAMES } from '../../src/data/drift/catalog.js';
import { datasetDrift } from '../../src/data/drift/decide.js';
import type { ColumnDrift } from '../../src/data/drift/registry.js';

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

/** Every value of `key` anywhere in a JSON document. */
function findAll(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const v of node) findAll(v, key, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      findAll(v, key, out);
    }
  }
  return out;
}

describe('the drift-test catalog is the one source', () => {
  const schema = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8')) as unknown;

  test('the JSON Schema drift_test enum lists exactly the catalog tests', () => {
    const driftTests = findAll(schema, 'drift_test') as { enum?: string[]; description?: string }[];
    expect(driftTests.length).toBeGreaterThan(0);
    for (const d of driftTests) {
      expect([...(d.enum ?? [])].sort()).toEqual([...DRIFT_TEST_NAMES].sort());
      expect(d.description).toMatch(/docs\/drift\.md/);
    }
  });

  test('the JSON Schema states the catalog default dataset drift share', () => {
    const drift = findAll(schema, 'drift').filter(
      (d): d is { properties: { share: { default?: number } } } =>
        typeof d === 'object' &&
        d !== null &&
        'properties' in d &&
        'share' in (d as { properties: object }).properties
    );
    expect(drift.length).toBeGreaterThan(0);
    for (const d of drift) expect(d.properties.share.default).toBe(DEFAULT_DRIFT_SHARE);
  });

  test('p-value tests drift below their threshold, distances at or above it, as Evidently', () => {
    for (const name of DRIFT_TEST_NAMES) {
      const spec = DRIFT_TESTS[name];
      if (spec.score === 'p_value') {
        expect(spec.threshold).toBe(0.05);
        expect(spec.drifted(0.049, 0.05)).toBe(true);
        expect(spec.drifted(0.051, 0.05)).toBe(false);
        // Evidently's ks test drifts at p <= threshold; chi-square and Z at p < threshold.
        expect(spec.drifted(0.05, 0.05)).toBe(name === 'ks');
      } else {
        expect(spec.threshold).toBe(0.1);
        expect(spec.drifted(0.1, 0.1)).toBe(true);
        expect(spec.drifted(0.099, 0.1)).toBe(false);
      }
    }
  });

  test('dataset drift: at least the share of tested columns, untested columns not counted', () => {
    const col = (drifted: boolean, tested = true): ColumnDrift => ({
      test: 'ks',
      statistic: tested ? 0.2 : null,
      p_value: tested ? (drifted ? 0.01 : 0.5) : null,
      threshold: 0.05,
      drifted,
      exact: true
    });
    const d = datasetDrift({ a: col(true), b: col(false), c: col(false, false) });
    expect(d).toEqual({
      tested: 2,
      drifted: 1,
      share: 0.5,
      threshold: 0.5,
      drifted_dataset: true,
      blocking: false
    });
    expect(
      datasetDrift({ a: col(true), b: col(false) }, { share: 0.6, blocking: true }).drifted_dataset
    ).toBe(false);
    expect(datasetDrift({}).drifted_dataset).toBe(false);
  });
});
