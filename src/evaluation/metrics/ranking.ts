import { defined, undefinedMetric, type MetricResult } from './result.js';

/** What a ranking pass needs: the rows by descending score, the scores and which rows are positive. */
export interface RankingInput {
  order: Uint32Array;
  scores: Float64Array;
  positive: Uint8Array;
  /** In sorted order: 1 for a positive row (saves a gather per row when given). */
  sortedPositive?: Uint8Array;
  /** In sorted order: 1 where the next row has a different score. */
  lastOfTie?: Uint8Array;
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
    const { sortedPositive, lastOfTie } = input;
    for (let k = 0; k < n; k++) {
      // Sorted flags, when given, read sequentially instead of gathering by row.
      const isPositive = sortedPositive ? sortedPositive[k] : positive[order[k]];
      if (isPositive === 1) t++;
      else f++;
      if (lastOfTie ? lastOfTie[k] === 1 : k === n - 1 || scores[order[k]] !== scores[order[k + 1]]) {
        a += (f - f0) * (t + t0);
        if (p > 0 && t !== t0) s += (t / p - t0 / p) * (t / (t + f));
        t0 = t;
        f0 = f;
      }
    }
    const one = (v: number) => Float64Array.of(v);
    return { positives: one(t), negatives: one(f), doubleArea: one(a), averagePrecision: one(s) };
  }
  const state = newState(groups);
  if (input.sortedPositive && input.lastOfTie && groupOf !== null && groups < 255)
    return groupedPass(input as Required<RankingInput>, positivesPerGroup, groupOf, weights, state);
  const { tp, fp } = state;
  const last = new Float64Array(groups).fill(NaN);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const g = groupOf === null ? 0 : groupOf[row];
    if (g < 0) continue;
    const w = weights === null ? 1 : weights[row];
    if (w === 0) continue;
    const score = scores[row];
    if (score !== last[g]) {
      if (last[g] === last[g]) closeThreshold(state, g, positivesPerGroup[g]);
      last[g] = score;
    }
    if (positive[row] === 1) tp[g] += w;
    else fp[g] += w;
  }
  for (let g = 0; g < groups; g++) if (last[g] === last[g]) closeThreshold(state, g, positivesPerGroup[g]);
  return totalsOf(state);
}

/**
 * rankingPass over fewer than 255 groups with the sorted flags at hand: the only per-row gathers
 * are the row's group (as one byte: a 1 MB table per million rows stays in cache) and its weight.
 * Two rows of a group share a threshold when no score boundary lies between them, so a running
 * count of boundaries stands in for comparing scores.
 */
function groupedPass(
  input: Required<RankingInput>,
  positivesPerGroup: Float64Array,
  groupOf: Int32Array,
  weights: Uint8Array | Uint16Array | null,
  state: RankingState
): RankingTotals {
  const groups = positivesPerGroup.length;
  const { order, sortedPositive, lastOfTie } = input;
  const { tp, fp } = state;
  const n = order.length;
  const code = new Uint8Array(n); // group + 1, 0 = no group
  for (let i = 0; i < n; i++) code[i] = groupOf[i] + 1;
  const lastTie = new Float64Array(groups).fill(-1);
  let tie = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    const c = code[row];
    const w = weights === null ? 1 : weights[row];
    if (c !== 0 && w !== 0) {
      const g = c - 1;
      if (lastTie[g] !== tie) {
        if (lastTie[g] >= 0) closeThreshold(state, g, positivesPerGroup[g]);
        lastTie[g] = tie;
      }
      if (sortedPositive[k] === 1) tp[g] += w;
      else fp[g] += w;
    }
    tie += lastOfTie[k];
  }
  for (let g = 0; g < groups; g++) if (lastTie[g] >= 0) closeThreshold(state, g, positivesPerGroup[g]);
  return totalsOf(state);
}

/** A pass's running sums per group: weighted positives and negatives so far, at the last threshold, and the totals. */
interface RankingState {
  tp: Float64Array;
  fp: Float64Array;
  tp0: Float64Array;
  fp0: Float64Array;
  area: Float64Array;
  ap: Float64Array;
}

function newState(groups: number): RankingState {
  const make = () => new Float64Array(groups);
  return { tp: make(), fp: make(), tp0: make(), fp0: make(), area: make(), ap: make() };
}

/** Closes group g's threshold: the ROC trapezoid and the precision-recall step since the last one. */
function closeThreshold(s: RankingState, g: number, positives: number): void {
  const { tp, fp, tp0, fp0 } = s;
  s.area[g] += (fp[g] - fp0[g]) * (tp[g] + tp0[g]);
  if (positives > 0 && tp[g] !== tp0[g])
    s.ap[g] += (tp[g] / positives - tp0[g] / positives) * (tp[g] / (tp[g] + fp[g]));
  tp0[g] = tp[g];
  fp0[g] = fp[g];
}

function totalsOf(s: RankingState): RankingTotals {
  return { positives: s.tp, negatives: s.fp, doubleArea: s.area, averagePrecision: s.ap };
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
