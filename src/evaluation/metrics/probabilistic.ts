import { defined, undefinedMetric, type MetricResult } from './result.js';

/** The clipping bound sklearn 1.2's log_loss uses for float64 probabilities (eps="auto"). */
export const LOG_LOSS_EPS = 2 ** -52;

/**
 * Per-row log loss as sklearn.metrics.log_loss computes it: probabilities clipped to
 * [eps, 1 − eps], each row renormalised to sum 1, then −log of the true class's share.
 */
export function logLossTerms(y: Int32Array, proba: Float64Array, classes: number): Float64Array {
  const out = new Float64Array(y.length);
  const hi = 1 - LOG_LOSS_EPS;
  for (let i = 0; i < y.length; i++) {
    const base = i * classes;
    let sum = 0;
    let own = 0;
    for (let c = 0; c < classes; c++) {
      let p = proba[base + c];
      p = p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
      sum += p;
      if (c === y[i]) own = p;
    }
    out[i] = -Math.log(own / sum);
  }
  return out;
}

/** Per-row squared error of the positive-class probability (sklearn.metrics.brier_score_loss). */
export function brierTerms(y: Int32Array, proba: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const d = (y[i] === 1 ? 1 : 0) - proba[i * 2 + 1];
    out[i] = d * d;
  }
  return out;
}

/** sklearn.metrics.log_loss from the summed per-row terms (labels = every class of the model). */
export function logLoss(sum: number, rows: number, classes: number): MetricResult {
  if (classes < 2) return undefinedMetric('log loss needs at least two classes');
  return rows > 0 ? defined(sum / rows) : undefinedMetric('no rows');
}

/** sklearn.metrics.brier_score_loss from the summed per-row terms. */
export function brierScoreLoss(sum: number, rows: number): MetricResult {
  return rows > 0 ? defined(sum / rows) : undefinedMetric('no rows');
}
