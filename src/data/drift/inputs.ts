// What the drift tests read about one column: the counts and ECDF walk gathered while profiling
// (src/data/analyse.ts), and the binned shares Evidently's get_binned_data makes of them.
import { categoryShares } from './binning.js';
import type { Counts } from './chi2.js';

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

/** Total of a count map. */
export function total(counts: Counts): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** True when reference or current has no value to compare. */
export function isEmpty(input: DriftInput): boolean {
  return input.kind === 'categorical'
    ? total(input.ref) === 0 || total(input.cur) === 0
    : input.nRef === 0 || input.nCur === 0;
}

/** Counts per value on both sides, or undefined when a numeric column had too many values to list. */
export function valueCounts(input: DriftInput): { ref: Counts; cur: Counts } | undefined {
  if (input.kind === 'categorical') return { ref: input.ref, cur: input.cur };
  if (!input.refValues || !input.curValues) return undefined;
  return { ref: input.refValues, cur: input.curValues };
}

/** Shares per bin as Evidently's get_binned_data: per shared Sturges bin for numbers with more than 20 reference values, else per value. */
export function binnedShares(input: DriftInput): { reference: number[]; current: number[] } | undefined {
  if (input.kind === 'numeric' && input.refDistinct > 20) {
    return {
      reference: Array.from(input.sturgesRef, (c) => c / input.nRef),
      current: Array.from(input.sturgesCur, (c) => c / input.nCur)
    };
  }
  const counts = valueCounts(input);
  return counts ? categoryShares(counts.ref, counts.cur) : undefined;
}
