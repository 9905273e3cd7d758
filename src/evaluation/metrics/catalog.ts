import {
  accuracyScore,
  balancedAccuracyScore,
  f1Averaged,
  f1Score,
  precisionAveraged,
  precisionScore,
  recallAveraged,
  recallScore,
  type ConfusionCounts
} from './classification.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
  type RegressionSums
} from './regression.js';
import type { MetricResult, MetricTask, MetricValues } from './result.js';

/**
 * Where a metric's value comes from. `confusion` and `regression` metrics are computed from the
 * scorer's per-group sums by the function given here; `ranking` (sorted scores) and
 * `probabilistic` (per-row terms) ones by dedicated passes of the scorer; `model` ones are facts of
 * the model and its inference (calibration, latency, size), filled in by the model report.
 */
export type MetricSource =
  | { from: 'confusion'; fn: (cm: ConfusionCounts, classes: number) => MetricResult }
  | { from: 'regression'; fn: (sums: RegressionSums) => MetricResult }
  | { from: 'ranking' }
  | { from: 'probabilistic' }
  | { from: 'model' };

/** Everything mlci knows about one metric; one entry per metric, in the order reports show them. */
export interface MetricSpec {
  /** scikit-learn's name where there is one. */
  name: string;
  tasks: readonly MetricTask[];
  direction: 'higher' | 'lower';
  /** Whether the paired bootstrap can resample it (row-level metrics; not latency, size or ECE). */
  bootstrappable: boolean;
  /** Shown first in summaries and the history chart when nothing is gated. */
  primary?: true;
  /** Its mathematical range: a value outside is a bug, never written. */
  range: readonly [number, number];
  source: MetricSource;
  /** How a change of a non-resampled metric is judged: `exact` (any difference is real), `timed` (beyond the spread of timed passes). */
  measured?: 'exact' | 'timed';
}

const CLASSIFIERS: readonly MetricTask[] = ['binary', 'multiclass'];
const ALL: readonly MetricTask[] = ['binary', 'multiclass', 'regression'];
const UNIT: readonly [number, number] = [0, 1];
const NON_NEGATIVE: readonly [number, number] = [0, Infinity];

const confusion = (fn: (cm: ConfusionCounts, classes: number) => MetricResult): MetricSource => ({
  from: 'confusion',
  fn
});
const regression = (fn: (sums: RegressionSums) => MetricResult): MetricSource => ({ from: 'regression', fn });

/** The metric catalog: adding a metric is one entry here (plus its function). */
// prettier-ignore
export const METRIC_CATALOG: readonly MetricSpec[] = [
  { name: 'accuracy', tasks: CLASSIFIERS, direction: 'higher', bootstrappable: true, primary: true, range: UNIT, source: confusion(accuracyScore) },
  { name: 'balanced_accuracy', tasks: CLASSIFIERS, direction: 'higher', bootstrappable: true, range: UNIT, source: confusion(balancedAccuracyScore) },
  { name: 'precision', tasks: ['binary'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion(precisionScore) },
  { name: 'recall', tasks: ['binary'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion(recallScore) },
  { name: 'f1', tasks: ['binary'], direction: 'higher', bootstrappable: true, primary: true, range: UNIT, source: confusion(f1Score) },
  { name: 'precision_macro', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion((cm, c) => precisionAveraged(cm, c, 'macro')) },
  { name: 'recall_macro', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion((cm, c) => recallAveraged(cm, c, 'macro')) },
  { name: 'f1_macro', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, primary: true, range: UNIT, source: confusion((cm, c) => f1Averaged(cm, c, 'macro')) },
  { name: 'precision_weighted', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion((cm, c) => precisionAveraged(cm, c, 'weighted')) },
  { name: 'recall_weighted', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion((cm, c) => recallAveraged(cm, c, 'weighted')) },
  { name: 'f1_weighted', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: confusion((cm, c) => f1Averaged(cm, c, 'weighted')) },
  { name: 'roc_auc', tasks: ['binary'], direction: 'higher', bootstrappable: true, primary: true, range: UNIT, source: { from: 'ranking' } },
  { name: 'average_precision', tasks: ['binary'], direction: 'higher', bootstrappable: true, range: UNIT, source: { from: 'ranking' } },
  { name: 'roc_auc_ovr', tasks: ['multiclass'], direction: 'higher', bootstrappable: true, range: UNIT, source: { from: 'ranking' } },
  { name: 'log_loss', tasks: CLASSIFIERS, direction: 'lower', bootstrappable: true, primary: true, range: NON_NEGATIVE, source: { from: 'probabilistic' } },
  { name: 'brier_score', tasks: ['binary'], direction: 'lower', bootstrappable: true, range: UNIT, source: { from: 'probabilistic' } },
  { name: 'rmse', tasks: ['regression'], direction: 'lower', bootstrappable: true, primary: true, range: NON_NEGATIVE, source: regression(rootMeanSquaredError) },
  { name: 'mae', tasks: ['regression'], direction: 'lower', bootstrappable: true, primary: true, range: NON_NEGATIVE, source: regression(meanAbsoluteError) },
  { name: 'r2', tasks: ['regression'], direction: 'higher', bootstrappable: true, primary: true, range: [-Infinity, 1], source: regression(r2Score) },
  { name: 'mape', tasks: ['regression'], direction: 'lower', bootstrappable: true, range: NON_NEGATIVE, source: regression(meanAbsolutePercentageError) },
  { name: 'expected_calibration_error', tasks: CLASSIFIERS, direction: 'lower', bootstrappable: true, range: UNIT, source: { from: 'model' } },
  { name: 'latency_ms_per_1000_rows', tasks: ALL, direction: 'lower', bootstrappable: false, measured: 'timed', range: NON_NEGATIVE, source: { from: 'model' } },
  { name: 'model_size_bytes', tasks: ALL, direction: 'lower', bootstrappable: false, measured: 'exact', range: NON_NEGATIVE, source: { from: 'model' } },
  // Not a metric of evaluation.json's `metrics`, but compared by reports with the same rule.
  { name: 'load_ms', tasks: [], direction: 'lower', bootstrappable: false, measured: 'timed', range: NON_NEGATIVE, source: { from: 'model' } }
];

const BY_NAME = new Map(METRIC_CATALOG.map((m) => [m.name, m]));

/** The catalog entry of a metric, or undefined for a name mlci does not compute. */
export function metricSpec(name: string): MetricSpec | undefined {
  return BY_NAME.get(name);
}

function namesFor(task: MetricTask, keep: (m: MetricSpec) => boolean): readonly string[] {
  return METRIC_CATALOG.filter((m) => m.tasks.includes(task) && keep(m)).map((m) => m.name);
}

const byTask = (keep: (m: MetricSpec) => boolean): Record<MetricTask, readonly string[]> => ({
  binary: namesFor('binary', keep),
  multiclass: namesFor('multiclass', keep),
  regression: namesFor('regression', keep)
});

/** Metrics the scorer computes from predictions, by task, in report order (scikit-learn names). */
export const METRICS_BY_TASK: Record<MetricTask, readonly string[]> = byTask(
  (m) => m.source.from !== 'model'
);

/** Metrics of the model itself (calibration, latency, size), by task, in report order. */
export const MODEL_METRICS_BY_TASK: Record<MetricTask, readonly string[]> = byTask(
  (m) => m.source.from === 'model'
);

/** Headline metrics by task. */
export const PRIMARY_METRICS: Record<MetricTask, readonly string[]> = byTask((m) => m.primary === true);

/** How many metrics a slice table shows per column. */
const SLICE_TABLE_WIDTH = 4;

/**
 * The metrics of one slice column's table, and so the ones its cells get bootstrap intervals for:
 * the column's gated metrics in gate order, else the task's primary metrics, at most four.
 */
export function sliceTableMetrics(task: MetricTask, gated: readonly string[]): string[] {
  const unique = [...new Set(gated)];
  return (unique.length > 0 ? unique : [...PRIMARY_METRICS[task]]).slice(0, SLICE_TABLE_WIDTH);
}

/** Whether a larger value of the metric is an improvement (true for a name not in the catalog). */
export function higherIsBetter(metric: string): boolean {
  return BY_NAME.get(metric)?.direction !== 'lower';
}

/** The metric's direction, or null for a name not in the catalog (a change can then be neither better nor worse). */
export function metricDirection(metric: string): 'higher' | 'lower' | null {
  return BY_NAME.get(metric)?.direction ?? null;
}

/** How a change of the metric is judged when it is not resampled (see MetricSpec.measured). */
export function measuredBy(metric: string): 'exact' | 'timed' | undefined {
  return BY_NAME.get(metric)?.measured;
}

/** Whether the paired bootstrap can resample the metric. */
export function isBootstrappable(metric: string): boolean {
  return BY_NAME.get(metric)?.bootstrappable ?? false;
}

/** A metric value outside its mathematical range: a defect in mlci, never a property of the data. */
export class MetricRangeError extends Error {}

/** Throws when a catalogued metric is non-finite or outside its range, so no such number is written. */
export function assertMetricRanges(values: MetricValues, where: string): void {
  for (const [name, value] of Object.entries(values)) {
    const spec = BY_NAME.get(name);
    if (!spec || value === null) continue;
    const [low, high] = spec.range;
    if (!Number.isFinite(value) || value < low || value > high) {
      throw new MetricRangeError(
        `${where}: ${name} = ${value} is outside its range [${low}, ${high}]; refusing to write it`
      );
    }
  }
}
