// How much slower the candidate's slices are than stable's, robust to a shared machine's pauses
// (docs/loadtest.md, max_p99_ratio_vs_stable).

/** The ratio of candidate to stable slice p99s: a point estimate and a one-sided lower bound. */
export interface SliceRatio {
  /** Hodges–Lehmann estimate: the median of c / s over every (candidate slice, stable slice) pair. */
  estimate: number;
  /**
   * One-sided 95 % lower confidence bound of that ratio (Moses' interval from the Mann–Whitney
   * distribution, normal approximation): above 1, the candidate is measurably slower than stable.
   * Null with too few slices for a bound.
   */
  lowerBound: number | null;
}

/** z of the one-sided 95 % bound. */
const Z_95 = 1.6448536269514722;

/** The slice ratio of two versions' per-slice p99s (each non-empty). */
export function sliceRatio(candidate: number[], stable: number[]): SliceRatio {
  const ratios: number[] = [];
  for (const c of candidate) for (const s of stable) ratios.push(c / Math.max(s, 1e-3));
  ratios.sort((a, b) => a - b);
  const n = candidate.length;
  const m = stable.length;
  // The k-th smallest of the n·m pairwise ratios bounds the ratio from below at 95 %, with k the
  // Mann–Whitney statistic's 5 % quantile (+1).
  const k = Math.floor((n * m) / 2 - Z_95 * Math.sqrt((n * m * (n + m + 1)) / 12));
  return { estimate: median(ratios), lowerBound: k >= 1 ? ratios[k - 1] : null };
}

/** The median of a sorted or unsorted list. */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
