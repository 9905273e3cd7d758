import { availableParallelism } from 'node:os';
import { InputError } from '../core/errors.js';
import {
  METRIC_CATALOG,
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  isBootstrappable
} from '../evaluation/metrics/catalog.js';
import type { Predictions, Scorer } from '../evaluation/metrics/scorer.js';
import { brierScoreLoss, logLoss } from '../evaluation/metrics/probabilistic.js';
import type { MetricResult } from '../evaluation/metrics/result.js';
import type { RegressionSums } from '../evaluation/metrics/regression.js';
import { intervalOf, type BootstrapOptions, type IntervalResult } from './bootstrap.js';
import {
  ECE,
  buildTablePlan,
  planBytesAtLeast,
  runPlanSteps,
  sliceRankingBytes,
  type CellPlan,
  type TableGrouping,
  type TablePlan
} from './table-plan.js';
import { resampledCalibration } from './table-calibration.js';
import {
  TABLE_SOURCE,
  TableMemory,
  layoutTableJob,
  tableKernels,
  type TableJob,
  type TableResults
} from './table-kernels.js';
import { POISSON_TABLE } from './poisson.js';
import { startKernelWorker, type StartedWorker } from './worker.js';
import { PLAN_ROWS_SOURCE, type PlanStep } from './table-plan-rows.js';

/** Intervals of candidate − baseline for every metric of the table, whole data and each slice cell. */
export interface TableIntervals {
  overall: Record<string, IntervalResult>;
  /** By slice column, then value; a value with too few rows has none. */
  slices: Record<string, Record<string, Record<string, IntervalResult>>>;
}

/** A started whole-table bootstrap: result() joins the workers on the calling thread. */
export interface TableBootstrapRun {
  result(onResample?: (done: number) => void): Promise<TableIntervals>;
  cancel(): void;
}

/** Below this many bytes, a helper thread faulting the plan's pages costs more than it saves. */
const PREFAULT_MIN_BYTES = 1 << 24;

/** Below this many row-visits, worker threads cost more than they save. */
const PARALLEL_MIN_WORK = 20_000_000;

type Side = (name: string) => MetricResult | undefined;

const CONFUSION = METRIC_CATALOG.filter((m) => m.source.from === 'confusion');
/** Each model's term names in the plan (see rowTerms in table-plan.ts). */
const SIDES = ['A', 'B'].map((s) => ({
  log: `log${s}`,
  brier: `brier${s}`,
  se: `se${s}`,
  ae: `ae${s}`,
  ape: `ape${s}`
}));
const REGRESSION = METRIC_CATALOG.filter((m) => m.source.from === 'regression');

/** The bootstrappable metrics of a task on the whole data, in report order (the model's calibration included). */
export function tableMetrics(task: Predictions['task']): string[] {
  return [...METRICS_BY_TASK[task], ...MODEL_METRICS_BY_TASK[task]].filter(isBootstrappable);
}

/** The bootstrappable metrics of a slice cell: the scorer's (calibration is a whole-data report). */
function sliceCellMetrics(task: Predictions['task']): string[] {
  return METRICS_BY_TASK[task].filter(isBootstrappable);
}

/**
 * Both models' metrics of one cell in one resample, from the strata counts and terms and the
 * ranking totals: the same functions as the scorer (the catalog's), on resampled sums.
 */
function cellMetrics(
  plan: TablePlan,
  termAt: Map<string, number>,
  cell: CellPlan,
  record: Float64Array,
  at: number
): [Side, Side] {
  const set = plan.job.sets[cell.set];
  const base = at + set.offset;
  const per = plan.cellsPerStratum;
  const joint = new Float64Array(per);
  const sums = new Float64Array(plan.terms.length);
  for (const st of cell.strata) {
    for (let c = 0; c < per; c++) joint[c] += record[base + st * per + c];
    for (let t = 0; t < sums.length; t++) sums[t] += record[base + set.cells + t * set.strata + st];
  }
  let rows = 0;
  for (let c = 0; c < per; c++) rows += joint[c];
  // Term positions looked up once per plan (this runs for every cell of every resample).
  const term = (name: string) => sums[termAt.get(name) as number];
  const sides: Record<string, MetricResult>[] = [{}, {}];
  if (per === 1) {
    const mean = term('y') / rows;
    const totalSquares = term('y2') - mean * term('y');
    SIDES.forEach((s, m) => {
      const r: RegressionSums = {
        rows,
        squaredError: term(s.se),
        absoluteError: term(s.ae),
        absolutePercentageError: term(s.ape),
        totalSquares: Math.max(0, totalSquares)
      };
      for (const spec of REGRESSION)
        if (spec.source.from === 'regression') sides[m][spec.name] = spec.source.fn(r);
    });
    return [(n) => sides[0][n], (n) => sides[1][n]];
  }
  const C = plan.classes;
  const cms = [new Float64Array(C * C), new Float64Array(C * C)];
  for (let y = 0; y < C; y++)
    for (let a = 0; a < C; a++)
      for (let b = 0; b < C; b++) {
        const v = joint[y * C * C + a * C + b];
        cms[0][y * C + a] += v;
        cms[1][y * C + b] += v;
      }
  SIDES.forEach((s, m) => {
    const out = sides[m];
    // Only the cell's own metrics: a slice cell has a few of them, formed 1,000 times each.
    for (const spec of CONFUSION)
      if (spec.source.from === 'confusion' && cell.metrics.includes(spec.name))
        out[spec.name] = spec.source.fn(cms[m], C);
    out.log_loss = logLoss(term(s.log), rows, C);
    if (termAt.has(s.brier)) out.brier_score = brierScoreLoss(term(s.brier), rows);
    const aucs: (number | null)[] = [];
    // A slice column whose cells show no ranking metric has no ranking pass.
    if (cell.ranking.length > 0)
      plan.rankedClasses.forEach((_, k) => {
        const o = at + cell.ranking[m * plan.rankedClasses.length + k][0];
        // The ranking record (table-kernels.ts): fp, S, Σ Δtp·precision; tp is the cell's other rows.
        const [fp, S, ap] = [record[o + 1], record[o + 2], record[o + 3]];
        const tp = rows - fp;
        const area = 2 * tp * fp - S; // twice the ROC area (rank in src/gate/wasm/table.wat)
        aucs.push(tp > 0 && fp > 0 ? area / (2 * tp * fp) : null);
        if (C === 2) {
          out.roc_auc = { value: aucs[0] };
          out.average_precision = { value: tp > 0 ? ap / tp : null };
        }
      });
    if (C > 2 && aucs.length === C)
      out.roc_auc_ovr = {
        value: aucs.includes(null) ? null : (aucs as number[]).reduce((x, y) => x + y, 0) / C
      };
  });
  if (plan.calibration !== null && cell.metrics.includes(ECE)) {
    const eces = resampledCalibration(plan.job.sets[plan.calibration], record, at);
    eces.forEach((value, m) => (sides[m][ECE] = { value }));
  }
  return [(n) => sides[0][n], (n) => sides[1][n]];
}

/**
 * Each cell's metric differences per resample, formed from a batch's records as soon as it is
 * finished (by whichever thread), so that little is left after the join; then the intervals.
 */
function resampleDiffs(plan: TablePlan, out: TableResults) {
  const R = plan.job.resamples;
  const diffs = plan.cells.map((cell) => cell.metrics.map(() => new Float64Array(R).fill(NaN)));
  const termAt = new Map(plan.terms.map((t, i) => [t, i]));
  const { finished } = out;
  const formed = new Uint8Array(finished.length);
  const add = (r: number) =>
    plan.cells.forEach((cell, i) => {
      const [a, b] = cellMetrics(plan, termAt, cell, out.values, r * plan.job.stride);
      cell.metrics.forEach((m, k) => {
        const va = a(m)?.value;
        const vb = b(m)?.value;
        if (typeof va === 'number' && typeof vb === 'number') diffs[i][k][r] = va - vb;
      });
    });
  return {
    /** Forms the differences of every batch finished since the last call. */
    take(): void {
      for (let b = 0; b < finished.length; b++) {
        if (formed[b] || Atomics.load(finished, b) !== 1) continue;
        for (let r = 8 * b; r < Math.min(R, 8 * b + 8); r++) add(r);
        formed[b] = 1;
      }
    },
    intervals(confidence: number) {
      return diffs.map((perMetric, i) =>
        Object.fromEntries(plan.cells[i].metrics.map((m, k) => [m, intervalOf(perMetric[k], confidence)]))
      );
    }
  };
}

/**
 * The memory of a whole-table bootstrap over n rows, its pages being faulted in on a helper thread
 * (call it as soon as n is known: the plan then finds them ready instead of faulting them itself).
 */
export function prefaultedTableMemory(task: Predictions['task'], n: number): TableMemory {
  const memory = new TableMemory();
  const bytes = planBytesAtLeast(task, n, tableMetrics(task));
  if (bytes >= PREFAULT_MIN_BYTES) memory.prefault(bytes);
  return memory;
}

/** The classes with a ranking pass: binary the positive, multiclass all when roc_auc_ovr is resampled. */
function rankedClasses(scorer: Scorer): number[] {
  const task = scorer.task;
  if (task === 'binary') return [1];
  return task === 'multiclass' && tableMetrics(task).includes('roc_auc_ovr')
    ? range(scorer.classes ?? 1)
    : [];
}

/**
 * Starts faulting in the rest of the plan's memory once the slice groupings are known: their
 * ranking passes' rows, past the lower bound prefaultedTableMemory touched.
 */
export function prefaultSliceRankings(
  memory: TableMemory,
  scorers: [Scorer, Scorer],
  groupings: readonly TableGrouping[]
): void {
  const task = scorers[0].task;
  const bytes =
    planBytesAtLeast(task, scorers[0].rows, tableMetrics(task)) +
    sliceRankingBytes(groupings, 2 * rankedClasses(scorers[0]).length);
  if (bytes >= PREFAULT_MIN_BYTES) memory.prefault(bytes);
}

/**
 * Forms what the plan reads from the scorers before it needs its memory (the metrics read the
 * same, once): the candidate's ranking of the reference class. The other rankings and the per-row
 * terms come later (TablePlan.stages), while a worker thread fills the plan.
 */
export function prepareTableScorers(scorers: [Scorer, Scorer]): void {
  const s = scorers[0];
  s.ranking?.(s.task === 'binary' ? 1 : 0);
}

/** Most memory the resampled values may take: past it the request is refused rather than crashing. */
const MAX_RESULT_BYTES = 1 << 30;

/** Bytes of the resampled values, refused (exit 2, naming the setting) past MAX_RESULT_BYTES. */
function resultBytes(resamples: number, stride: number): number {
  const bytes = 8 * Math.max(1, resamples * stride);
  if (bytes > MAX_RESULT_BYTES) {
    const most = Math.floor(MAX_RESULT_BYTES / (8 * stride));
    throw new InputError(
      `bootstrap: ${resamples} resamples of ${stride} values each need ${Math.ceil(bytes / 2 ** 20)} MiB; at most ${most} resamples fit in ${MAX_RESULT_BYTES / 2 ** 20} MiB (evaluate.bootstrap.resamples, --bootstrap)`
    );
  }
  return bytes;
}

/**
 * Starts the paired bootstrap of the whole table: every bootstrappable metric of the task on the
 * whole data, and each grouping's `metrics` on each of its slice values (values at −1 get none), with the Poisson
 * weights of the gated bootstrap (same seed, same resamples, same reference order). Worker threads
 * start at once; result() joins them and forms the intervals.
 */
export function startTableBootstrap(
  predictions: [Predictions, Predictions],
  scorers: [Scorer, Scorer],
  groupings: readonly TableGrouping[],
  options: BootstrapOptions,
  parallel: { threads?: number; memory?: TableMemory } = {}
): TableBootstrapRun {
  const task = scorers[0].task;
  const metrics = tableMetrics(task);
  const rankingClasses = rankedClasses(scorers[0]);
  const inSlices = sliceCellMetrics(task);
  const sliced = groupings.map((g) => ({ ...g, metrics: g.metrics.filter((m) => inSlices.includes(m)) }));
  const R = options.resamples;
  // Row-visits per resample: the strata pass and at most one ranking pass per model, class and column.
  const work = scorers[0].rows * R * (1 + 2 * rankingClasses.length * (1 + groupings.length));
  const threads = parallel.threads ?? (work < PARALLEL_MIN_WORK ? 1 : Math.min(4, availableParallelism()));
  // Eight resamples per batch: more threads than batches would idle.
  const used = Math.max(1, Math.min(threads, Math.ceil(R / 8)));
  const memory = parallel.memory ?? new TableMemory();
  const plan = buildTablePlan(predictions, scorers, sliced, {
    seed: options.seed,
    resamples: R,
    rankingClasses,
    metrics,
    memory
  });
  const out: TableResults = {
    values: new Float64Array(new SharedArrayBuffer(resultBytes(R, plan.job.stride))),
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Int32Array(new SharedArrayBuffer(4)),
    slots: new Int32Array(new SharedArrayBuffer(4)),
    finished: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, Math.ceil(R / 8))))
  };
  const job = layoutTableJob(plan.job, memory, used, POISSON_TABLE);
  // Alone, this thread fills the plan's arrays now; else the first worker does, beside the metrics
  // (this thread forms only the late steps' inputs, meanwhile).
  if (used === 1) runPlanSteps(plan, memory);
  const { workers, filled, formed } = startTableWorkers(job, out, used === 1 ? null : plan, used - 1);
  if (used > 1) {
    try {
      plan.stages.forEach((stage, i) => {
        stage.fill();
        formed(i + 1);
      });
    } catch (e) {
      formed(NONE);
      throw e;
    }
  }
  return {
    async result(onResample) {
      for (const w of workers) w.ref();
      await filled;
      const diffs = resampleDiffs(plan, out);
      while (tableKernels().work(job, out, 1) > 0) {
        onResample?.(Atomics.load(out.done, 0));
        diffs.take();
      }
      await Promise.all(workers.map((w) => w.finished));
      onResample?.(R);
      diffs.take();
      const perCell = diffs.intervals(options.confidence);
      const result: TableIntervals = { overall: perCell[0], slices: {} };
      let i = 1;
      for (const g of groupings) {
        const byValue: Record<string, Record<string, IntervalResult>> = {};
        for (const value of g.values) byValue[value] = perCell[i++];
        result.slices[g.column] = byValue;
      }
      return result;
    },
    cancel() {
      Atomics.store(out.next, 0, R);
    }
  };
}

/** The plan's state ([0]), shared with the worker threads. */
const FILLING = 0;
const FILLED = 1;
const FAILED = 2;
/** How many of the plan's stages have their inputs formed by the calling thread ([1]); NONE: it failed. */
const NONE = -1;

/**
 * A kernel worker thread: the one given the plan's steps runs them, then each stage's steps once
 * the calling thread has formed their inputs, and says when the plan is filled (or failed: its own
 * error then rejects its `finished`); the others wait for that; then each runs batches until none
 * are left.
 */
const TABLE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const rows = (function () {${PLAN_ROWS_SOURCE}})();
const k = (function () {${TABLE_SOURCE}})();
const { job, out, state, plan } = workerData;
if (plan) {
  let filled = ${FAILED};
  try {
    rows.run(job.memory, plan.steps);
    let stage = 0;
    for (; stage < plan.stages.length; stage++) {
      let formed;
      while ((formed = Atomics.load(state, 1)) !== ${NONE} && formed <= stage) Atomics.wait(state, 1, formed);
      if (formed === ${NONE}) break;
      rows.run(job.memory, plan.stages[stage]);
    }
    if (stage === plan.stages.length) filled = ${FILLED};
  } finally {
    Atomics.store(state, 0, filled);
    Atomics.notify(state, 0);
  }
} else Atomics.wait(state, 0, ${FILLING});
if (Atomics.load(state, 0) === ${FILLED}) k.work(job, out, Infinity);
parentPort.postMessage('done');
`;

interface AsyncWaiting {
  waitAsync(view: Int32Array, index: number, value: number): { async: boolean; value: Promise<unknown> };
}

/** What a worker fills of a plan: its steps, then each stage's once the calling thread formed its inputs. */
export interface PlanFill {
  steps: readonly PlanStep[];
  stages: readonly { steps: readonly PlanStep[] }[];
}

/**
 * Starts `count` kernel worker threads on a laid-out job; the first also fills `plan` before any
 * thread reads the job (stage i's steps once formed(i + 1) says their inputs are formed).
 * `filled` resolves when the plan is filled and rejects with the filler's error if it failed, or
 * once formed(NONE) says the inputs will not come (the workers then end without work).
 */
export function startTableWorkers(
  job: TableJob,
  out: TableResults,
  plan: PlanFill | null,
  count: number
): { workers: StartedWorker[]; filled: Promise<void>; formed(stages: number): void } {
  const state = new Int32Array(new SharedArrayBuffer(8));
  const formed = (stages: number) => {
    Atomics.store(state, 1, stages);
    Atomics.notify(state, 1);
  };
  if (count === 0 || plan === null) {
    state[0] = FILLED;
    const workers = Array.from({ length: count }, () =>
      startKernelWorker(TABLE_WORKER_SOURCE, { job, out, state, plan: null })
    );
    return { workers, filled: Promise.resolve(), formed };
  }
  const fill = { steps: plan.steps, stages: plan.stages.map((s) => s.steps) };
  const workers = Array.from({ length: count }, (_, t) =>
    startKernelWorker(TABLE_WORKER_SOURCE, { job, out, state, plan: t === 0 ? fill : null })
  );
  const filled = planFilled(state, workers[0]);
  filled.catch(() => undefined); // surfaces when the caller awaits it
  return { workers, filled, formed };
}

/** Resolves when the filler worker has filled the plan's arrays; rejects with its error if it failed. */
async function planFilled(state: Int32Array, filler: StartedWorker): Promise<void> {
  const wait = (Atomics as unknown as AsyncWaiting).waitAsync(state, 0, FILLING);
  if (wait.async) await Promise.race([wait.value, filler.finished]);
  if (Atomics.load(state, 0) !== FILLED) {
    await filler.finished;
    throw new Error('the bootstrap plan was not filled');
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
