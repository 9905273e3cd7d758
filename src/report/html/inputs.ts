/**
 * Reads evaluation.json and validation.json into the narrow view the report draws. The readers
 * accept the shapes DESIGN.md fixes and tolerate everything optional being absent (no baseline,
 * no curves, no slices, no reference distributions): a missing part becomes an empty section,
 * never an error. Nothing here trusts strings: they are escaped where they are written out.
 */

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function numbers(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((v) => (typeof v === 'number' ? v : NaN));
}

/** The first present key of a record. */
function pick(record: Json | undefined | null, ...keys: string[]): unknown {
  if (!record) return undefined;
  for (const key of keys) if (record[key] !== undefined) return record[key];
  return undefined;
}

/** A curve as two parallel arrays, x and y. */
export interface XYCurve {
  x: number[];
  y: number[];
}

/** One reliability bin of a calibration plot. */
export interface CalibrationBin {
  meanPredicted: number;
  fractionPositive: number;
  rows: number;
}

/** One model's scores and plots. */
export interface ModelView {
  role: 'candidate' | 'baseline';
  name: string | null;
  metrics: Record<string, number | null>;
  /** Reasons for metrics that are null. */
  reasons: Record<string, string>;
  /** x = false positive rate, y = true positive rate. */
  roc: XYCurve | null;
  /** x = recall, y = precision. */
  pr: XYCurve | null;
  calibration: { ece: number | null; of: string | null; bins: CalibrationBin[] } | null;
  confusion: { labels: string[]; counts: number[][] } | null;
}

/** One line of the metric table. */
export interface MetricRow {
  metric: string;
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
  relative: number | null;
  interval: { low: number; high: number; confidence: number | null; withinNoise: boolean | null } | null;
}

/** One gate's outcome; passed is null when the gate was skipped. */
export interface GateRow {
  metric: string;
  rule: string;
  threshold: number | null;
  value: number | null;
  passed: boolean | null;
  message: string | null;
}

/** Metrics of one slice (rows where `column` equals `value`). */
export interface SliceRow {
  column: string;
  value: string;
  rows: number | null;
  /** Why the slice has no metrics (too few rows), when evaluate skipped it. */
  skipped: string | null;
  candidate: Record<string, number | null>;
  baseline: Record<string, number | null> | null;
}

/** What the report shows of evaluation.json. */
export interface EvaluationView {
  task: string | null;
  modelName: string | null;
  rows: number | null;
  verdict: string | null;
  rubberStamp: boolean;
  /** The one-line verdict summary, e.g. "fail: 1 of 4 gates failed (roc_auc)". */
  summary: string | null;
  candidate: ModelView;
  baseline: ModelView | null;
  metrics: MetricRow[];
  gates: GateRow[];
  slices: SliceRow[];
  /** Gated metrics of the last registered versions, then the candidate (oldest first). */
  history: { label: string; metrics: Record<string, number | null> }[];
}

/**
 * A column's distribution: histogram bins for numbers, counts per value for categories. Every row
 * is in exactly one place: a bin (or category, or "other"), below or above the bins (values outside
 * the reference's range, and ±Inf), or missing (null and NaN), so the parts add up to `rows`.
 */
export type Distribution =
  | {
      kind: 'numeric';
      rows: number;
      bins: { lower: number; upper: number; count: number }[];
      below: number;
      above: number;
      missing: number;
    }
  | {
      kind: 'categorical';
      rows: number;
      categories: { value: string; count: number }[];
      other: number;
      missing: number;
    };

type NumericBins = { lower: number; upper: number; count: number }[];

function numericDistribution(bins: NumericBins): Distribution {
  return {
    kind: 'numeric',
    rows: bins.reduce((a, b) => a + b.count, 0),
    bins,
    below: 0,
    above: 0,
    missing: 0
  };
}

function categoricalDistribution(
  categories: { value: string; count: number }[],
  other: number
): Distribution {
  const rows = categories.reduce((a, c) => a + c.count, 0) + other;
  return { kind: 'categorical', rows, categories, other, missing: 0 };
}

/** A column's drift test. */
export interface DriftView {
  test: string;
  statistic: number | null;
  pValue: number | null;
  threshold: number | null;
  drifted: boolean;
}

/** One column of validation.json. */
export interface ColumnView {
  name: string;
  type: string | null;
  summary: { label: string; value: string }[];
  drift: DriftView | null;
  reference: Distribution | null;
  current: Distribution | null;
}

/** One anomaly. */
export interface AnomalyView {
  code: string;
  column: string | null;
  severity: string;
  description: string;
}

/** What the report shows of validation.json. */
export interface ValidationView {
  verdict: string | null;
  rows: number | null;
  referenceRows: number | null;
  columns: ColumnView[];
  anomalies: AnomalyView[];
  datasetDrift: { drifted: boolean; share: number | null } | null;
}

function metricRecord(value: unknown): {
  metrics: Record<string, number | null>;
  reasons: Record<string, string>;
} {
  const metrics: Record<string, number | null> = {};
  const reasons: Record<string, string> = {};
  if (!isRecord(value)) return { metrics, reasons };
  for (const [name, v] of Object.entries(value)) {
    if (isRecord(v)) {
      // { value, reason } as the metric functions return them
      metrics[name] = num(v.value);
      const reason = str(v.reason);
      if (reason) reasons[name] = reason;
    } else metrics[name] = num(v);
  }
  return { metrics, reasons };
}

function xy(value: unknown, xKeys: string[], yKeys: string[]): XYCurve | null {
  if (Array.isArray(value)) {
    // [{ fpr, tpr }, ...]
    const x: number[] = [];
    const y: number[] = [];
    for (const point of value) {
      if (!isRecord(point)) continue;
      const px = num(pick(point, ...xKeys));
      const py = num(pick(point, ...yKeys));
      if (px !== null && py !== null) {
        x.push(px);
        y.push(py);
      }
    }
    return x.length > 1 ? { x, y } : null;
  }
  if (!isRecord(value)) return null;
  const xs = numbers(pick(value, ...xKeys));
  const ys = numbers(pick(value, ...yKeys));
  if (!xs || !ys || xs.length !== ys.length) return null;
  const x: number[] = [];
  const y: number[] = [];
  xs.forEach((v, i) => {
    if (Number.isFinite(v) && Number.isFinite(ys[i])) {
      x.push(v);
      y.push(ys[i]);
    }
  });
  return x.length > 1 ? { x, y } : null;
}

function readCalibration(value: unknown): ModelView['calibration'] {
  const record = isRecord(value) ? value : Array.isArray(value) ? { bins: value } : null;
  if (!record || !Array.isArray(record.bins)) return null;
  const bins: CalibrationBin[] = [];
  for (const bin of record.bins) {
    if (!isRecord(bin)) continue;
    const meanPredicted = num(
      pick(bin, 'mean_predicted', 'mean_predicted_probability', 'prob_pred', 'confidence')
    );
    const fractionPositive = num(
      pick(bin, 'fraction_positive', 'fraction_of_positives', 'prob_true', 'accuracy')
    );
    const rows = num(pick(bin, 'rows', 'count', 'n')) ?? 0;
    if (meanPredicted !== null && fractionPositive !== null && rows > 0)
      bins.push({ meanPredicted, fractionPositive, rows });
  }
  if (bins.length === 0) return null;
  return {
    ece: num(pick(record, 'expected_calibration_error', 'ece')),
    of: str(record.of),
    bins
  };
}

function readConfusion(value: unknown): ModelView['confusion'] {
  if (Array.isArray(value)) value = { counts: value };
  if (!isRecord(value)) return null;
  const counts = pick(value, 'counts', 'matrix', 'values');
  if (!Array.isArray(counts) || counts.length === 0) return null;
  const matrix = counts.map((row) => (Array.isArray(row) ? row.map((v) => num(v) ?? 0) : []));
  if (matrix.some((row) => row.length !== matrix.length)) return null;
  const labels = Array.isArray(value.labels)
    ? value.labels.map((l) => str(l) ?? '')
    : matrix.map((_, i) => String(i));
  if (labels.length !== matrix.length) return null;
  return { labels, counts: matrix };
}

function readModel(value: unknown, role: ModelView['role'], top: Json): ModelView {
  const model = isRecord(value) ? value : {};
  const { metrics, reasons } = metricRecord(model.metrics);
  const given = pick(model, 'undefined_reasons', 'reasons');
  if (isRecord(given)) for (const [k, v] of Object.entries(given)) if (str(v)) reasons[k] = str(v) as string;
  const curves = isRecord(model.curves) ? model.curves : model;
  // Curves and plots may sit in the model's record or in top-level maps keyed by role.
  const byRole = (key: string): unknown => {
    const top_ = top[key];
    return isRecord(top_) ? top_[role] : undefined;
  };
  const roc = pick(curves, 'roc', 'roc_curve') ?? (isRecord(top.curves) ? pick(top.curves, role) : undefined);
  const pr = pick(curves, 'pr', 'precision_recall', 'precision_recall_curve');
  const rocCurves = isRecord(roc) && isRecord(roc.roc) ? roc.roc : roc;
  return {
    role,
    name: str(pick(model, 'name', 'model', 'source', 'path', 'version')),
    metrics,
    reasons,
    roc: xy(rocCurves, ['fpr', 'false_positive_rate', 'x'], ['tpr', 'true_positive_rate', 'y']),
    pr: xy(pr ?? (isRecord(roc) ? roc.pr : undefined), ['recall', 'x'], ['precision', 'y']),
    calibration: readCalibration(pick(model, 'calibration', 'reliability') ?? byRole('calibration')),
    confusion: readConfusion(pick(model, 'confusion_matrix', 'confusion') ?? byRole('confusion_matrix'))
  };
}

function readInterval(value: unknown): MetricRow['interval'] {
  if (Array.isArray(value) && num(value[0]) !== null && num(value[1]) !== null)
    return { low: value[0] as number, high: value[1] as number, confidence: null, withinNoise: null };
  if (!isRecord(value)) return null;
  const low = num(pick(value, 'low', 'lower'));
  const high = num(pick(value, 'high', 'upper'));
  if (low === null || high === null) return null;
  const within = pick(value, 'within_noise', 'includes_zero');
  return {
    low,
    high,
    confidence: num(value.confidence),
    withinNoise: typeof within === 'boolean' ? within : low <= 0 && high >= 0
  };
}

function readDeltas(value: unknown): Map<string, Json> {
  const deltas = new Map<string, Json>();
  if (Array.isArray(value)) {
    for (const d of value) if (isRecord(d) && str(d.metric)) deltas.set(str(d.metric) as string, d);
  } else if (isRecord(value)) {
    for (const [metric, d] of Object.entries(value)) deltas.set(metric, isRecord(d) ? d : { absolute: d });
  }
  return deltas;
}

function readGates(value: unknown): GateRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((g) => {
    const status = str(pick(g, 'status', 'outcome'));
    const passedRaw = pick(g, 'passed', 'pass', 'ok');
    const skipped = g.skipped === true || status === 'skipped';
    const slice = isRecord(g.slice) ? ` [${str(g.slice.column) ?? '?'}=${str(g.slice.value) ?? '?'}]` : '';
    return {
      metric: `${str(g.metric) ?? '(unnamed)'}${slice}`,
      rule: str(pick(g, 'kind', 'rule', 'type', 'gate')) ?? '',
      threshold: num(pick(g, 'threshold', 'limit', 'bound')),
      // The gates record what was compared with the threshold: a value, a drop, a rise or a relative change.
      value: num(pick(g, 'observed', 'value', 'actual', 'candidate')),
      passed: skipped
        ? null
        : typeof passedRaw === 'boolean'
          ? passedRaw
          : status === null
            ? null
            : status === 'pass',
      message: str(pick(g, 'reason', 'message', 'detail'))
    };
  });
}

function metricsOf(value: unknown): Record<string, number | null> {
  if (!isRecord(value)) return {};
  return metricRecord(isRecord(value.metrics) ? value.metrics : value).metrics;
}

function readSlices(value: unknown): SliceRow[] {
  const rows: SliceRow[] = [];
  const push = (column: string, sliceValue: string, entry: Json) => {
    const candidate = metricsOf(entry.candidate ?? entry.metrics);
    const baseline =
      entry.baseline === undefined || entry.baseline === null ? null : metricsOf(entry.baseline);
    rows.push({
      column,
      value: sliceValue,
      rows: num(pick(entry, 'rows', 'count', 'n')),
      skipped: str(entry.skipped),
      candidate,
      baseline
    });
  };
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isRecord(entry)) continue;
      const column = str(pick(entry, 'column', 'slice', 'feature'));
      if (column === null) continue;
      if (Array.isArray(entry.values) || Array.isArray(entry.groups)) {
        // { column, values: [{ value, rows, candidate, baseline }] }
        for (const group of (entry.values ?? entry.groups) as unknown[])
          if (isRecord(group)) push(column, str(group.value) ?? 'null', group);
      } else push(column, str(entry.value) ?? 'null', entry);
    }
  } else if (isRecord(value)) {
    // { column: { value: {...} } } or { column: [{ value, ... }] }
    for (const [column, groups] of Object.entries(value)) {
      if (Array.isArray(groups)) {
        for (const group of groups) if (isRecord(group)) push(column, str(group.value) ?? 'null', group);
      } else if (isRecord(groups)) {
        for (const [v, group] of Object.entries(groups)) if (isRecord(group)) push(column, v, group);
      }
    }
  }
  return rows;
}

/** Reads evaluation.json (already parsed). Unknown or missing parts are left empty. */
export function readEvaluation(json: unknown): EvaluationView {
  const top = isRecord(json) ? json : {};
  const candidate = readModel(top.candidate, 'candidate', top);
  const baseline = isRecord(top.baseline) ? readModel(top.baseline, 'baseline', top) : null;
  const deltas = readDeltas(pick(top, 'deltas', 'delta', 'comparison'));
  const names = [...Object.keys(candidate.metrics)];
  for (const name of Object.keys(baseline?.metrics ?? {})) if (!names.includes(name)) names.push(name);
  const metrics: MetricRow[] = names.map((metric) => {
    const d = deltas.get(metric);
    const c = candidate.metrics[metric] ?? null;
    const b = baseline?.metrics[metric] ?? null;
    const given = num(pick(d, 'absolute', 'delta', 'difference', 'change'));
    const delta = given ?? (c !== null && b !== null ? c - b : null);
    const givenRelative = num(pick(d, 'relative', 'relative_change'));
    const relative = givenRelative ?? (delta !== null && b !== null && b !== 0 ? delta / Math.abs(b) : null);
    return {
      metric,
      candidate: c,
      baseline: b,
      delta,
      relative,
      interval: readInterval(pick(d, 'interval', 'ci', 'bootstrap', 'confidence_interval'))
    };
  });
  const model = top.model;
  // verdict is "pass" | "fail", or the gate module's { verdict, rubber_stamp, summary } record.
  const verdict = isRecord(top.verdict) ? top.verdict : { verdict: top.verdict };
  return {
    task: str(pick(top, 'task')) ?? (isRecord(model) ? str(model.task) : null),
    modelName: str(top.model_name) ?? (isRecord(model) ? str(model.name) : str(model)),
    rows: num(pick(top, 'rows')) ?? (isRecord(top.data) ? num(top.data.rows) : null),
    verdict: str(verdict.verdict),
    rubberStamp: top.rubber_stamp === true || verdict.rubber_stamp === true,
    summary: str(top.summary) ?? str(verdict.summary),
    candidate,
    baseline,
    metrics,
    gates: readGates(top.gates),
    slices: readSlices(top.slices ?? (isRecord(top.candidate) ? top.candidate.slices : undefined)),
    history: Array.isArray(top.history)
      ? top.history
          .filter(isRecord)
          .map((h, i) => ({ label: str(h.label) ?? `#${i + 1}`, metrics: metricsOf(h.metrics) }))
      : []
  };
}

function readBins(value: unknown): Distribution | null {
  if (Array.isArray(value)) {
    const bins = value.filter(isRecord).map((b) => ({
      lower: num(pick(b, 'lower', 'start', 'left', 'from', 'low')),
      upper: num(pick(b, 'upper', 'end', 'right', 'to', 'high')),
      count: num(pick(b, 'count', 'rows', 'n', 'frequency')) ?? 0
    }));
    const ok = bins.filter((b) => b.lower !== null && b.upper !== null) as {
      lower: number;
      upper: number;
      count: number;
    }[];
    return ok.length > 0 ? numericDistribution(ok) : null;
  }
  if (!isRecord(value)) return null;
  if (Array.isArray(value.bins)) return readBins(value.bins);
  const edges = numbers(pick(value, 'edges', 'bin_edges', 'breaks'));
  const counts = numbers(pick(value, 'counts', 'frequencies', 'hist'));
  if (!edges || !counts || edges.length !== counts.length + 1 || counts.length === 0) return null;
  const d = numericDistribution(
    counts.map((count, i) => ({
      lower: edges[i],
      upper: edges[i + 1],
      count: Number.isFinite(count) ? count : 0
    }))
  );
  // Values outside the bins (the bins' edges came from the reference) are counted apart.
  const below = num(value.below) ?? 0;
  const above = num(value.above) ?? 0;
  return { ...d, rows: d.rows + below + above, below, above } as Distribution;
}

function readCategories(value: unknown): Distribution | null {
  const categories: { value: string; count: number }[] = [];
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isRecord(entry)) continue;
      const v = str(pick(entry, 'value', 'category', 'label'));
      const c = num(pick(entry, 'count', 'rows', 'frequency', 'n'));
      if (v !== null && c !== null) categories.push({ value: v, count: c });
    }
  } else if (isRecord(value)) {
    if (value.values !== undefined || value.counts !== undefined || value.top !== undefined) {
      const inner = readCategories(pick(value, 'values', 'counts', 'top'));
      if (inner?.kind === 'categorical') {
        const o = num(pick(value, 'other', 'other_count'));
        return o === null ? inner : categoricalDistribution(inner.categories, o);
      }
      return inner;
    }
    for (const [v, c] of Object.entries(value))
      if (num(c) !== null) categories.push({ value: v, count: c as number });
  }
  return categories.length > 0 ? categoricalDistribution(categories, 0) : null;
}

/**
 * Adds a numeric column's rows that no histogram bin holds: −Inf below, +Inf above, null and NaN
 * missing. The rows then add up to the column's count.
 */
function withNonFinite(d: Extract<Distribution, { kind: 'numeric' }>, stats: Json): Distribution {
  const below = d.below + (num(stats.neg_inf) ?? 0);
  const above = d.above + (num(stats.pos_inf) ?? 0);
  const missing =
    (num(pick(stats, 'missing', 'missing_count', 'nulls', 'null_count')) ?? 0) + (num(stats.nan) ?? 0);
  const binned = d.bins.reduce((a, b) => a + b.count, 0);
  const rows = num(pick(stats, 'count', 'rows')) ?? binned + below + above + missing;
  return { ...d, below, above, missing, rows };
}

/** Finds a distribution in a column's statistics or a drift entry, whatever it is called there. */
function readDistribution(value: unknown): Distribution | null {
  if (!isRecord(value)) return readBins(value) ?? readCategories(value);
  const histogram = pick(value, 'histogram', 'bins', 'hist');
  if (histogram !== undefined) {
    const d = readBins(histogram);
    if (d?.kind === 'numeric') return withNonFinite(d, value);
  }
  // `values` (every category's count) before `top` (the most frequent few).
  const listed = pick(value, 'values', 'categories', 'top_values', 'value_counts', 'frequencies', 'top');
  const categories = Array.isArray(listed) && listed.every((v) => typeof v === 'number') ? undefined : listed;
  if (categories !== undefined) {
    const d = readCategories(categories);
    // Top values may be a truncated list: the rows they leave out are shown as "(other)".
    const rows = num(pick(value, 'count', 'rows'));
    const missing = num(pick(value, 'missing', 'missing_count', 'nulls', 'null_count')) ?? 0;
    if (d?.kind === 'categorical' && rows !== null) {
      const listed = d.categories.reduce((a, c) => a + c.count, 0) + d.other;
      const other = d.other + Math.max(0, rows - missing - listed);
      return { ...d, other, missing, rows };
    }
    if (d) return d;
  }
  const nested = pick(value, 'distribution');
  if (nested !== undefined) return readDistribution(nested);
  return readBins(value);
}

function columnEntries(value: unknown): [string, Json][] {
  if (Array.isArray(value))
    return value.filter(isRecord).flatMap((c) => {
      const name = str(pick(c, 'name', 'column'));
      return name === null ? [] : [[name, c] as [string, Json]];
    });
  if (isRecord(value)) return Object.entries(value).filter((e): e is [string, Json] => isRecord(e[1]));
  return [];
}

function formatStat(value: unknown): string | null {
  const n = num(value);
  if (n !== null) return Number.isInteger(n) ? String(n) : n.toPrecision(4);
  return typeof value === 'string' ? value : null;
}

const SUMMARY_KEYS: [string, string[]][] = [
  ['rows', ['count', 'rows']],
  ['missing', ['missing', 'missing_count', 'nulls', 'null_count']],
  ['distinct', ['distinct', 'unique', 'distinct_count', 'cardinality']],
  ['mean', ['mean']],
  ['std', ['std', 'stddev']],
  ['min', ['min']],
  ['median', ['median', 'p50']],
  ['max', ['max']]
];

function summarise(stats: Json | undefined): { label: string; value: string }[] {
  if (!stats) return [];
  const out: { label: string; value: string }[] = [];
  for (const [label, keys] of SUMMARY_KEYS) {
    const v = formatStat(pick(stats, ...keys));
    if (v !== null) out.push({ label, value: v });
  }
  return out;
}

function readDrift(value: unknown): DriftView | null {
  if (!isRecord(value)) return null;
  const drifted = pick(value, 'drifted', 'drift_detected', 'detected');
  const statistic = num(pick(value, 'statistic', 'stat', 'score', 'value'));
  if (typeof drifted !== 'boolean' && statistic === null) return null;
  return {
    test: str(pick(value, 'test', 'stattest', 'method')) ?? 'drift',
    statistic,
    pValue: num(pick(value, 'p_value', 'pvalue')),
    threshold: num(value.threshold),
    drifted: drifted === true
  };
}

/**
 * Shared bins of one drift test, the most faithful overlay: `{ edges, reference, current }` for a
 * numeric column (counts per bin) or `{ categories, reference, current }` for a categorical one.
 */
function readSharedBins(value: unknown): { reference: Distribution; current: Distribution } | null {
  if (!isRecord(value)) return null;
  const ref = numbers(value.reference);
  const cur = numbers(value.current);
  if (!ref || !cur || ref.length !== cur.length || ref.length === 0) return null;
  const edges = numbers(value.edges);
  if (edges && edges.length === ref.length + 1) {
    const bins = (counts: number[]): Distribution =>
      numericDistribution(
        counts.map((count, i) => ({
          lower: edges[i],
          upper: edges[i + 1],
          count: Number.isFinite(count) ? count : 0
        }))
      );
    return { reference: bins(ref), current: bins(cur) };
  }
  if (Array.isArray(value.categories) && value.categories.length === ref.length) {
    const names = value.categories.map((c) => str(c) ?? 'null');
    const cats = (counts: number[]): Distribution =>
      categoricalDistribution(
        names.map((n, i) => ({ value: n, count: Number.isFinite(counts[i]) ? counts[i] : 0 })),
        0
      );
    return { reference: cats(ref), current: cats(cur) };
  }
  return null;
}

/** The per-column drift map: `drift` itself, or `drift.columns` when drift also holds a dataset summary. */
function driftEntries(driftRoot: unknown): [string, Json][] {
  if (!isRecord(driftRoot)) return columnEntries(driftRoot);
  const nested = driftRoot.columns;
  // A data column may itself be called "columns": only a map of column results counts as nesting.
  const isNesting = isRecord(nested) && !('test' in nested) && !('drifted' in nested);
  return columnEntries(isNesting ? nested : driftRoot);
}

/**
 * Reads validation.json (already parsed). `referenceStatistics` is the reference's statistics.json
 * when validation.json itself carries no reference distributions.
 */
export function readValidation(
  json: unknown,
  referenceStatistics?: unknown,
  currentStatistics?: unknown
): ValidationView {
  const top = isRecord(json) ? json : {};
  const stats = new Map(
    columnEntries(top.columns ?? (isRecord(top.statistics) ? top.statistics.columns : undefined))
  );
  const full = new Map(columnEntries(isRecord(currentStatistics) ? currentStatistics.columns : undefined));
  const reference = isRecord(top.reference) ? top.reference : null;
  const given = isRecord(referenceStatistics) ? referenceStatistics.columns : undefined;
  const referenceStats = new Map(columnEntries(given ?? reference?.columns));
  const driftRoot = top.drift;
  const driftMap = new Map(driftEntries(driftRoot));
  const names = [...stats.keys()];
  for (const name of driftMap.keys()) if (!names.includes(name)) names.push(name);
  const columns: ColumnView[] = names.map((name) => {
    const s = stats.get(name);
    const d = driftMap.get(name);
    const shared = readSharedBins(pick(d, 'distribution', 'bins'));
    const dRef = pick(d, 'reference', 'reference_distribution', 'ref');
    const dCur = pick(d, 'current', 'current_distribution', 'cur');
    return {
      name,
      type: str(pick(s, 'kind', 'type', 'dtype')) ?? str(pick(d, 'kind', 'type')),
      summary: summarise(s),
      drift: readDrift(d),
      reference:
        shared?.reference ??
        (dRef !== undefined ? readDistribution(dRef) : null) ??
        (referenceStats.has(name) ? readDistribution(referenceStats.get(name)) : null),
      current:
        shared?.current ??
        (dCur !== undefined ? readDistribution(dCur) : null) ??
        (full.has(name) ? readDistribution(full.get(name)) : null) ??
        (s ? readDistribution(s) : null)
    };
  });
  const anomalies: AnomalyView[] = Array.isArray(top.anomalies)
    ? top.anomalies.filter(isRecord).map((a) => ({
        code: str(pick(a, 'code', 'type')) ?? 'ANOMALY',
        column: str(a.column),
        severity: str(a.severity) ?? 'error',
        description: str(pick(a, 'message', 'description', 'detail')) ?? ''
      }))
    : [];
  const dataset =
    top.dataset_drift ?? (isRecord(driftRoot) ? pick(driftRoot, 'dataset', 'dataset_drift') : undefined);
  let datasetDrift: ValidationView['datasetDrift'] = null;
  if (isRecord(dataset))
    datasetDrift = {
      drifted: pick(dataset, 'drifted_dataset', 'detected', 'drifted') === true,
      share: num(pick(dataset, 'share', 'drifted_share', 'share_of_drifted_columns'))
    };
  return {
    verdict: str(top.verdict),
    rows: num(pick(top, 'rows', 'row_count')) ?? (isRecord(top.data) ? num(top.data.rows) : null),
    referenceRows:
      num(pick(reference, 'rows', 'row_count')) ??
      (isRecord(referenceStatistics) ? num(referenceStatistics.rows) : null),
    columns,
    anomalies,
    datasetDrift
  };
}
