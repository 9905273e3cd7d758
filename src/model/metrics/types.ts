/** The learning task, which decides the metrics. */
export type MetricTask = 'binary' | 'multiclass' | 'regression';

/** A metric's value, or null with the reason it is undefined on this data (never a silent 0). */
export interface MetricResult {
  value: number | null;
  reason?: string;
  /** A caveat on a defined value, e.g. classes whose precision was undefined and counted as 0 as scikit-learn does. */
  note?: string;
}

/** Metric values by name, as stored in evaluation.json and in the registry. */
export type MetricValues = Record<string, number | null>;

/** Metrics by task, in the order reports show them (scikit-learn names). */
export const METRICS_BY_TASK: Record<MetricTask, readonly string[]> = {
  binary: [
    'accuracy',
    'balanced_accuracy',
    'precision',
    'recall',
    'f1',
    'roc_auc',
    'average_precision',
    'log_loss',
    'brier_score'
  ],
  multiclass: [
    'accuracy',
    'balanced_accuracy',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc_ovr',
    'log_loss'
  ],
  regression: ['rmse', 'mae', 'r2', 'mape']
};

/** Metrics that are better when lower; every other metric is better when higher. */
const LOWER_IS_BETTER = new Set([
  'log_loss',
  'brier_score',
  'rmse',
  'mae',
  'mape',
  'expected_calibration_error',
  'latency_ms_per_1000_rows',
  'model_size_bytes',
  'load_ms'
]);

/** Whether a larger value of the metric is an improvement. */
export function higherIsBetter(metric: string): boolean {
  return !LOWER_IS_BETTER.has(metric);
}

/** A defined value. */
export function defined(value: number, note?: string): MetricResult {
  return note ? { value, note } : { value };
}

/** An undefined value with the reason. */
export function undefinedMetric(reason: string): MetricResult {
  return { value: null, reason };
}
