import { defined, undefinedMetric, type MetricResult } from './types.js';

/** What a ranking pass needs: the rows by descending score, the scores and which rows are positive. */
export interface RankingInput {
  order: Uint32Array;
  scores: Float64Array;
  positive: Uint8Array;
}

/** Per group sufficient statistics of one pass: the ROC area (×2) and the AP sum. */
export interface RankingTotals {
  positives: Float64Array;
  negatives: Float64Array;
  /** Twice the area under the un-normalised ROC curve (an exact integer for unit weights). */
  doubleArea: Float64Array;
  averagePrecision: Float64Array;
}

/**
 * One pass over the rows in descending score order accumulating, for every group at once, the
 * trapezoids of the ROC curve and the steps of the precision-recall curve at each distinct score
 * (ties form one threshold, as in sklearn's _binary_clf_curve). `positivesPerGroup` must hold
 * the weighted count of positives of each group (recall needs it as the pass goes).
 */
export function rankingPass(
  input: RankingInput,
  positivesPerGroup: Float64Array,
  groupOf: Int32Array | null,
  weights: Uint8Array | Uint16Array | null
): RankingTotals {
  const groups = positivesPerGroup.length;
  const tp = new Float64Array(groups);
  const fp = new Float64Array(groups);
  const area = new Float64Array(groups);
  const ap = new Float64Array(groups);
  const { order, scores, positive } = input;
  if (groupOf === null && weights === null) {
    // The common unweighted whole-data case, with the state in locals.
    const p = positivesPerGroup[0];
    let t = 0;
    let f = 0;
    let t0 = 0;
    let f0 = 0;
    let a = 0;
    let s = 0;
    const n = order.length;
    for (let k = 0; k < n; k++) {
      const row = order[k];
      if (positive[row] === 1) t++;
      else f++;
      if (k === n - 1 || scores[row] !== scores[order[k + 1]]) {
        a += (f - f0) * (t + t0);
        if (p > 0 && t !== t0) s += (t / p - t0 / p) * (t / (t + f));
        t0 = t;
        f0 = f;
      }
    }
    tp[0] = t;
    fp[0] = f;
    area[0] = a;
    ap[0] = s;
    return { positives: tp, negatives: fp, doubleArea: area, averagePrecision: ap };
  }
  const tp0 = new Float64Array(groups);
  const fp0 = new Float64Array(groups);
  const last = new Float64Array(groups).fill(NaN);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const g = groupOf === null ? 0 : groupOf[row];
    if (g < 0) continue;
    const w = weights === null ? 1 : weights[row];
    if (w === 0) continue;
    const score = scores[row];
    if (score !== last[g]) {
      if (last[g] === last[g]) {
        area[g] += (fp[g] - fp0[g]) * (tp[g] + tp0[g]);
        const p = positivesPerGroup[g];
        if (p > 0 && tp[g] !== tp0[g]) ap[g] += (tp[g] / p - tp0[g] / p) * (tp[g] / (tp[g] + fp[g]));
        tp0[g] = tp[g];
        fp0[g] = fp[g];
      }
      last[g] = score;
    }
    if (positive[row] === 1) tp[g] += w;
    else fp[g] += w;
  }
  for (let g = 0; g < groups; g++) {
    if (last[g] === last[g]) {
      area[g] += (fp[g] - fp0[g]) * (tp[g] + tp0[g]);
      const p = positivesPerGroup[g];
      if (p > 0 && tp[g] !== tp0[g]) ap[g] += (tp[g] / p - tp0[g] / p) * (tp[g] / (tp[g] + fp[g]));
    }
  }
  return { positives: tp, negatives: fp, doubleArea: area, averagePrecision: ap };
}

/** sklearn.metrics.roc_auc_score (binary) of group g; undefined when only one class is present. */
export function rocAucScore(totals: RankingTotals, g = 0): MetricResult {
  const p = totals.positives[g];
  const n = totals.negatives[g];
  if (p === 0 || n === 0)
    return undefinedMetric(
      `only one class present in the labels (${p === 0 ? 'no positives' : 'no negatives'})`
    );
  return defined(totals.doubleArea[g] / (2 * p * n));
}

/** sklearn.metrics.average_precision_score (binary); undefined without positive labels. */
export function averagePrecisionScore(totals: RankingTotals, g = 0): MetricResult {
  if (totals.positives[g] === 0) return undefinedMetric('no positive label in the data');
  return defined(totals.averagePrecision[g]);
}
