import { defined, undefinedMetric, type MetricResult } from './result.js';

/** Sufficient statistics of regression metrics for one group (weighted sums). */
export interface RegressionSums {
  rows: number;
  squaredError: number;
  absoluteError: number;
  absolutePercentageError: number;
  /** Σ w·(y − ȳ)², from a second pass around the group mean (as sklearn, no cancellation). */
  totalSquares: number;
}

/** The floor on |y| in sklearn's mean_absolute_percentage_error. */
export const MAPE_EPS = 2 ** -52;

/** Root of sklearn.metrics.mean_squared_error. */
export function rootMeanSquaredError(s: RegressionSums): MetricResult {
  return s.rows > 0 ? defined(Math.sqrt(s.squaredError / s.rows)) : undefinedMetric('no rows');
}

/** sklearn.metrics.mean_absolute_error. */
export function meanAbsoluteError(s: RegressionSums): MetricResult {
  return s.rows > 0 ? defined(s.absoluteError / s.rows) : undefinedMetric('no rows');
}

/** sklearn.metrics.mean_absolute_percentage_error (a fraction, not a percentage). */
export function meanAbsolutePercentageError(s: RegressionSums): MetricResult {
  return s.rows > 0 ? defined(s.absolutePercentageError / s.rows) : undefinedMetric('no rows');
}

/**
 * sklearn.metrics.r2_score. With a constant target R² is undefined (sklearn's force_finite=False
 * gives NaN or −inf; the default's 0.0/1.0 is a convention, not a measurement), so it is null here.
 */
export function r2Score(s: RegressionSums): MetricResult {
  if (s.rows < 2) return undefinedMetric('R² needs at least two rows');
  if (s.totalSquares === 0) return undefinedMetric('the label is constant, so R² is undefined');
  return defined(1 - s.squaredError / s.totalSquares);
}
