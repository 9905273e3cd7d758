// The drift test registry: which test a column gets by default (as Evidently chooses: by column type,
// reference size and number of distinct values) and how each test is run on a column's inputs.
import type { DriftTestName } from '../../config/types.js';
import { categoryShares } from './binning.js';
import { chiSquareTest, type Counts } from './chi2.js';
import { JENSEN_SHANNON_THRESHOLD, jensenShannonDistance } from './jensen-shannon.js';
import { ksTest } from './ks.js';
import { PSI_THRESHOLD, psi } from './psi.js';
import { WASSERSTEIN_THRESHOLD, wassersteinNorm } from './wasserstein.js';
import { zTest } from './z.js';

/** Everything the tests need about a numeric column in reference and current (finite values only). */
export interface NumericDriftInput {
  kind: 'numeric';
  nRef: number;
  nCur: number;
  /** Population standard deviation of the reference (numpy.std). */
  refStd: number;
  refDistinct: number;
  /** Distinct values over reference and current together. */
  pooledDistinct: number;
  /** From the ECDF walk: max(F_ref − F_cur), max(0, −min(F_ref − F_cur)), Wasserstein distance. */
  maxS: number;
  minS: number;
  wasserstein: number;
  /** Counts per value (keys as strings) when the pooled distinct count is small enough to list. */
  refValues?: Counts;
  curValues?: Counts;
  /** Counts per shared Sturges bin of the pooled data. */
  sturgesRef: ArrayLike<number>;
  sturgesCur: ArrayLike<number>;
  /** False when the reference is a stored summary rather than every value (see rank_error). */
  exact: boolean;
  rankError?: number;
}

/** Counts per category in reference and current (missing values excluded). */
export interface CategoricalDriftInput {
  kind: 'categorical';
  ref: Counts;
  cur: Counts;
}

/** A column's inputs to drift tests. */
export type DriftInput = NumericDriftInput | CategoricalDriftInput;

/** The drift verdict of one column, as written to validation.json. */
export interface ColumnDrift {
  test: DriftTestName;
  statistic: number | null;
  /** p-value for ks, chi2 and z; null for distances. */
  p_value: number | null;
  threshold: number;
  drifted: boolean;
  /** False when computed against a stored summary instead of the full reference. */
  exact: boolean;
  note?: string;
}

const P_VALUE_TESTS = new Set<DriftTestName>(['ks', 'chi2', 'z']);

/** The default threshold of a test (0.05 for p-values, 0.1 for distances). */
export function defaultThreshold(test: DriftTestName): number {
  if (P_VALUE_TESTS.has(test)) return 0.05;
  if (test === 'wasserstein') return WASSERSTEIN_THRESHOLD;
  if (test === 'psi') return PSI_THRESHOLD;
  return JENSEN_SHANNON_THRESHOLD;
}

function total(counts: Counts): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** The test Evidently would choose for this column. */
export function defaultTest(input: DriftInput): DriftTestName {
  if (input.kind === 'categorical') {
    const pooled = new Set([...input.ref.keys(), ...input.cur.keys()]).size;
    if (total(input.ref) <= 1000) return pooled > 2 ? 'chi2' : 'z';
    return 'jensen_shannon';
  }
  if (input.nRef <= 1000) {
    if (input.pooledDistinct <= 5) return input.pooledDistinct > 2 ? 'chi2' : 'z';
    return 'ks';
  }
  return input.pooledDistinct <= 5 ? 'jensen_shannon' : 'wasserstein';
}

function shares(input: DriftInput): { reference: number[]; current: number[] } | undefined {
  if (input.kind === 'categorical') return categoryShares(input.ref, input.cur);
  if (input.refDistinct > 20) {
    return {
      reference: Array.from(input.sturgesRef, (c) => c / input.nRef),
      current: Array.from(input.sturgesCur, (c) => c / input.nCur)
    };
  }
  if (!input.refValues || !input.curValues) return undefined;
  return categoryShares(input.refValues, input.curValues);
}

/** Runs one test on a column; `threshold` defaults per test. */
export function runDriftTest(
  test: DriftTestName,
  input: DriftInput,
  threshold = defaultThreshold(test)
): ColumnDrift {
  const exact = input.kind === 'categorical' || input.exact;
  const base = { test, threshold, exact };
  const empty =
    input.kind === 'categorical'
      ? total(input.ref) === 0 || total(input.cur) === 0
      : input.nRef === 0 || input.nCur === 0;
  if (empty) {
    return {
      ...base,
      statistic: null,
      p_value: null,
      drifted: false,
      note: 'no values to compare in reference or current'
    };
  }
  switch (test) {
    case 'ks': {
      if (input.kind !== 'numeric') return unsupported(base, 'ks applies to numeric columns');
      const r = ksTest(input.maxS, input.minS, input.nRef, input.nCur);
      return { ...base, statistic: r.statistic, p_value: r.p_value, drifted: r.p_value <= threshold };
    }
    case 'wasserstein': {
      if (input.kind !== 'numeric') return unsupported(base, 'wasserstein applies to numeric columns');
      const value = wassersteinNorm(input.wasserstein, input.refStd);
      return { ...base, statistic: value, p_value: null, drifted: value >= threshold };
    }
    case 'chi2':
    case 'z': {
      const counts = input.kind === 'categorical' ? { ref: input.ref, cur: input.cur } : numericCounts(input);
      if (!counts) return unsupported(base, `too many distinct values for ${test}`);
      const r =
        test === 'chi2'
          ? chiSquareTest(counts.ref, counts.cur)
          : zTest(counts.ref, counts.cur, input.kind === 'numeric');
      const p = Number.isNaN(r.p_value) ? null : r.p_value;
      const statistic = Number.isFinite(r.statistic) ? r.statistic : null;
      return { ...base, statistic, p_value: p, drifted: p !== null && p < threshold };
    }
    case 'jensen_shannon':
    case 'psi': {
      const s = shares(input);
      if (!s) return unsupported(base, `too many distinct values for ${test}`);
      const value =
        test === 'psi' ? psi(s.reference, s.current) : jensenShannonDistance(s.reference, s.current);
      return {
        ...base,
        statistic: Number.isFinite(value) ? value : null,
        p_value: null,
        drifted: value >= threshold
      };
    }
  }
}

function numericCounts(input: NumericDriftInput): { ref: Counts; cur: Counts } | undefined {
  if (!input.refValues || !input.curValues) return undefined;
  return { ref: input.refValues, cur: input.curValues };
}

function unsupported(
  base: { test: DriftTestName; threshold: number; exact: boolean },
  note: string
): ColumnDrift {
  return { ...base, statistic: null, p_value: null, drifted: false, note };
}
