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

/**
 * Finite labels and predictions can still overflow float64 in a sum (|y − ŷ|² past 1.8e308).
 * scikit-learn then returns inf (or nan, or an R² made from inf); the reference rule
 * (make_reference.py) reads a non-finite result as undefined, so such a metric is null with the
 * cause rather than a number made from an overflow.
 */
function overflowed(sum: number, what: string): MetricResult | null {
  return Number.isFinite(sum)
    ? null
    : undefinedMetric(`the sum of ${what} overflows float64 (scikit-learn gives inf or nan)`);
}

/** Root of sklearn.metrics.mean_squared_error. */
export function rootMeanSquaredError(s: RegressionSums): MetricResult {
  if (s.rows <= 0) return undefinedMetric('no rows');
  return overflowed(s.squaredError, 'squared errors') ?? defined(Math.sqrt(s.squaredError / s.rows));
}

/** sklearn.metrics.mean_absolute_error. */
export function meanAbsoluteError(s: RegressionSums): MetricResult {
  if (s.rows <= 0) return undefinedMetric('no rows');
  return overflowed(s.absoluteError, 'absolute errors') ?? defined(s.absoluteError / s.rows);
}

/** sklearn.metrics.mean_absolute_percentage_error (a fraction, not a percentage). */
export function meanAbsolutePercentageError(s: RegressionSums): MetricResult {
  if (s.rows <= 0) return undefinedMetric('no rows');
  return (
    overflowed(s.absolutePercentageError, 'relative errors') ?? defined(s.absolutePercentageError / s.rows)
  );
}

/**
 * sklearn.metrics.r2_score. With a constant target R² is undefined (sklearn's force_finite=False
 * gives NaN or −inf; the default's 0.0/1.0 is a convention, not a measurement), so it is null here.
 */
export function r2Score(s: RegressionSums): MetricResult {
  if (s.rows < 2) return undefinedMetric('R² needs at least two rows');
  if (s.totalSquares === 0) return undefinedMetric('the label is constant, so R² is undefined');
  return (
    overflowed(s.squaredError, 'squared errors') ??
    overflowed(s.totalSquares, "the label's squared deviations from its mean") ??
    defined(1 - s.squaredError / s.totalSquares)
  );
}
