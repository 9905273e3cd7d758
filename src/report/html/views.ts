/**
 * What the report draws, read from evaluation.json and validation.json (see evaluation-input.ts
 * and validation-input.ts). Nothing here trusts strings: they are escaped where they are written out.
 */

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
