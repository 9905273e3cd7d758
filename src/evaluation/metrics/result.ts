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

/** A defined value. */
export function defined(value: number, note?: string): MetricResult {
  return note ? { value, note } : { value };
}

/** An undefined value with the reason. */
export function undefinedMetric(reason: string): MetricResult {
  return { value: null, reason };
}
