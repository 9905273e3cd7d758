// The statistics.json format: per-column statistics of one dataset, complete enough to serve as a
// drift reference without re-reading the data, and mergeable across shards (see docs/sharded-validation.md).
import { InputError } from '../core/errors.js';
import { Hll, type HllSketch } from './sketch/hll.js';

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
  /**
   * False when `distinct` comes from a sketch (HyperLogLog, ~1.6 % standard error), or, with
   * `distinct_bound`, when it is only a bound.
   */
  distinct_exact: boolean;
  /**
   * `lower`: `distinct` is a lower bound (the largest shard's count): merged date/time columns whose
   * shards' ranges overlap, since shards keep no date/time value sets or sketches.
   */
  distinct_bound?: 'lower';
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

type Json = Record<string, unknown>;

/** Reports a field of a statistics file that is not what mlci writes. */
function bad(file: string, field: string, expected: string): never {
  throw new InputError(`${file}: "${field}" must be ${expected}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkCount(file: string, field: string, v: unknown, optional = false): void {
  if (!(optional && v === undefined) && !isCount(v)) bad(file, field, 'a whole number ≥ 0');
}

function checkNumbers(file: string, field: string, v: unknown, weight = false): asserts v is number[] {
  const ok = (x: unknown) => (weight ? isFinite(x) && x >= 0 : isFinite(x));
  if (!Array.isArray(v) || !v.every(ok))
    bad(file, field, `a list of ${weight ? 'weights ≥ 0' : 'finite numbers'}`);
}

function checkCounts(file: string, field: string, v: unknown): void {
  if (!isObject(v) || !Object.values(v).every(isCount)) bad(file, field, 'an object of whole numbers ≥ 0');
}

function checkDistribution(file: string, field: string, d: unknown): void {
  if (!isObject(d) || (d.kind !== 'exact' && d.kind !== 'quantiles'))
    bad(file, field, 'an exact or quantiles distribution');
  checkNumbers(file, `${field}.values`, d.values);
  checkNumbers(file, `${field}.counts`, d.counts, true);
  if (d.counts.length !== d.values.length) bad(file, `${field}.counts`, 'as long as its values');
  const e = d.rank_error;
  if (e !== undefined && !(isFinite(e) && e >= 0 && e <= 1))
    bad(file, `${field}.rank_error`, 'a number in [0, 1]');
}

function checkHistogram(file: string, field: string, h: unknown): void {
  if (!isObject(h)) bad(file, field, 'an object');
  checkNumbers(file, `${field}.edges`, h.edges);
  if (
    !Array.isArray(h.counts) ||
    !h.counts.every(isCount) ||
    h.counts.length !== Math.max(0, h.edges.length - 1)
  )
    bad(file, `${field}.counts`, 'one whole number ≥ 0 per bin');
  checkCount(file, `${field}.below`, h.below, true);
  checkCount(file, `${field}.above`, h.above, true);
}

function checkTop(file: string, field: string, top: unknown): void {
  const ok = (t: unknown) =>
    isObject(t) && (typeof t.value === 'string' || isFinite(t.value)) && isCount(t.count);
  if (!Array.isArray(top) || !top.every(ok)) bad(file, field, 'a list of {value, count}');
}

const KINDS = new Set(['numeric', 'categorical', 'boolean', 'datetime']);
const COUNTS = ['nan', 'pos_inf', 'neg_inf', 'zeros', 'finite'] as const;

/** The numeric moments merges combine: present and finite whenever the column has finite values. */
function checkMoments(file: string, field: string, c: Json): void {
  for (const key of ['mean', 'std', 'm2', 'sum'])
    if (c[key] !== undefined && c[key] !== null && !isFinite(c[key]))
      bad(file, `${field}.${key}`, 'a finite number');
  if (((c.finite as number | undefined) ?? 0) === 0) return;
  for (const key of ['min', 'max', 'mean', 'm2', 'sum'])
    if (!isFinite(c[key])) bad(file, `${field}.${key}`, 'a finite number (the column has finite values)');
}

function checkColumn(file: string, field: string, c: unknown, rows: number): void {
  if (!isObject(c)) bad(file, field, 'an object');
  if (!KINDS.has(c.kind as string)) bad(file, `${field}.kind`, 'numeric, categorical, boolean or datetime');
  if (typeof c.type !== 'string') bad(file, `${field}.type`, 'a string');
  for (const key of ['count', 'missing', 'present', 'distinct']) checkCount(file, `${field}.${key}`, c[key]);
  if (c.count !== rows) bad(file, `${field}.count`, `the file's rows (${rows})`);
  if ((c.missing as number) + (c.present as number) !== rows) bad(file, `${field}.missing`, 'rows − present');
  for (const key of COUNTS) checkCount(file, `${field}.${key}`, c[key], true);
  for (const key of ['min', 'max'])
    if (![undefined, null].includes(c[key] as null) && typeof c[key] !== 'string' && !isFinite(c[key]))
      bad(file, `${field}.${key}`, 'a finite number, a string or null');
  checkMoments(file, field, c);
  if (typeof c.distinct_exact !== 'boolean') bad(file, `${field}.distinct_exact`, 'true or false');
  if (c.distinct_bound !== undefined && c.distinct_bound !== 'lower')
    bad(file, `${field}.distinct_bound`, '"lower"');
  checkTop(file, `${field}.top`, c.top);
  if (c.values !== undefined) checkCounts(file, `${field}.values`, c.values);
  if (c.distribution !== undefined) checkDistribution(file, `${field}.distribution`, c.distribution);
  if (c.histogram !== undefined) checkHistogram(file, `${field}.histogram`, c.histogram);
  if (c.hll !== undefined)
    try {
      Hll.fromJSON(c.hll as HllSketch);
    } catch (error) {
      bad(file, `${field}.hll`, `a HyperLogLog sketch mlci wrote (${(error as Error).message})`);
    }
  const length = c.length;
  if (length !== undefined && !(isObject(length) && isCount(length.min) && isCount(length.max)))
    bad(file, `${field}.length`, '{min, max}');
}

/** Checks that `value`, read from `file`, is statistics.json of this version; errors name file and field. */
export function checkStatistics(value: unknown, file: string): DatasetStatistics {
  if (!isStatistics(value) || !isObject(value))
    throw new InputError(`${file}: not an mlci statistics.json (no "format": "mlci-statistics")`);
  const s = value as unknown as Json;
  if (s.version !== 1)
    bad(file, 'version', `1 (this mlci reads version 1, the file has ${JSON.stringify(s.version)})`);
  const source = s.source;
  if (!isObject(source) || typeof source.path !== 'string' || typeof source.format !== 'string')
    bad(file, 'source', 'an object with a path, files and format');
  checkCount(file, 'source.files', source.files);
  checkCount(file, 'rows', s.rows);
  checkCount(file, 'duplicate_rows', s.duplicate_rows);
  if (!isObject(s.columns)) bad(file, 'columns', 'an object of column statistics');
  for (const [name, c] of Object.entries(s.columns))
    checkColumn(file, `columns.${name}`, c, s.rows as number);
  if (s.label !== undefined) {
    if (!isObject(s.label) || typeof s.label.column !== 'string')
      bad(file, 'label', 'an object with a column');
    checkCounts(file, 'label.distribution', s.label.distribution);
  }
  if (s.merged_from !== undefined && !(isCount(s.merged_from) && s.merged_from > 0))
    bad(file, 'merged_from', 'a whole number ≥ 1');
  return value;
}
