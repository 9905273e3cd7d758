// The statistics.json format: per-column statistics of one dataset, complete enough to serve as a
// drift reference without re-reading the data, and mergeable across shards (see docs/sharded-validation.md).
import type { HllSketch } from './sketch/hll.js';

/** How mlci treats a column. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime';

/** The distribution of a numeric column: exact (every distinct finite value) or equi-depth points. */
export interface NumericDistribution {
  /** `exact`: every distinct finite value with its count; `quantiles`: K points of equal weight. */
  kind: 'exact' | 'quantiles';
  values: number[];
  /** Count of each value (for `quantiles`, the weight each point stands for). */
  counts: number[];
  /** For `quantiles`: the largest error of the stored CDF, as a fraction of the rows (1/K). */
  rank_error?: number;
}

/** A histogram over fixed bins: counts[i] holds edges[i] <= x < edges[i+1] (the last bin closed). */
export interface Histogram {
  edges: number[];
  counts: number[];
  /** Values below the first edge or above the last (edges taken from a reference). */
  below?: number;
  above?: number;
}

/** Statistics of one column. Numbers describe finite values only; NaN and ±Inf are counted apart. */
export interface ColumnStatistics {
  kind: ColumnKind;
  /** The engine's type (DOUBLE, BIGINT, VARCHAR, …). */
  type: string;
  count: number;
  missing: number;
  present: number;
  /** Numeric columns: NaN, +Inf, −Inf and zero counts, and moments of the finite values. */
  nan?: number;
  pos_inf?: number;
  neg_inf?: number;
  zeros?: number;
  finite?: number;
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  /** Sample standard deviation (ddof = 1, as pandas describe). */
  std?: number | null;
  /** Sum of squared deviations from the mean (for exact merges). */
  m2?: number;
  sum?: number;
  quantiles?: Record<string, number | null>;
  histogram?: Histogram;
  distinct: number;
  /** False when `distinct` comes from a sketch (HyperLogLog, ~1.6 % standard error). */
  distinct_exact: boolean;
  top: { value: string | number; count: number }[];
  /** Categorical/boolean columns: count of every value (absent above 10,000 distinct values). */
  values?: Record<string, number>;
  /** Numeric columns: the distribution drift tests use against a stored reference. */
  distribution?: NumericDistribution;
  /** Mergeable distinct-count sketch (numeric columns, and categorical ones above the value cap). */
  hll?: HllSketch;
  /** Categorical columns: string length range and a pattern shared by all values, when one fits. */
  length?: { min: number; max: number };
}

/** Contents of statistics.json. */
export interface DatasetStatistics {
  format: 'mlci-statistics';
  version: 1;
  source: { path: string; files: number; format: string };
  rows: number;
  duplicate_rows: number;
  /** Row hashes are compared, so `duplicate_rows` is exact unless two rows' 64-bit hashes collide. */
  columns: Record<string, ColumnStatistics>;
  label?: { column: string; distribution: Record<string, number> };
  /** True when produced by `mlci stats merge`; lists the merged parts. */
  merged_from?: number;
}

/** Quantile levels reported for numeric columns. */
export const QUANTILES: [string, number][] = [
  ['p1', 0.01],
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
  ['p99', 0.99]
];

/** Above this many distinct values a column's values are summarised rather than listed. */
export const VALUE_CAP = 10000;

/** Number of equal-weight points kept for a numeric column with more distinct values than VALUE_CAP. */
export const SUMMARY_POINTS = 2000;

/** Number of equal-width bins of the numeric histograms. */
export const HISTOGRAM_BINS = 20;

/** True when a JSON value looks like mlci statistics (used to tell a stored reference from data). */
export function isStatistics(value: unknown): value is DatasetStatistics {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'mlci-statistics' &&
    typeof (value as { columns?: unknown }).columns === 'object'
  );
}
