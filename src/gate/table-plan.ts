import type { Predictions, Scorer } from '../evaluation/metrics/scorer.js';
import { MAPE_EPS } from '../evaluation/metrics/regression.js';
import { calibrationSet } from './table-calibration.js';
import type { RankingSegments, StrataSet, TableJobData, TableMemory } from './table-kernels.js';
import { planRows, planStep, type PlanStep } from './table-plan-rows.js';
import { RANKED, planRankings, referenceRanking, rowsWithValue, staged } from './table-plan-rankings.js';

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
  /** The per-row passes that fill the job's arrays first (runPlanSteps, or a kernel worker thread). */
  steps: PlanStep[];
  /**
   * Then each stage's passes in order, once its fill() has formed their inputs on this thread (the
   * rankings other than the reference; the scorers' per-row terms and the calibration bins): while
   * a worker thread runs the earlier steps.
   */
  stages: PlanStage[];
}

/** Inputs formed on the calling thread (fill) and the passes that read them. */
export interface PlanStage {
  fill(): void;
  steps: PlanStep[];
}

/** The one metric of the whole data that the calibration set, not the scorer's sums, resamples. */
export const ECE = 'expected_calibration_error';

/** The names of rowTerms' terms, known before they are formed. */
function termNames(p: [Predictions, Predictions]): string[] {
  const [a, b] = p;
  if (a.task === 'regression' && b.task === 'regression')
    return ['seA', 'seB', 'aeA', 'aeB', 'apeA', 'apeB', 'y', 'y2'];
  return a.task === 'binary' && b.task === 'binary' ? ['logA', 'logB', 'brierA', 'brierB'] : ['logA', 'logB'];
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

/** Joint cells per stratum and the class count (regression: one cell, no classes). */
function jointShape(p: [Predictions, Predictions]): { perStratum: number; classes: number } {
  const [a, b] = p;
  if (a.task === 'regression' || b.task === 'regression') return { perStratum: 1, classes: 1 };
  const C = a.labels.length;
  return { perStratum: C * C * C, classes: C };
}

/**
 * A lower bound of the bytes buildTablePlan places in its memory for n rows: the interleaved
 * per-row terms (rowTerms: 8 for regression, log loss and Brier of both models for binary, log
 * loss for multiclass), one strata set with its row codes, the labels and both predictions copied
 * in, the calibration set, the reference ranking with its whole-data segment and positions, and
 * the baseline's ranking of one class copied in, ordered, gathered and segmented (the slice
 * columns' rows are left out: they depend on the values with an interval).
 */
export function planBytesAtLeast(task: Predictions['task'], n: number, metrics: readonly string[]): number {
  const terms = task === 'regression' ? 8 : task === 'binary' ? 4 : 2;
  const labels = task === 'regression' ? 0 : 12;
  const calibration = metrics.includes(ECE) ? 24 : 0;
  const rankings = task === 'regression' ? 0 : 6 + 4 + 4 + (6 + 5 + 4 + 4);
  return n * (8 * terms + 12 + labels + calibration + rankings);
}

/**
 * The bytes of the slice columns' ranking passes: 4 per row with an interval value, per column
 * showing a ranking metric, per ranking.
 */
export function sliceRankingBytes(groupings: readonly TableGrouping[], rankings: number): number {
  let rows = 0;
  for (let j = 0; j < groupings.length; j++)
    if (groupings[j].metrics.some((m) => RANKED.includes(m))) rows += rowsWithValue(groupings[j]);
  return 4 * rows * rankings;
}

/** What the plan places and fills: its arrays in the table memory and the per-row steps that fill them. */
export interface Placing {
  memory: TableMemory;
  steps: PlanStep[];
  offset: number;
}

/**
 * Builds the whole-table job: strata over the slice columns (their joint combinations when few,
 * else one set per column), the per-row terms, and each model's ranking passes grouped by slice
 * value. Its arrays are placed in `memory` and filled by `steps` (run them with runPlanSteps, on
 * this thread or another, before the kernels read the job); only what needs this thread's
 * functions (the scorers' sorts and terms, the calibration bins) is computed here.
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
  const memory = options.memory;
  const at: Placing = { memory, steps: [], offset: 0 };
  const referenceClass = scorers[0].task === 'binary' ? 1 : 0;
  // The reference order is formed here: this thread puts the terms and the calibration set into it.
  const reference = scorers[0].ranking ? referenceRanking(scorers[0], referenceClass, memory) : null;
  const order = reference?.order ?? null;
  const { perStratum, classes } = jointShape(predictions);
  const names = termNames(predictions);
  const termRows = memory.f64(n * names.length);
  // The other rankings first: the worker's next steps need them; the terms and the calibration set
  // are written in place by this thread (no copy for the worker to read).
  const otherRankings: PlanStage = { fill: () => undefined, steps: [] };
  const terms: PlanStage = {
    fill() {
      const formed = rowTerms(predictions, scorers);
      if (formed.names.join() !== names.join())
        throw new Error(`plan terms ${formed.names.join()} ≠ ${names.join()}`);
      planRows().interleave({ rows: formed.rows, order, out: termRows });
    },
    steps: []
  };
  const columns = groupings.map((g) => staged(memory, g.groupOf));
  const { sets, cells, wholeData, perGrouping } = planStrata(predictions, groupings, columns, {
    order,
    perStratum,
    classes,
    termCount: names.length,
    // Brier's terms (the last two) per stratum only when a slice cell shows Brier: else their sums
    // over all rows suffice, and the strata pass carries half the terms.
    wholeTerms: names.includes('brierA') && !groupings.some((g) => g.metrics.includes('brier_score')) ? 2 : 0,
    metrics: options.metrics,
    at
  });
  let calibrationAt: number | null = null;
  const calibration = options.metrics.includes(ECE) ? calibrationSet(predictions, memory, at.offset) : null;
  if (calibration) {
    calibrationAt = sets.push(calibration.set) - 1;
    at.offset += calibration.set.cells + calibration.set.termCount * calibration.set.strata;
    const before = terms.fill;
    terms.fill = () => {
      before();
      calibration.fill(order);
    };
  }
  const rankings: RankingSegments[] = [];
  planRankings(scorers, groupings, columns, reference, options, at, otherRankings, {
    rankings,
    wholeData,
    perGrouping
  });
  return {
    job: {
      n,
      seed: options.seed,
      resamples: options.resamples,
      stride: at.offset,
      sets,
      terms: termRows,
      rankings
    },
    classes,
    cellsPerStratum: perStratum,
    cells,
    terms: names,
    rankedClasses: options.rankingClasses,
    calibration: calibrationAt,
    steps: at.steps,
    stages: [otherRankings, terms]
  };
}

/** Fills a plan's arrays on this thread: its steps, then each stage's inputs and steps. */
export function runPlanSteps(plan: TablePlan, memory: TableMemory): void {
  planRows().run(memory.memory, plan.steps);
  for (const stage of plan.stages) {
    stage.fill();
    planRows().run(memory.memory, stage.steps);
  }
}

/**
 * The strata sets (with the cells that read them: the whole data, then each grouping's values):
 * each row's stratum code in reference order, formed by a step from the copied-in slice columns,
 * labels and predictions.
 */
function planStrata(
  predictions: [Predictions, Predictions],
  groupings: readonly TableGrouping[],
  columns: Int32Array[],
  o: {
    order: Uint32Array | null;
    perStratum: number;
    classes: number;
    termCount: number;
    wholeTerms: number;
    metrics: readonly string[];
    at: Placing;
  }
) {
  const { memory, steps } = o.at;
  const n = predictions[0].y.length;
  // Each grouping's value per row (the extra last index is "no value").
  const sizes = groupings.map((g) => g.values.length + 1);
  const joint = sizes.reduce((p, s) => p * s, 1) * o.perStratum <= MAX_JOINT_COUNTERS;
  const setMembers =
    joint || groupings.length === 0 ? [groupings.map((_, j) => j)] : groupings.map((_, j) => [j]);
  const [a, b] = predictions;
  const labelled =
    a.task !== 'regression' && b.task !== 'regression'
      ? { y: staged(memory, a.y), a: staged(memory, a.pred), b: staged(memory, b.pred) }
      : { y: null, a: null, b: null };
  const rowCode = memory.i32(n); // scratch of the steps, one set after another
  const sets: StrataSet[] = [];
  const cells: CellPlan[] = [];
  const wholeData: CellPlan = { metrics: o.metrics, set: 0, strata: [], ranking: [] };
  cells.push(wholeData);
  const perGrouping: CellPlan[][] = groupings.map(() => []);
  setMembers.forEach((members, s) => {
    const strata = members.reduce((p, j) => p * sizes[j], 1);
    const code = memory.i32(n);
    const stratum = memory.i32(n);
    steps.push(
      planStep('strataCodes', {
        columns: members.map((j) => columns[j]),
        none: members.map((j) => groupings[j].values.length),
        radix: members.map((j) => sizes[j]),
        ...labelled,
        classes: o.classes,
        perStratum: o.perStratum,
        order: o.order,
        rowCode,
        code,
        stratum
      })
    );
    sets.push({
      code,
      stratum,
      strata,
      cells: strata * o.perStratum,
      termCount: o.termCount,
      wholeTerms: o.wholeTerms,
      offset: o.at.offset
    });
    o.at.offset += strata * o.perStratum + o.termCount * strata;
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
  return { sets, cells, wholeData, perGrouping };
}
