import { KERNEL_SOURCE } from './kernels.js';

/**
 * The hot loops of the whole-table bootstrap (every metric, every slice cell; see table-bootstrap.ts)
 * as one plain-JavaScript source, compiled on the main thread and in each worker thread like
 * kernels.ts. A resample's work is: its Poisson(1) weights (the same stream as the gated passes),
 * one pass adding them into strata (slice values × true class × both predictions) with the per-row
 * terms (log loss, Brier, regression errors) of each stratum, and one weighted ranking pass per
 * model, class and slice column over that ranking's rows grouped by slice value. Each writes
 * sufficient statistics at the resample's place in shared memory; metrics come from them later.
 */
const TABLE_SOURCE = String.raw`
const base = (function () {${KERNEL_SOURCE}})();

// strata: counts[code[k]] += w; sums[stratum[k]][t] += w * terms[k][t], in one pass (no branch on
// zero weights: 37 % of them, unpredictable). Terms are interleaved per row and sums per stratum,
// so a row reads one stream and writes one place; written out term-major.
function strataPass(set, weights, out, at) {
  const code = set.code, stratum = set.stratum, n = code.length, S = set.strata;
  const T = set.termCount, terms = set.terms;
  const counts = new Float64Array(set.cells);
  const sums = new Float64Array(S * T);
  if (T === 4) {
    for (let k = 0; k < n; k++) {
      const w = weights[k];
      const s = 4 * stratum[k];
      const b = 4 * k;
      counts[code[k]] += w;
      sums[s] += w * terms[b];
      sums[s + 1] += w * terms[b + 1];
      sums[s + 2] += w * terms[b + 2];
      sums[s + 3] += w * terms[b + 3];
    }
  } else if (T === 2) {
    for (let k = 0; k < n; k++) {
      const w = weights[k];
      const s = 2 * stratum[k];
      const b = 2 * k;
      counts[code[k]] += w;
      sums[s] += w * terms[b];
      sums[s + 1] += w * terms[b + 1];
    }
  } else {
    for (let k = 0; k < n; k++) {
      const w = weights[k];
      const s = T * stratum[k];
      const b = T * k;
      counts[code[k]] += w;
      for (let t = 0; t < T; t++) sums[s + t] += w * terms[b + t];
    }
  }
  out.set(counts, at);
  const o = at + set.cells;
  for (let st = 0; st < S; st++) for (let t = 0; t < T; t++) out[o + t * S + st] = sums[st * T + t];
}

// One ranking's segments (rows of one slice value, by descending score): per segment
// [tp, fp, 2 × ROC area, Σ Δtp · precision] at thresholds = ends of tie groups (flag bit 1).
// Positive and negative weights are split without a branch (labels are unpredictable); the
// precision step is added at every tie end (Δtp = 0 adds 0), dividing by at least 1.
function segmentLoop(pos, flags, weights, k, e) {
  let tp = -0, fp = -0, tp0 = -0, fp0 = -0, area = -0, ap = -0;
  if (pos === null) {
    for (; k < e; k++) {
      const w = weights[k];
      const f = flags[k];
      const pw = w & (0 - (f & 1));
      tp += pw;
      fp += w - pw;
      if ((f & 2) !== 0) {
        area += (fp - fp0) * (tp + tp0);
        ap += ((tp - tp0) * tp) / Math.max(1, tp + fp);
        tp0 = tp;
        fp0 = fp;
      }
    }
  } else {
    for (; k < e; k++) {
      const w = weights[pos[k]];
      const f = flags[k];
      const pw = w & (0 - (f & 1));
      tp += pw;
      fp += w - pw;
      if ((f & 2) !== 0) {
        area += (fp - fp0) * (tp + tp0);
        ap += ((tp - tp0) * tp) / Math.max(1, tp + fp);
        tp0 = tp;
        fp0 = fp;
      }
    }
  }
  return [tp, fp, area, ap];
}

// The same sums without a branch per row, for segments whose tie ends come unpredictably (many
// small ties: the branch above mispredicts). A row that ends no tie adds exactly 0 to the
// area and precision sums, and tp0/fp0 move by exactly 0: the same numbers in the same order.
function segmentLoopFlat(pos, flags, weights, k, e) {
  let tp = -0, fp = -0, tp0 = -0, fp0 = -0, area = -0, ap = -0;
  for (; k < e; k++) {
    const w = pos === null ? weights[k] : weights[pos[k]];
    const f = flags[k];
    const pw = w & (0 - (f & 1));
    const m = (f >> 1) & 1;
    tp += pw;
    fp += w - pw;
    area += (fp - fp0) * (tp + tp0) * m;
    ap += (((tp - tp0) * tp) / Math.max(1, tp + fp)) * m;
    tp0 += (tp - tp0) * m;
    fp0 += (fp - fp0) * m;
  }
  return [tp, fp, area, ap];
}

function rankingSegments(job, weights, out, at) {
  const ends = job.ends;
  let k = 0;
  for (let s = 0; s < ends.length; s++) {
    const r = job.flat[s] === 1
      ? segmentLoopFlat(job.positions, job.flags, weights, k, ends[s])
      : segmentLoop(job.positions, job.flags, weights, k, ends[s]);
    k = ends[s];
    const o = at + 4 * s;
    out[o] = r[0];
    out[o + 1] = r[1];
    out[o + 2] = r[2];
    out[o + 3] = r[3];
  }
}

function runResample(job, r, weights, out) {
  base.fillWeights(job.seed, r, weights);
  const at = r * job.stride;
  for (const set of job.sets) strataPass(set, weights, out.values, at + set.offset);
  for (const ranking of job.rankings) rankingSegments(ranking, weights, out.values, at + ranking.offset);
}

// Takes resamples from the shared counter until none are left or limit ran; returns how many ran.
function work(job, out, limit) {
  const weights = new Uint8Array(job.n);
  let ran = 0;
  while (ran < limit) {
    const r = Atomics.add(out.next, 0, 1);
    if (r >= job.resamples) break;
    runResample(job, r, weights, out);
    Atomics.add(out.done, 0, 1);
    ran++;
  }
  return ran;
}

return { work };
`;

/** Strata of one set: a stratum per row with its cell (joint labels), and per-row terms. */
export interface StrataSet {
  /** Per reference position: stratum × cellsPerStratum + cell (16 bits when they fit: less to read). */
  code: Uint16Array | Int32Array;
  /** Per reference position: the stratum. */
  stratum: Uint16Array | Int32Array;
  strata: number;
  /** strata × cellsPerStratum. */
  cells: number;
  /** Per-row terms in reference order, interleaved (row × termCount + term), summed per stratum. */
  terms: Float64Array;
  termCount: number;
  /** Where this set's statistics start in a resample's record. */
  offset: number;
}

/** One model's ranking of one class, its rows grouped by slice value (one segment per value). */
export interface RankingSegments {
  /** Reference position of each row; null when this order is the reference (weights read directly). */
  positions: Int32Array | null;
  /** Bit 0 positive, bit 1 last row of a tie group within its segment. */
  flags: Uint8Array;
  /** One past the last row of each segment. */
  ends: Int32Array;
  /** Per segment: 1 when its tie-end flag changes often from row to row (read without a branch). */
  flat: Uint8Array;
  offset: number;
}

/** A whole-table bootstrap job as the kernels read it. */
export interface TableJob {
  n: number;
  seed: number;
  resamples: number;
  /** Numbers per resample in `values`. */
  stride: number;
  sets: StrataSet[];
  rankings: RankingSegments[];
}

/** Each resample's statistics and the work counters, in shared memory. */
export interface TableResults {
  values: Float64Array;
  next: Int32Array;
  done: Int32Array;
}

interface TableKernels {
  work(job: TableJob, out: TableResults, limit: number): number;
}

let compiled: TableKernels | undefined;

/** The table kernels compiled on this thread. */
export function tableKernels(): TableKernels {
  compiled ??= new Function(TABLE_SOURCE)() as TableKernels;
  return compiled;
}

/** An eval worker that runs resamples of a job until none are left, then says so. */
export const TABLE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const k = (function () {${TABLE_SOURCE}})();
k.work(workerData.job, workerData.out, Infinity);
parentPort.postMessage('done');
`;
