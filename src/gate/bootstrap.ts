import { availableParallelism } from 'node:os';
import { METRIC_CATALOG } from '../evaluation/metrics/catalog.js';
import type { RankingData, Scorer } from '../evaluation/metrics/scorer.js';
import { kernels, WORKER_SOURCE, type AreaPass, type BinaryJob, type SharedResults } from './kernels.js';
import { fillResampleWeights } from './poisson.js';
import { startKernelWorker } from './worker.js';
import { planRows } from './table-plan-rows.js';

/** How the paired bootstrap runs. */
export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Two-sided confidence of the interval, e.g. 0.95. */
  confidence: number;
}

/** A confidence interval of candidate − baseline for one metric. */
export interface DifferenceInterval {
  low: number;
  high: number;
  confidence: number;
  /** Resamples in which both models had a defined value. */
  resamples: number;
  /** The interval contains 0: the change is within resampling noise. */
  within_noise: boolean;
}

/** An interval, or why there is none. */
export type IntervalResult = DifferenceInterval | { low: null; high: null; reason: string };

/** numpy.percentile's default (linear) interpolation on sorted values. */
export function percentile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** One ranking pass: a model's rows by descending score of a class, as positions in the reference order. */
interface RankingPlan {
  /** positions[k] = where the k-th row of this order sits in the reference order; null when it is the reference. */
  positions: Int32Array | null;
  positive: Uint8Array;
  lastOfTie: Uint8Array;
}

/**
 * Weighted ROC AUC and average precision of one resample, in one pass over a model's rows by
 * descending score (see kernels.ts). Weights are indexed by reference position; candidate and
 * baseline scores are strongly correlated, so the baseline's gathers stay close in memory.
 */
export function resampledRanking(
  plan: RankingPlan,
  weights: Uint8Array,
  withAp: boolean,
  accuracy?: { a: Uint8Array; b: Uint8Array }
): { auc: number | null; ap: number | null; accuracy?: [number | null, number | null] } {
  const [auc, ap, a, b] = kernels().rankingPass(
    plan.positions,
    plan.positive,
    plan.lastOfTie,
    weights,
    withAp,
    accuracy?.a ?? null,
    accuracy?.b ?? null
  );
  const value = (x: number) => (Number.isNaN(x) ? null : x);
  return {
    auc: value(auc),
    ap: value(ap),
    ...(accuracy ? { accuracy: [value(a), value(b)] as [number | null, number | null] } : {})
  };
}

// Metrics computed by a ranking pass (the catalog's `ranking` source), resampled by their own kernels.
const RANKING = new Set(METRIC_CATALOG.filter((m) => m.source.from === 'ranking').map((m) => m.name));

/** A model's ranking as the bootstrap reads it. */
export interface BootstrapRanking {
  order: Uint32Array;
  sortedPositive: Uint8Array;
  lastOfTie: Uint8Array;
}

/**
 * The ranking with the rows of each tie group reordered negatives first: any order within a tie
 * is the same ranking, and this one lets the fast loops count tied pairs without a branch (see
 * kernels.ts). Resample weights are indexed by the candidate's order made so.
 */
export function negativesFirst(data: RankingData): BootstrapRanking {
  const n = data.order.length;
  const out = { order: new Uint32Array(n), sortedPositive: new Uint8Array(n), lastOfTie: data.lastOfTie };
  planRows().negativesFirst({ ...data, outOrder: out.order, outPositive: out.sortedPositive });
  return out;
}

/** Everything a resample needs, prepared once: the reference order and each ranking pass's plan. */
class PairedPlan {
  readonly n: number;
  /** Rows in reference order (the candidate's ranking when a ranking metric is gated, else row order). */
  readonly reference: Uint32Array | null;
  private readonly referencePosition: Int32Array | null;
  private readonly plans = new Map<string, RankingPlan>();
  private correct: [Uint8Array, Uint8Array] | null = null;

  constructor(
    private readonly scorers: [Scorer, Scorer],
    ranking: boolean
  ) {
    this.n = scorers[0].rows;
    const referenceClass = scorers[0].task === 'binary' ? 1 : 0;
    if (ranking && scorers[0].ranking) {
      const data = negativesFirst(scorers[0].ranking(referenceClass));
      this.reference = data.order;
      this.referencePosition = new Int32Array(this.n);
      for (let k = 0; k < this.n; k++) this.referencePosition[this.reference[k]] = k;
      this.plans.set(`0:${referenceClass}`, {
        positions: null,
        positive: data.sortedPositive,
        lastOfTie: data.lastOfTie
      });
    } else {
      this.reference = null;
      this.referencePosition = null;
    }
  }

  ranking(model: 0 | 1, classIndex: number): RankingPlan {
    const key = `${model}:${classIndex}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const data = negativesFirst(
        (this.scorers[model].ranking as NonNullable<Scorer['ranking']>)(classIndex)
      );
      const where = this.referencePosition as Int32Array;
      const positions = new Int32Array(this.n);
      for (let k = 0; k < this.n; k++) positions[k] = where[data.order[k]];
      plan = { positions, positive: data.sortedPositive, lastOfTie: data.lastOfTie };
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** Whether each model got each row right, in reference order (for accuracy). */
  correctness(): [Uint8Array, Uint8Array] {
    if (!this.correct) {
      const flags = this.scorers.map((s) => {
        const rowFlags = (s.correctness as NonNullable<Scorer['correctness']>)();
        if (!this.reference) return rowFlags;
        const out = new Uint8Array(this.n);
        for (let k = 0; k < this.n; k++) out[k] = rowFlags[(this.reference as Uint32Array)[k]];
        return out;
      });
      this.correct = [flags[0], flags[1]];
    }
    return this.correct;
  }

  /** Row-order weights for the generic scorer. */
  rowWeights(weights: Uint8Array, into: Uint8Array): Uint8Array {
    if (!this.reference) return weights;
    const ref = this.reference;
    for (let k = 0; k < this.n; k++) into[ref[k]] = weights[k];
    return into;
  }
}

function weightedAccuracy(weights: Uint8Array, correct: Uint8Array): number | null {
  let hits = 0;
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    hits += w * correct[k];
    total += w;
  }
  return total > 0 ? hits / total : null;
}

/** How many threads the bootstrap may use; small jobs stay on the main thread. */
export interface ParallelOptions {
  threads?: number;
}

const FAST_BINARY = new Set(['roc_auc', 'average_precision', 'accuracy']);
/** Below this many row-visits, starting workers costs more than it saves. */
const PARALLEL_MIN_WORK = 20_000_000;

/** The percentile interval of resampled differences (NaN = undefined in that resample). */
export function intervalOf(values: Float64Array, confidence: number): IntervalResult {
  const defined = values.filter((v) => !Number.isNaN(v));
  if (defined.length < 2)
    return { low: null, high: null, reason: 'the metric is undefined in the resamples' };
  const sorted = defined.sort();
  const alpha = (1 - confidence) / 2;
  const low = percentile(sorted, alpha);
  const high = percentile(sorted, 1 - alpha);
  return { low, high, confidence, resamples: sorted.length, within_noise: low <= 0 && high >= 0 };
}

/** Ties this large on average make the per-group loop cheaper than the per-row one (measured). */
const GROUP_LOOP_MIN_SIZE = 8;

/** How a model's ROC-area loop reads its rows (`rows`: flags, and the reference position for another model). */
function areaPass(rows: Uint8Array | Int32Array, lastOfTie: Uint8Array, gather: boolean): AreaPass {
  const n = lastOfTie.length;
  let groups = 0;
  for (let k = 0; k < n; k++) groups += lastOfTie[k];
  if (n < GROUP_LOOP_MIN_SIZE * groups) return { kind: 0, rows, gather, ends: null };
  const ends = new Int32Array(groups);
  for (let k = 0, g = 0; k < n; k++) if (lastOfTie[k] === 1) ends[g++] = k + 1;
  return { kind: 2, rows, gather, ends };
}

/** The fast binary job: flags in the candidate's order, the baseline's order as gathers from it. */
function binaryJob(candidate: Scorer, baseline: Scorer, metrics: string[], seed: number): BinaryJob {
  const plan = new PairedPlan([candidate, baseline], true);
  const reference = plan.ranking(0, 1);
  const base = plan.ranking(1, 1);
  const accuracy = metrics.includes('accuracy');
  const [correctA, correctB] = accuracy ? plan.correctness() : [null, null];
  const n = plan.n;
  // Tie groups are marked by their first row (see kernels.ts).
  const first = (lastOfTie: Uint8Array, k: number) => (k === 0 || lastOfTie[k - 1] === 1 ? 1 : 0);
  const referenceFlags = new Uint8Array(n);
  let disagreements = 0;
  for (let k = 0; k < n; k++) {
    referenceFlags[k] =
      reference.positive[k] |
      (first(reference.lastOfTie, k) << 1) |
      (correctA ? (correctA[k] << 2) | ((correctB as Uint8Array)[k] << 3) : 0);
    if (correctA && correctA[k] !== (correctB as Uint8Array)[k]) disagreements++;
  }
  // Accuracy's difference only moves with the rows where exactly one model is right.
  const disagree = new Int32Array(disagreements);
  if (correctA) {
    for (let k = 0, j = 0; k < n; k++)
      if (correctA[k] !== (correctB as Uint8Array)[k]) disagree[j++] = (k << 1) | correctA[k];
  }
  const baselinePacked = new Int32Array(n);
  const positions = base.positions as Int32Array;
  for (let k = 0; k < n; k++)
    baselinePacked[k] = (positions[k] << 2) | (first(base.lastOfTie, k) << 1) | base.positive[k];
  const table = kernels().TABLE;
  const heaviest = table[table.length - 1]; // the inverse CDF only grows
  return {
    n,
    seed,
    withAp: metrics.includes('average_precision'),
    accuracy,
    // The fast loops multiply a weight by a sum of weights in int32 (with a factor 2 to spare).
    wide: 2 * heaviest * heaviest * n >= 2 ** 31,
    reference: areaPass(referenceFlags, reference.lastOfTie, false),
    baseline: areaPass(baselinePacked, base.lastOfTie, true),
    disagree
  };
}

/** Resamples handed out per grab: small enough to balance threads, large enough to report progress. */
const CHUNK = 8;

/**
 * Binary roc_auc / average_precision / accuracy: worker threads start taking resamples at once
 * from a shared counter, and the calling thread joins when result() is called (until then it is
 * free for other work). Each resample is a pure function of (seed, index) written at its index,
 * so the result does not depend on which thread ran it.
 */
function startBinaryBootstrap(
  candidate: Scorer,
  baseline: Scorer,
  metrics: string[],
  options: BootstrapOptions,
  threads: number
): BootstrapRun {
  const job = binaryJob(candidate, baseline, metrics, options.seed);
  const R = options.resamples;
  const shared = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length));
  const out: SharedResults = {
    auc: shared(R),
    ap: shared(R),
    acc: shared(R),
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Int32Array(new SharedArrayBuffer(4))
  };
  const workers = Array.from({ length: Math.max(0, Math.min(threads, Math.ceil(R / CHUNK)) - 1) }, () =>
    startKernelWorker(WORKER_SOURCE, { job, out, chunk: CHUNK })
  );
  return {
    async result(onResample) {
      for (const w of workers) w.ref();
      while (kernels().work(job, out, CHUNK, CHUNK) > 0) onResample?.(Atomics.load(out.done, 0));
      await Promise.all(workers.map((w) => w.finished));
      onResample?.(R);
      const intervals: Record<string, IntervalResult> = {};
      const keyOf: Record<string, 'auc' | 'ap' | 'acc'> = {
        roc_auc: 'auc',
        average_precision: 'ap',
        accuracy: 'acc'
      };
      for (const m of metrics)
        intervals[m] = intervalOf(Float64Array.from(out[keyOf[m]]), options.confidence);
      return intervals;
    },
    cancel() {
      Atomics.store(out.next, 0, R);
    }
  };
}

/** A started bootstrap: result() finishes it on the calling thread and gives the intervals. */
export interface BootstrapRun {
  result(onResample?: (done: number) => void): Promise<Record<string, IntervalResult>>;
  /** Stops handing out resamples (the result is not needed after all). */
  cancel(): void;
}

/**
 * Starts the paired bootstrap (see pairedBootstrap). The binary fast path starts its worker threads
 * at once, so the caller can compute other things before asking for the result; every other case
 * runs in result().
 */
export function startPairedBootstrap(
  candidate: Scorer,
  baseline: Scorer,
  metrics: string[],
  options: BootstrapOptions,
  parallel: ParallelOptions = {}
): BootstrapRun {
  if (
    metrics.length > 0 &&
    options.resamples >= 2 &&
    candidate.task === 'binary' &&
    metrics.every((m) => FAST_BINARY.has(m)) &&
    metrics.some((m) => m !== 'accuracy') &&
    candidate.correctness !== undefined
  ) {
    const work = candidate.rows * options.resamples;
    const threads = parallel.threads ?? (work < PARALLEL_MIN_WORK ? 1 : Math.min(4, availableParallelism()));
    return startBinaryBootstrap(candidate, baseline, metrics, options, threads);
  }
  return {
    result: (onResample) => genericBootstrap(candidate, baseline, metrics, options, onResample),
    cancel: () => undefined
  };
}

/**
 * The paired bootstrap: in each resample both models are scored on the same resampled rows, so
 * the interval is of the difference and not of two independent values. Row weights are Poisson(1)
 * from a per-resample seeded stream (see poisson.ts). Ranking metrics and accuracy run in
 * dedicated linear passes; every other metric through the scorers with row weights.
 */
export async function pairedBootstrap(
  candidate: Scorer,
  baseline: Scorer,
  metrics: string[],
  options: BootstrapOptions,
  onResample?: (done: number) => void,
  parallel: ParallelOptions = {}
): Promise<Record<string, IntervalResult>> {
  return startPairedBootstrap(candidate, baseline, metrics, options, parallel).result(onResample);
}

/** Every other case, resample by resample on the calling thread. */
async function genericBootstrap(
  candidate: Scorer,
  baseline: Scorer,
  metrics: string[],
  options: BootstrapOptions,
  onResample?: (done: number) => void
): Promise<Record<string, IntervalResult>> {
  const out: Record<string, IntervalResult> = {};
  if (metrics.length === 0) return out;
  if (options.resamples < 2) {
    for (const m of metrics) out[m] = { low: null, high: null, reason: 'bootstrap disabled (resamples < 2)' };
    return out;
  }
  const classifier = candidate.task !== 'regression';
  const ranking = metrics.filter((m) => classifier && RANKING.has(m));
  const accuracy = classifier && metrics.includes('accuracy') && candidate.correctness !== undefined;
  const rest = metrics.filter((m) => !ranking.includes(m) && !(accuracy && m === 'accuracy'));
  const plan = new PairedPlan([candidate, baseline], ranking.length > 0);
  const n = plan.n;
  const weights = new Uint8Array(n);
  const rowWeights = new Uint8Array(plan.reference ? n : 0);
  const only = new Set(rest);
  const diffs = metrics.map(() => new Float64Array(options.resamples));
  const counts = metrics.map(() => 0);
  const classes = candidate.classes ?? 2;
  for (let r = 0; r < options.resamples; r++) {
    fillResampleWeights(options.seed, r, weights);
    const values = new Map<string, [number | null | undefined, number | null | undefined]>();
    let accuracyDone = false;
    if (ranking.includes('roc_auc') || ranking.includes('average_precision')) {
      const withAp = ranking.includes('average_precision');
      const fused =
        accuracy && plan.reference ? { a: plan.correctness()[0], b: plan.correctness()[1] } : undefined;
      const c = resampledRanking(plan.ranking(0, 1), weights, withAp, fused);
      const b = resampledRanking(plan.ranking(1, 1), weights, withAp);
      values.set('roc_auc', [c.auc, b.auc]);
      values.set('average_precision', [c.ap, b.ap]);
      if (c.accuracy) {
        values.set('accuracy', c.accuracy);
        accuracyDone = true;
      }
    }
    if (ranking.includes('roc_auc_ovr')) {
      const side = (model: 0 | 1): number | null => {
        let sum = 0;
        for (let c = 0; c < classes; c++) {
          const auc = resampledRanking(plan.ranking(model, c), weights, false).auc;
          if (auc === null) return null;
          sum += auc;
        }
        return sum / classes;
      };
      values.set('roc_auc_ovr', [side(0), side(1)]);
    }
    if (accuracy && !accuracyDone) {
      const [a, b] = plan.correctness();
      values.set('accuracy', [weightedAccuracy(weights, a), weightedAccuracy(weights, b)]);
    }
    if (rest.length > 0) {
      const w = plan.rowWeights(weights, rowWeights);
      const [c] = candidate.score({ weights: w, only });
      const [b] = baseline.score({ weights: w, only });
      for (const m of rest) values.set(m, [c[m]?.value, b[m]?.value]);
    }
    metrics.forEach((m, k) => {
      const [cv, bv] = values.get(m) ?? [null, null];
      if (typeof cv === 'number' && typeof bv === 'number') diffs[k][counts[k]++] = cv - bv;
    });
    onResample?.(r + 1);
  }
  const alpha = (1 - options.confidence) / 2;
  metrics.forEach((m, k) => {
    if (counts[k] < 2) {
      out[m] = { low: null, high: null, reason: 'the metric is undefined in the resamples' };
      return;
    }
    const sorted = diffs[k].subarray(0, counts[k]).sort();
    const low = percentile(sorted, alpha);
    const high = percentile(sorted, 1 - alpha);
    out[m] = {
      low,
      high,
      confidence: options.confidence,
      resamples: counts[k],
      within_noise: low <= 0 && high >= 0
    };
  });
  return out;
}
