import { kernelWorkerSource } from './worker.js';

/**
 * The ROC-area loops of the fast binary bootstrap for one way of reading a row: `Direct` reads the
 * reference order (rows[k] = flags, weight k), `Gather` another model's order (rows[k] = reference
 * position << 2 | flags, weight at that position). Flags: bit 0 positive, bit 1 first of a tie group.
 * Each returns [2 × area, tp, fp], exact integers.
 *
 * untied: rows in each tie group are ordered negatives first (see bootstrap.ts), so a negative's
 * running tp is the tp before its group and Σ nw·tp counts the pairs ranked strictly apart; the
 * tied pairs N_g·P_g are added as Σ pw·ng, ng being the group's negative weight so far (all of it
 * by the group's first positive). No branch per row: ties cost two integer operations.
 * groups: for large tie groups, one inner loop per group (ends[g] = one past its last row).
 */
function areaLoops(suffix: string, load: string): string {
  const untiedRow = (read: string, sums: string) => `{
    ${read}
    const pw = w & (0 - (v & 1));
    const nw = w - pw;
    ng = (ng & (((v >> 1) & 1) - 1)) + nw;
    apart${sums} += Math.imul(nw, tp);
    tied${sums} += Math.imul(pw, ng);
    tp = (tp + pw) | 0;
    fp = (fp + nw) | 0;
  }`;
  return `
function untied${suffix}(rows, weights) {
  const n = rows.length;
  let tp = 0, fp = 0, ng = 0, apart0 = -0, apart1 = -0, tied0 = -0, tied1 = -0;
  // Two rows per step into two pairs of sums: the double additions' latency is the bottleneck.
  let k = 0;
  for (; k + 1 < n; k += 2) {
    ${untiedRow(load, '0')}
    ${untiedRow(load.replace(/\[k\]/g, '[k + 1]'), '1')}
  }
  if (k < n) ${untiedRow(load, '0')}
  return [2 * (apart0 + apart1) + tied0 + tied1, tp, fp];
}
function groups${suffix}(rows, ends, weights) {
  let tp = 0, fp = 0, area = -0, k = 0;
  for (let g = 0; g < ends.length; g++) {
    const e = ends[g];
    let pg = 0, tg = 0;
    for (; k < e; k++) {
      ${load}
      pg = (pg + (w & (0 - (v & 1)))) | 0;
      tg = (tg + w) | 0;
    }
    const ng = tg - pg;
    area += ng * (2 * tp + pg);
    tp = (tp + pg) | 0;
    fp = (fp + ng) | 0;
  }
  return [area, tp, fp];
}`;
}

/**
 * The bootstrap's hot loops as one plain-JavaScript source, compiled once on the main thread and
 * once in each worker thread (an eval worker needs no separate file in the bundle). One source
 * keeps the main thread and the workers bit-for-bit identical.
 */
export const KERNEL_SOURCE = String.raw`
const TABLE = (() => {
  const size = 65536;
  const table = new Uint8Array(size);
  let k = 0;
  let p = Math.exp(-1);
  let cdf = p;
  for (let u = 0; u < size; u++) {
    const q = (u + 0.5) / size;
    while (q > cdf && k < 255) {
      k++;
      p /= k;
      cdf += p;
    }
    table[u] = k;
  }
  return table;
})();

function splitmix32(state) {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

// The xoshiro128** state [a, b, c, d] of one resample, from splitmix32 of seed and resample.
function seedState(seed, resample) {
  const a = splitmix32(seed ^ Math.imul(resample + 1, 0x2545f491));
  const b = splitmix32(a ^ 0x6a09e667);
  const c = splitmix32(b ^ 0x3c6ef372);
  const d = splitmix32(c ^ 0x510e527f);
  return [(a | b | c | d) === 0 ? 1 : a, b, c, d];
}

// Poisson(1) weights of one resample: xoshiro128** seeded by seedState, two per draw.
function fillWeights(seed, resample, weights) {
  let [a, b, c, d] = seedState(seed, resample);
  const n = weights.length;
  for (let i = 0; i < n; i += 2) {
    const x = Math.imul(b, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    weights[i] = TABLE[r & 0xffff];
    if (i + 1 < n) weights[i + 1] = TABLE[r >>> 16];
  }
}

// Weighted ROC AUC (and AP) over rows by descending score; weights indexed by reference position.
// With correctness flags (reference order only), both models' accuracy rides along.
// Returns [auc, ap, accuracyA, accuracyB], NaN where undefined.
function rankingPass(positions, positive, lastOfTie, weights, withAp, ca, cb) {
  const n = positive.length;
  let tp = -0, fp = -0, tp0 = -0, fp0 = -0, area = -0, ap = -0, hitsA = -0, hitsB = -0;
  const acc = ca !== null && cb !== null;
  for (let k = 0; k < n; k++) {
    const w = positions === null ? weights[k] : weights[positions[k]];
    if (positive[k] === 1) tp += w;
    else fp += w;
    if (acc) {
      hitsA += w * ca[k];
      hitsB += w * cb[k];
    }
    if (lastOfTie[k] === 1) {
      area += (fp - fp0) * (tp + tp0);
      if (withAp && tp !== tp0) ap += ((tp - tp0) * tp) / (tp + fp);
      tp0 = tp;
      fp0 = fp;
    }
  }
  const total = tp + fp;
  return [
    tp > 0 && fp > 0 ? area / (2 * tp * fp) : NaN,
    withAp && tp > 0 ? ap / tp : NaN,
    acc && total > 0 ? hitsA / total : NaN,
    acc && total > 0 ? hitsB / total : NaN
  ];
}

// Tie groups are handled without waiting for their end: at a group's first row its start (tps, fps)
// is kept; a negative row then adds w·(tp + tps) and a positive row w·(fp − fps) to twice the ROC
// area, which sums to 2·N_g·TP_before + N_g·P_g per group, the trapezoid of sklearn's curve. The
// precision-recall step of a group is added when the next group starts (and after the loop).

// The candidate's pass with the weights generated inline (the same stream as fillWeights) and
// written for the baseline's pass; flags per row in candidate order: bit 0 positive, bit 1 first
// of a tie group, bit 2 candidate correct, bit 3 baseline correct. Returns [auc, ap, accA, accB].
function referencePass(seed, resample, flags, weights, withAp) {
  let [a, b, c, d] = seedState(seed, resample);
  const n = flags.length;
  // -0 starts every accumulator as a double: V8 then keeps them unboxed, with no int overflow checks.
  let tp = -0, fp = -0, tps = -0, fps = -0, area = -0, ap = -0, hitsA = -0, hitsB = -0;
  // Unrolled by two: one 32-bit draw gives the weights of rows k and k + 1.
  for (let k = 0; k < n; k += 2) {
    const x = Math.imul(b, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    {
      const w = TABLE[r & 0xffff];
      weights[k] = w;
      const f = flags[k];
      const pw = (f & 1) === 1 ? w : 0;
      const nw = w - pw;
      if ((f & 2) !== 0) {
        if (withAp && tp !== tps) ap += ((tp - tps) * tp) / (tp + fp);
        tps = tp;
        fps = fp;
      }
      area += nw * (tp + tps) + pw * (fp - fps);
      tp += pw;
      fp += nw;
      hitsA += (f & 4) !== 0 ? w : 0;
      hitsB += (f & 8) !== 0 ? w : 0;
    }
    if (k + 1 < n) {
      const k1 = k + 1;
    {
      const w = TABLE[r >>> 16];
      weights[k1] = w;
      const f = flags[k1];
      const pw = (f & 1) === 1 ? w : 0;
      const nw = w - pw;
      if ((f & 2) !== 0) {
        if (withAp && tp !== tps) ap += ((tp - tps) * tp) / (tp + fp);
        tps = tp;
        fps = fp;
      }
      area += nw * (tp + tps) + pw * (fp - fps);
      tp += pw;
      fp += nw;
      hitsA += (f & 4) !== 0 ? w : 0;
      hitsB += (f & 8) !== 0 ? w : 0;
    }
    }
  }
  if (withAp && tp !== tps) ap += ((tp - tps) * tp) / (tp + fp);
  const total = tp + fp;
  return [
    tp > 0 && fp > 0 ? area / (2 * tp * fp) : NaN,
    withAp && tp > 0 ? ap / tp : NaN,
    total > 0 ? hitsA / total : NaN,
    total > 0 ? hitsB / total : NaN
  ];
}

// The baseline's pass: packed[k] = candidate position << 2 | first of tie group << 1 | positive.
function baselinePass(packed, weights, withAp) {
  const n = packed.length;
  let tp = -0, fp = -0, tps = -0, fps = -0, area = -0, ap = -0;
  for (let k = 0; k < n; k++) {
    const v = packed[k];
    const w = weights[v >>> 2];
    const pw = (v & 1) === 1 ? w : 0;
    const nw = w - pw;
    if ((v & 2) !== 0) {
      if (withAp && tp !== tps) ap += ((tp - tps) * tp) / (tp + fp);
      tps = tp;
      fps = fp;
    }
    area += nw * (tp + tps) + pw * (fp - fps);
    tp += pw;
    fp += nw;
  }
  if (withAp && tp !== tps) ap += ((tp - tps) * tp) / (tp + fp);
  return [tp > 0 && fp > 0 ? area / (2 * tp * fp) : NaN, withAp && tp > 0 ? ap / tp : NaN];
}

// The fast loops (see areaLoops). Math.imul keeps products in int32 — a plain * would check for
// -0 on every row and mispredict on random weights — and the sums are exact integers.
${areaLoops('Direct', 'const v = rows[k]; const w = weights[k];')}
${areaLoops('Gather', 'const v = rows[k]; const w = weights[v >>> 2];')}

// candidate − baseline accuracy from the rows where exactly one model is right:
// disagree[j] = reference position << 1 | candidate right.
function accuracyDifference(disagree, weights, total) {
  let sum = 0;
  for (let j = 0; j < disagree.length; j++) {
    const v = disagree[j];
    const w = weights[v >>> 1];
    const m = (v & 1) - 1; // 0 when the candidate is right, else -1: (w ^ m) - m is then -w
    sum = (sum + ((w ^ m) - m)) | 0;
  }
  return total > 0 ? sum / total : NaN;
}

// Resamples [from, to) of a binary paired job into out.auc/ap/acc at the same indices:
// differences candidate − baseline (NaN when undefined).
function runRange(job, from, to, out) {
  const weights = new Uint8Array(job.n);
  const ref = job.reference, base = job.baseline;
  for (let r = from; r < to; r++) {
    if (job.withAp || job.wide) {
      const c = referencePass(job.seed, r, ref.rows, weights, job.withAp);
      const b = baselinePass(base.rows, weights, job.withAp);
      out.auc[r] = c[0] - b[0];
      out.ap[r] = c[1] - b[1];
      out.acc[r] = job.accuracy ? c[2] - c[3] : NaN;
      continue;
    }
    // Generating the weights inside the candidate's loop measured slower than two loops.
    fillWeights(job.seed, r, weights);
    const c = ref.kind === 0 ? untiedDirect(ref.rows, weights) : groupsDirect(ref.rows, ref.ends, weights);
    const b = base.kind === 0 ? untiedGather(base.rows, weights) : groupsGather(base.rows, base.ends, weights);
    out.auc[r] = ratio(c) - ratio(b);
    out.ap[r] = NaN;
    out.acc[r] = job.accuracy ? accuracyDifference(job.disagree, weights, c[1] + c[2]) : NaN;
  }
}

function ratio(a) {
  return a[1] > 0 && a[2] > 0 ? a[0] / (2 * a[1] * a[2]) : NaN;
}

// Takes resamples from the shared counter, chunk by chunk, until none are left (main thread and
// workers alike); returns how many this thread ran.
function work(job, out, chunk, limit) {
  let ran = 0;
  while (ran < limit) {
    const from = Atomics.add(out.next, 0, chunk);
    if (from >= out.auc.length) break;
    const to = Math.min(out.auc.length, from + chunk);
    runRange(job, from, to, out);
    Atomics.add(out.done, 0, to - from);
    ran += to - from;
  }
  return ran;
}

return { TABLE, seedState, fillWeights, rankingPass, work };
`;

/** How one model's ROC-area loop reads its rows (see areaLoops). */
export interface AreaPass {
  /** 0 untied (tie groups ordered negatives first), 2 groups. */
  kind: 0 | 2;
  /** Reference order: flags per row (Uint8Array); another model's order: position << 2 | flags (Int32Array). */
  rows: Uint8Array | Int32Array;
  gather: boolean;
  /** One past the last row of each tie group (kind 2). */
  ends: Int32Array | null;
}

/** A binary paired bootstrap job: the candidate's order is the reference, the baseline's gathers from it. */
export interface BinaryJob {
  n: number;
  seed: number;
  withAp: boolean;
  accuracy: boolean;
  /** Sums could leave int32 in the fast loops: use the double-precision passes. */
  wide: boolean;
  /** Rows in candidate order; flags: positive | first of tie group << 1 | candidate right << 2 | baseline right << 3. */
  reference: AreaPass;
  /** Rows in baseline order: candidate position << 2 | first of tie group << 1 | positive. */
  baseline: AreaPass;
  /** Rows where exactly one model is right: candidate position << 1 | candidate right. */
  disagree: Int32Array;
}

/** Differences per resample (roc_auc, average_precision, accuracy) and the work counters, in shared memory. */
export interface SharedResults {
  auc: Float64Array;
  ap: Float64Array;
  acc: Float64Array;
  /** The next resample to hand out. */
  next: Int32Array;
  /** Resamples finished, for progress. */
  done: Int32Array;
}

/** The compiled kernels. */
export interface Kernels {
  TABLE: Uint8Array;
  /** The xoshiro128** state [a, b, c, d] of one resample (the table kernels seed their lanes with it). */
  seedState(seed: number, resample: number): [number, number, number, number];
  fillWeights(seed: number, resample: number, weights: Uint8Array): void;
  rankingPass(
    positions: Int32Array | null,
    positive: Uint8Array,
    lastOfTie: Uint8Array,
    weights: Uint8Array,
    withAp: boolean,
    ca: Uint8Array | null,
    cb: Uint8Array | null
  ): [number, number, number, number];
  /** Runs chunks of resamples until none are left or `limit` ran; returns how many ran here. */
  work(job: BinaryJob, out: SharedResults, chunk: number, limit: number): number;
}

let compiled: Kernels | undefined;

/** The kernels compiled on this thread. */
export function kernels(): Kernels {
  compiled ??= new Function(KERNEL_SOURCE)() as Kernels;
  return compiled;
}

/** The source of an eval worker that takes resamples of a job until none are left, then says so. */
export const WORKER_SOURCE = kernelWorkerSource(
  KERNEL_SOURCE,
  'workerData.job, workerData.out, workerData.chunk, Infinity'
);
