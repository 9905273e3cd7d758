import { descendingOrder } from './metrics/sort.js';

/** An ROC curve as sklearn.metrics.roc_curve returns it (drop_intermediate=True). */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /**
   * Decreasing thresholds; the first is max(score) + 1 as scikit-learn 1.2 sets it (newer releases
   * use +inf, which JSON cannot hold), so the curve starts at (0, 0).
   */
  thresholds: number[];
}

/** A precision–recall curve as sklearn.metrics.precision_recall_curve returns it. */
export interface PrecisionRecallCurve {
  /** One more entry than thresholds: the last point is (recall 0, precision 1). */
  precision: number[];
  recall: number[];
  /** Increasing thresholds. */
  thresholds: number[];
}

/** Cumulative counts at each distinct score, as sklearn's _binary_clf_curve (ties form one threshold). */
interface BinaryCounts {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

function binaryCounts(scores: Float64Array, positive: Uint8Array, order: Uint32Array): BinaryCounts {
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    if (positive[row] === 1) tp++;
    else fp++;
    // A threshold closes where the next score differs, or at the end.
    if (k === order.length - 1 || scores[order[k + 1]] !== scores[row]) {
      tps.push(tp);
      fps.push(fp);
      thresholds.push(scores[row]);
    }
  }
  return { fps, tps, thresholds };
}

/**
 * sklearn.metrics.roc_curve for binary labels (1 = positive). `order` is the row order by
 * descending score when the caller already has it. Rates are NaN when a class is absent, as in
 * scikit-learn.
 */
export function rocCurve(scores: Float64Array, positive: Uint8Array, order?: Uint32Array): RocCurve {
  let { fps, tps, thresholds } = binaryCounts(scores, positive, order ?? descendingOrder(scores));
  if (fps.length > 2) {
    // Drop points collinear with their neighbours: the second difference is zero in both counts.
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const dfp = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const dtp = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (dfp !== 0 || dtp !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = keep.map((i) => fps[i]);
    tps = keep.map((i) => tps[i]);
    thresholds = keep.map((i) => thresholds[i]);
  }
  const totalFp = fps.length > 0 ? fps[fps.length - 1] : 0;
  const totalTp = tps.length > 0 ? tps[tps.length - 1] : 0;
  return {
    fpr: [0, ...fps].map((v) => (totalFp > 0 ? v / totalFp : NaN)),
    tpr: [0, ...tps].map((v) => (totalTp > 0 ? v / totalTp : NaN)),
    thresholds: thresholds.length > 0 ? [thresholds[0] + 1, ...thresholds] : []
  };
}

/**
 * sklearn.metrics.precision_recall_curve for binary labels (1 = positive): precision is 0 where
 * nothing is predicted positive, recall is 1 everywhere when there is no positive label.
 */
export function precisionRecallCurve(
  scores: Float64Array,
  positive: Uint8Array,
  order?: Uint32Array
): PrecisionRecallCurve {
  const { fps, tps, thresholds } = binaryCounts(scores, positive, order ?? descendingOrder(scores));
  const totalTp = tps.length > 0 ? tps[tps.length - 1] : 0;
  const precision = tps.map((tp, i) => (tp + fps[i] !== 0 ? tp / (tp + fps[i]) : 0));
  const recall = tps.map((tp) => (totalTp === 0 ? 1 : tp / totalTp));
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: thresholds.reverse()
  };
}

/**
 * Picks at most `max` indices of a curve for a chart: both ends always, the rest spread evenly
 * along the curve's path length so steep stretches keep their detail, plus the start of every
 * segment longer than the spacing so a long straight edge is never cut short.
 */
export function downsampleIndices(xs: readonly number[], ys: readonly number[], max = 200): number[] {
  const n = xs.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const cumulative = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const step = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    cumulative[i] = cumulative[i - 1] + (Number.isFinite(step) ? step : 0);
  }
  const total = cumulative[n - 1];
  // Half the budget for even targets: each may bring the start of its long segment along.
  const targets = Math.max(2, Math.floor(max / 2));
  const spacing = total / (targets - 1);
  const picked = new Set<number>([0, n - 1]);
  let j = 0;
  for (let k = 1; k < targets - 1; k++) {
    if (total > 0) {
      const target = spacing * k;
      while (j < n - 1 && cumulative[j] < target) j++;
      picked.add(j);
      if (j > 0 && cumulative[j] - cumulative[j - 1] > spacing) picked.add(j - 1);
    } else {
      picked.add(Math.round((k * (n - 1)) / (targets - 1)));
    }
  }
  if (total > 0 && cumulative[n - 1] - cumulative[n - 2] > spacing) picked.add(n - 2);
  return [...picked].sort((a, b) => a - b);
}

/** An ROC curve cut to at most `max` points for charts and evaluation.json. */
export function downsampleRoc(curve: RocCurve, max = 200): RocCurve {
  const keep = downsampleIndices(curve.fpr, curve.tpr, max);
  return {
    fpr: keep.map((i) => curve.fpr[i]),
    tpr: keep.map((i) => curve.tpr[i]),
    thresholds: keep.map((i) => curve.thresholds[i])
  };
}

/** A precision–recall curve cut to at most `max` points; the final (recall 0, precision 1) point stays. */
export function downsamplePrecisionRecall(curve: PrecisionRecallCurve, max = 200): PrecisionRecallCurve {
  const keep = downsampleIndices(curve.recall, curve.precision, max);
  return {
    precision: keep.map((i) => curve.precision[i]),
    recall: keep.map((i) => curve.recall[i]),
    // The last point has no threshold (it is the curve's end, not a cut).
    thresholds: keep.filter((i) => i < curve.thresholds.length).map((i) => curve.thresholds[i])
  };
}

/** The curves evaluation.json carries per binary model (`candidate.curves`, `baseline.curves`). */
export interface ChartCurves {
  roc: RocCurve;
  pr: PrecisionRecallCurve;
}

/**
 * ROC and precision–recall curves of a binary model, cut to at most `max` points each so that
 * evaluation.json stays small; `positive` marks rows of the positive class (label 1).
 */
export function chartCurves(
  scores: Float64Array,
  positive: Uint8Array,
  order?: Uint32Array,
  max = 200
): ChartCurves {
  const sorted = order ?? descendingOrder(scores);
  return {
    roc: downsampleRoc(rocCurve(scores, positive, sorted), max),
    pr: downsamplePrecisionRecall(precisionRecallCurve(scores, positive, sorted), max)
  };
}
