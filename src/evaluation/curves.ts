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
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

function binaryCounts(scores: Float64Array, positive: Uint8Array, order: Uint32Array): BinaryCounts {
  const n = order.length;
  // Typed arrays sized for the worst case (every score distinct), cut to the thresholds found.
  const fps = new Float64Array(n);
  const tps = new Float64Array(n);
  const thresholds = new Float64Array(n);
  let m = 0;
  let tp = 0;
  let fp = 0;
  let score = n > 0 ? scores[order[0]] : NaN;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    if (positive[row] === 1) tp++;
    else fp++;
    // A threshold closes where the next score differs, or at the end (each score is read once).
    const next = k + 1 < n ? scores[order[k + 1]] : NaN;
    if (next !== score) {
      tps[m] = tp;
      fps[m] = fp;
      thresholds[m++] = score;
    }
    score = next;
  }
  return { fps: fps.subarray(0, m), tps: tps.subarray(0, m), thresholds: thresholds.subarray(0, m) };
}

/** rocCurve's points as typed arrays. */
function rocPoints(counts: BinaryCounts): { fpr: Float64Array; tpr: Float64Array; thresholds: Float64Array } {
  let { fps, tps, thresholds } = counts;
  const m = fps.length;
  if (m > 2) {
    // Drop points collinear with their neighbours: the second difference is zero in both counts.
    const keep = new Int32Array(m);
    let kept = 0;
    keep[kept++] = 0;
    for (let i = 1; i < m - 1; i++) {
      const dfp = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const dtp = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (dfp !== 0 || dtp !== 0) keep[kept++] = i;
    }
    keep[kept++] = m - 1;
    const pick = (from: Float64Array) => {
      const out = new Float64Array(kept);
      for (let j = 0; j < kept; j++) out[j] = from[keep[j]];
      return out;
    };
    fps = pick(fps);
    tps = pick(tps);
    thresholds = pick(thresholds);
  }
  const totalFp = fps.length > 0 ? fps[fps.length - 1] : 0;
  const totalTp = tps.length > 0 ? tps[tps.length - 1] : 0;
  const fpr = new Float64Array(fps.length + 1);
  const tpr = new Float64Array(tps.length + 1);
  for (let i = 0; i <= fps.length; i++) {
    fpr[i] = totalFp > 0 ? (i === 0 ? 0 : fps[i - 1]) / totalFp : NaN;
    tpr[i] = totalTp > 0 ? (i === 0 ? 0 : tps[i - 1]) / totalTp : NaN;
  }
  const th = new Float64Array(thresholds.length > 0 ? thresholds.length + 1 : 0);
  if (thresholds.length > 0) {
    th[0] = thresholds[0] + 1;
    th.set(thresholds, 1);
  }
  return { fpr, tpr, thresholds: th };
}

/** precisionRecallCurve's points as typed arrays. */
function precisionRecallPoints(counts: BinaryCounts): {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
} {
  const { fps, tps, thresholds } = counts;
  const m = tps.length;
  const totalTp = m > 0 ? tps[m - 1] : 0;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  // Reversed: increasing thresholds, then the final (recall 0, precision 1) point.
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    precision[i] = tps[j] + fps[j] !== 0 ? tps[j] / (tps[j] + fps[j]) : 0;
    recall[i] = totalTp === 0 ? 1 : tps[j] / totalTp;
    th[i] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}

/**
 * sklearn.metrics.roc_curve for binary labels (1 = positive). `order` is the row order by
 * descending score when the caller already has it. Rates are NaN when a class is absent, as in
 * scikit-learn.
 */
export function rocCurve(scores: Float64Array, positive: Uint8Array, order?: Uint32Array): RocCurve {
  const c = rocPoints(binaryCounts(scores, positive, order ?? descendingOrder(scores)));
  return { fpr: Array.from(c.fpr), tpr: Array.from(c.tpr), thresholds: Array.from(c.thresholds) };
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
  const c = precisionRecallPoints(binaryCounts(scores, positive, order ?? descendingOrder(scores)));
  return {
    precision: Array.from(c.precision),
    recall: Array.from(c.recall),
    thresholds: Array.from(c.thresholds)
  };
}

/**
 * Picks at most `max` indices of a curve for a chart: both ends always, the rest spread evenly
 * along the curve's path length so steep stretches keep their detail, plus the start of every
 * segment longer than the spacing so a long straight edge is never cut short.
 */
export function downsampleIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, max = 200): number[] {
  const n = xs.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const cumulative = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const dx = xs[i] - xs[i - 1];
    const dy = ys[i] - ys[i - 1];
    const step = Math.sqrt(dx * dx + dy * dy); // rates lie in [0, 1]: no overflow for hypot to guard
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

/** A curve's arrays as plain or typed arrays. */
type Like<T> = { [K in keyof T]: ArrayLike<number> };
type RocCurveLike = Like<RocCurve>;
type PrecisionRecallCurveLike = Like<PrecisionRecallCurve>;

/** An ROC curve cut to at most `max` points for charts and evaluation.json. */
export function downsampleRoc(curve: RocCurveLike, max = 200): RocCurve {
  const keep = downsampleIndices(curve.fpr, curve.tpr, max);
  return {
    fpr: keep.map((i) => curve.fpr[i]),
    tpr: keep.map((i) => curve.tpr[i]),
    thresholds: keep.map((i) => curve.thresholds[i])
  };
}

/** A precision–recall curve cut to at most `max` points; the final (recall 0, precision 1) point stays. */
export function downsamplePrecisionRecall(curve: PrecisionRecallCurveLike, max = 200): PrecisionRecallCurve {
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
  // One counting pass for both curves; only the kept points become JS arrays.
  const counts = binaryCounts(scores, positive, order ?? descendingOrder(scores));
  return {
    roc: downsampleRoc(rocPoints(counts), max),
    pr: downsamplePrecisionRecall(precisionRecallPoints(counts), max)
  };
}
