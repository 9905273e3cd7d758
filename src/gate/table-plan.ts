import type { Predictions, Scorer } from '../evaluation/metrics/scorer.js';
import { MAPE_EPS } from '../evaluation/metrics/regression.js';
import { negativesFirst, type BootstrapRanking } from './bootstrap.js';
import { calibrationSet } from './table-calibration.js';
import type { RankingSegments, StrataSet, TableJobData, TableMemory } from './table-kernels.js';

/** One slice column's rows grouped by value (−1: no interval for that row's value). */
export interface TableGrouping {
  column: string;
  groupOf: Int32Array;
  values: string[];
  /** The metrics its cells get intervals for (sliceTableMetrics: the ones its table shows). */
  metrics: readonly string[];
}

/** Where a table cell (the whole data, or one slice value) finds its statistics in a resample's record. */
export interface CellPlan {
  /** The metrics this cell gets intervals for. */
  metrics: readonly string[];
  set: number;
  strata: number[];
  /** Per model, per class ranked: [offset of this cell's segment]. */
  ranking: number[][];
}

/** Metrics read from a ranking pass; average precision also needs the precision at each tie end. */
const RANKED = ['roc_auc', 'roc_auc_ovr', 'average_precision'];

/** Above this many counters per resample, strata are kept per slice column instead of per combination. */
const MAX_JOINT_COUNTERS = 1 << 14;

/** A built job and, for the whole data and each slice cell, where its numbers are. */
export interface TablePlan {
  job: TableJobData;
  classes: number;
  /** Joint cells per stratum: true class × candidate's prediction × baseline's prediction (1 for regression). */
  cellsPerStratum: number;
  /** [0] the whole data, then each grouping's values in order. */
  cells: CellPlan[];
  /** Terms per stratum, in the order of termNames. */
  terms: string[];
  /** Classes with a ranking pass (binary: [1]; multiclass: all; regression: none). */
  rankedClasses: number[];
  /** The set resampling expected calibration error on the whole data (table-calibration.ts), if any. */
  calibration: number | null;
}

/** The one metric of the whole data that the calibration set, not the scorer's sums, resamples. */
export const ECE = 'expected_calibration_error';

/** The reference order of the weights: the candidate's ranking (as the gated passes), else row order. */
function referenceOrder(scorer: Scorer): BootstrapRanking | null {
  if (!scorer.ranking) return null;
  return negativesFirst(scorer.ranking(scorer.task === 'binary' ? 1 : 0));
}

/** Per-row terms in reference order, interleaved: out[k × terms + t] = rows[t][order[k]]. */
function interleave(rows: Float64Array[], order: Uint32Array | null, memory: TableMemory): Float64Array {
  // Plain loops throughout the plan: a typed array's from() with a callback is several times slower.
  const T = rows.length;
  const n = rows[0]?.length ?? 0;
  const out = memory.f64(n * T);
  for (let t = 0; t < T; t++) {
    const values = rows[t];
    if (order) for (let k = 0; k < n; k++) out[k * T + t] = values[order[k]];
    else for (let k = 0; k < n; k++) out[k * T + t] = values[k];
  }
  return out;
}

/** Per-row terms summed per stratum, by task (each model's own, so each side's metric can be formed). */
function rowTerms(
  p: [Predictions, Predictions],
  scorers: [Scorer, Scorer]
): { names: string[]; rows: Float64Array[] } {
  const [a, b] = p;
  if (a.task === 'regression' && b.task === 'regression') {
    const n = a.y.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += a.y[i];
    mean /= n || 1;
    const make = (fn: (i: number) => number) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = fn(i);
      return out;
    };
    const err = (q: Float64Array, kind: 'se' | 'ae' | 'ape') =>
      make((i) => {
        const d = a.y[i] - q[i];
        if (kind === 'se') return d * d;
        const ad = Math.abs(d);
        return kind === 'ae' ? ad : ad / Math.max(Math.abs(a.y[i]), MAPE_EPS);
      });
    // Centred on the overall mean: Σw·y² − (Σw·y)²/W then loses no precision to a large mean.
    const centred = make((i) => a.y[i] - mean);
    return {
      names: ['seA', 'seB', 'aeA', 'aeB', 'apeA', 'apeB', 'y', 'y2'],
      rows: [
        err(a.pred, 'se'),
        err(b.pred, 'se'),
        err(a.pred, 'ae'),
        err(b.pred, 'ae'),
        err(a.pred, 'ape'),
        err(b.pred, 'ape'),
        centred,
        centred.map((v) => v * v)
      ]
    };
  }
  if (a.task === 'regression' || b.task === 'regression') throw new Error('mixed tasks');
  // The scorers' own terms (their metrics read the same arrays): computed once, not per use.
  const [ta, tb] = scorers.map((s) => (s.probabilisticTerms as NonNullable<Scorer['probabilisticTerms']>)());
  const names = ['logA', 'logB'];
  const rows = [ta.log, tb.log];
  if (ta.brier && tb.brier) {
    names.push('brierA', 'brierB');
    rows.push(ta.brier, tb.brier);
  }
  return { names, rows };
}

/** Joint cell of each row: y × C² + candidate's prediction × C + baseline's (0 for regression). */
function jointCells(p: [Predictions, Predictions]): {
  cell: Int32Array;
  perStratum: number;
  classes: number;
} {
  const [a, b] = p;
  if (a.task === 'regression' || b.task === 'regression')
    return { cell: new Int32Array(a.y.length), perStratum: 1, classes: 1 };
  const C = a.labels.length;
  const cell = new Int32Array(a.y.length);
  for (let i = 0; i < cell.length; i++) cell[i] = a.y[i] * C * C + a.pred[i] * C + b.pred[i];
  return { cell, perStratum: C * C * C, classes: C };
}

/**
 * A lower bound of the bytes buildTablePlan places in its memory for n rows: the interleaved terms
 * (rowTerms: 8 for regression, log loss and Brier of both models for binary, log loss for
 * multiclass), one strata set, the calibration set, and each model's whole-data ranking of one class with the
 * baseline's gather (the slice passes' rows are left out: they depend on the values with an interval).
 */
export function planBytesAtLeast(task: Predictions['task'], n: number, metrics: readonly string[]): number {
  const terms = task === 'regression' ? 8 : task === 'binary' ? 4 : 2;
  const calibration = metrics.includes(ECE) ? 24 : 0;
  const rankings = task === 'regression' ? 0 : 12;
  return n * (8 * terms + 8 + calibration + rankings);
}

/** The bytes of the slice columns' ranking passes: 4 per row with an interval value, per column showing a ranking metric, per ranking. */
export function sliceRankingBytes(groupings: readonly TableGrouping[], rankings: number): number {
  let rows = 0;
  for (const g of groupings) {
    if (!g.metrics.some((m) => RANKED.includes(m))) continue;
    for (let i = 0; i < g.groupOf.length; i++) if (g.groupOf[i] >= 0) rows++;
  }
  return 4 * rows * rankings;
}

/**
 * Builds the whole-table job: strata over the slice columns (their joint combinations when few,
 * else one set per column), the per-row terms, and each model's ranking passes grouped by slice value.
 */
export function buildTablePlan(
  predictions: [Predictions, Predictions],
  scorers: [Scorer, Scorer],
  groupings: readonly TableGrouping[],
  options: {
    seed: number;
    resamples: number;
    rankingClasses: number[];
    metrics: readonly string[];
    /** Where the kernels' arrays are placed. */
    memory: TableMemory;
  }
): TablePlan {
  const n = scorers[0].rows;
  const reference = referenceOrder(scorers[0]);
  const order = reference?.order ?? null;
  const { cell, perStratum, classes } = jointCells(predictions);
  const terms = rowTerms(predictions, scorers);
  const memory = options.memory;
  const termRows = interleave(terms.rows, order, memory);
  const termCount = terms.rows.length;
  // Brier's terms (the last two) per stratum only when a slice cell shows Brier: else their sums
  // over all rows suffice, and the strata pass carries half the terms.
  const wholeTerms =
    terms.names.includes('brierA') && !groupings.some((g) => g.metrics.includes('brier_score')) ? 2 : 0;
  // Each grouping's value per row (the extra last index is "no value").
  const sizes = groupings.map((g) => g.values.length + 1);
  const joint = sizes.reduce((p, s) => p * s, 1) * perStratum <= MAX_JOINT_COUNTERS;
  const setMembers =
    joint || groupings.length === 0 ? [groupings.map((_, j) => j)] : groupings.map((_, j) => [j]);
  let offset = 0;
  const sets: StrataSet[] = [];
  const cells: CellPlan[] = [];
  const wholeData: CellPlan = { metrics: options.metrics, set: 0, strata: [], ranking: [] };
  cells.push(wholeData);
  const perGrouping: CellPlan[][] = groupings.map(() => []);
  setMembers.forEach((members, s) => {
    const strata = members.reduce((p, j) => p * sizes[j], 1);
    // Per reference position, in one pass (fresh memory is costly: no intermediate arrays).
    const stratum = memory.i32(n);
    const code = memory.i32(n);
    const columns = members.map((j) => groupings[j].groupOf);
    const none = members.map((j) => groupings[j].values.length);
    const radix = members.map((j) => sizes[j]);
    // Codes in row order first (sequential reads), then one random read per row in reference order.
    const rowCode = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let st = 0;
      for (let m = 0; m < columns.length; m++) {
        const v = columns[m][i];
        st = st * radix[m] + (v < 0 ? none[m] : v);
      }
      rowCode[i] = st * perStratum + cell[i];
    }
    for (let k = 0; k < n; k++) {
      const c = rowCode[order ? order[k] : k];
      code[k] = c;
      stratum[k] = Math.floor(c / perStratum);
    }
    sets.push({
      code,
      stratum,
      strata,
      cells: strata * perStratum,
      termCount,
      wholeTerms,
      offset
    });
    offset += strata * perStratum + termCount * strata;
    if (s === 0) wholeData.strata = Array.from({ length: strata }, (_, i) => i);
    // Decode each stratum back into its value of every member column.
    members.forEach((j, position) => {
      const inner = members.slice(position + 1).reduce((p, m) => p * sizes[m], 1);
      for (let g = 0; g < groupings[j].values.length; g++) {
        const list: number[] = [];
        for (let st = 0; st < strata; st++) if (Math.floor(st / inner) % sizes[j] === g) list.push(st);
        perGrouping[j].push({ metrics: groupings[j].metrics, set: s, strata: list, ranking: [] });
      }
    });
  });
  for (const list of perGrouping) cells.push(...list);
  const calibration = options.metrics.includes(ECE)
    ? calibrationSet(predictions, order, memory, offset)
    : null;
  if (calibration) {
    sets.push(calibration);
    offset += calibration.cells + calibration.termCount * calibration.strata;
  }
  const rankings: RankingSegments[] = [];
  offset = planRankings(scorers, groupings, reference, options, {
    offset,
    rankings,
    wholeData,
    perGrouping
  });
  return {
    job: {
      n,
      seed: options.seed,
      resamples: options.resamples,
      stride: offset,
      sets,
      terms: termRows,
      rankings
    },
    classes,
    cellsPerStratum: perStratum,
    cells,
    terms: terms.names,
    rankedClasses: options.rankingClasses,
    calibration: calibration ? sets.length - 1 : null
  };
}

/** Each model's ranking passes, weights gathered into any order but the reference's; returns the next offset. */
function planRankings(
  scorers: [Scorer, Scorer],
  groupings: readonly TableGrouping[],
  reference: BootstrapRanking | null,
  options: { rankingClasses: number[]; metrics: readonly string[]; memory: TableMemory },
  at: { offset: number; rankings: RankingSegments[]; wholeData: CellPlan; perGrouping: CellPlan[][] }
): number {
  const n = scorers[0].rows;
  const order = reference?.order ?? null;
  const memory = options.memory;
  const { rankings, wholeData, perGrouping } = at;
  let offset = at.offset;
  const refPos = new Int32Array(n);
  if (order) for (let k = 0; k < n; k++) refPos[order[k]] = k;
  const referenceClass = scorers[0].task === 'binary' ? 1 : 0;
  // One byte per row where the values fit: the passes read it at random, 1 MB instead of 4 per 1M rows.
  const compact = groupings.map((g) => {
    if (g.values.length >= 255) return g.groupOf;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = g.groupOf[i] < 0 ? 255 : g.groupOf[i];
    return out;
  });
  for (const m of [0, 1] as const) {
    for (const c of options.rankingClasses) {
      const isReference = m === 0 && c === referenceClass && reference !== null;
      const data = isReference
        ? reference
        : negativesFirst((scorers[m].ranking as NonNullable<Scorer['ranking']>)(c));
      // Another ranking than the reference reads weights gathered once into its own order.
      let gather: Int32Array | null = null;
      if (!isReference) {
        gather = memory.i32(n);
        for (let k = 0; k < n; k++) gather[k] = 8 * refPos[data.order[k]]; // a row's 8 weights
      }
      offset = rankingPasses(data, gather, groupings, options.metrics, memory, compact, {
        offset,
        rankings,
        wholeData,
        perGrouping
      });
    }
  }
  return offset;
}

/**
 * One model's ranking of one class: its whole-data pass, then a pass per slice column that shows
 * a ranking metric (average precision's division only where it is shown); returns the next offset.
 */
function rankingPasses(
  data: BootstrapRanking,
  gather: Int32Array | null,
  groupings: readonly TableGrouping[],
  metrics: readonly string[],
  memory: TableMemory,
  compact: (Int32Array | Uint8Array)[],
  into: { offset: number; rankings: RankingSegments[]; wholeData: CellPlan; perGrouping: CellPlan[][] }
): number {
  let offset = into.offset;
  const whole = wholeSegment(data, offset, metrics.includes('average_precision'), memory);
  whole.gather = gather;
  whole.ordered = gather !== null;
  into.rankings.push(whole);
  into.wholeData.ranking.push([offset]);
  offset += 4;
  groupings.forEach((g, j) => {
    if (!g.metrics.some((m) => RANKED.includes(m))) return;
    const ap = g.metrics.includes('average_precision');
    const seg = segments(data, compact[j], g.values.length, offset, ap, memory);
    seg.ordered = gather !== null;
    into.rankings.push(seg);
    into.perGrouping[j].forEach((cellPlan, v) => cellPlan.ranking.push([offset + 4 * v]));
    offset += 4 * g.values.length;
  });
  return offset;
}

/**
 * The precision-step flag of a tie's last row: negatives come first in a tie, so its last row is
 * positive iff it holds a positive; a tie without one adds exactly 0 to average precision and
 * leaves tp0 as it is, so it needs no step.
 */
function step(lastRow: number): number {
  return (lastRow & 1) << 2;
}

/**
 * The whole data as one segment, packed as segments() packs a group's rows: a row starts a tie
 * after the end of one, and is a precision step when it ends a tie and is positive (negatives
 * come first in a tie). A loop of its own: no grouping to look up per row.
 */
function wholeSegment(
  data: BootstrapRanking,
  offset: number,
  ap: boolean,
  memory: TableMemory
): RankingSegments {
  const n = data.order.length;
  const { sortedPositive, lastOfTie } = data;
  const rows = memory.i32(n);
  let first = 2;
  for (let k = 0; k < n; k++) {
    const positive = sortedPositive[k];
    const last = k === n - 1 ? 1 : lastOfTie[k];
    rows[k] = (k << 3) | ((last & positive) << 2) | first | positive;
    first = last << 1;
  }
  const ends = memory.i32(1);
  ends[0] = n;
  return { rows, ends, offset, ap, ordered: false, gather: null };
}

/**
 * A ranking's rows grouped by value (stable, so each segment stays in descending score order and
 * negatives first within a tie), packed for the kernel: its rank k (where its weights are: the
 * reference's weights are in reference order, another ranking's gathered into its order) << 3 |
 * precision step << 2 | first of tie << 1 | positive, ties taken within the segment; a precision
 * step is the last row of a tie that holds a positive.
 */
function segments(
  data: BootstrapRanking,
  groupOf: Int32Array | Uint8Array,
  groups: number,
  offset: number,
  ap: boolean,
  memory: TableMemory
): RankingSegments {
  const n = data.order.length;
  const order = data.order;
  const counts = new Int32Array(groups);
  // A group below 0 (Int32Array) or of 255 (Uint8Array) is no group: (g >>> 0) < groups is false.
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] >>> 0;
    if (g < groups) counts[g]++;
  }
  const ends = memory.i32(groups);
  const cursor = new Int32Array(groups);
  let total = 0;
  for (let g = 0; g < groups; g++) {
    cursor[g] = total;
    total += counts[g];
    ends[g] = total;
  }
  // Two rows of a segment share a threshold when no tie boundary of the whole ranking lies between
  // them: a running count of boundaries replaces comparing their scores. A row that starts a tie
  // in its segment also ends the previous one there.
  const rows = memory.i32(total);
  const tieOf = new Int32Array(groups).fill(-1);
  let tie = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    const g = groupOf[row] >>> 0;
    if (g < groups) {
      const at = cursor[g]++;
      let v = (k << 3) | data.sortedPositive[k];
      if (tieOf[g] !== tie) {
        if (tieOf[g] >= 0) rows[at - 1] |= step(rows[at - 1]);
        tieOf[g] = tie;
        v |= 2;
      }
      rows[at] = v;
    }
    tie += data.lastOfTie[k];
  }
  for (let g = 0; g < groups; g++) if (counts[g] > 0) rows[ends[g] - 1] |= step(rows[ends[g] - 1]);
  return { rows, ends, offset, ap, ordered: false, gather: null };
}
