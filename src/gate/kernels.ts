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

// Poisson(1) weights of one resample: xoshiro128** seeded by splitmix32(seed, resample), two per draw.
function fillWeights(seed, resample, weights) {
  let a = splitmix32(seed ^ Math.imul(resample + 1, 0x2545f491));
  let b = splitmix32(a ^ 0x6a09e667);
  let c = splitmix32(b ^ 0x3c6ef372);
  let d = splitmix32(c ^ 0x510e527f);
  if ((a | b | c | d) === 0) a = 1;
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
  let tp = 0, fp = 0, tp0 = 0, fp0 = 0, area = 0, ap = 0, hitsA = 0, hitsB = 0;
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

// Resamples [from, to) of a binary paired job: differences candidate − baseline (NaN when undefined).
function runRange(job, from, to) {
  const count = to - from;
  const auc = new Float64Array(count), ap = new Float64Array(count), acc = new Float64Array(count);
  const weights = new Uint8Array(job.n);
  const ref = job.reference, base = job.baseline;
  for (let r = from; r < to; r++) {
    fillWeights(job.seed, r, weights);
    const c = rankingPass(null, ref.positive, ref.lastOfTie, weights, job.withAp, job.accuracy ? ref.correctA : null, job.accuracy ? ref.correctB : null);
    const b = rankingPass(base.positions, base.positive, base.lastOfTie, weights, job.withAp, null, null);
    auc[r - from] = c[0] - b[0];
    ap[r - from] = c[1] - b[1];
    acc[r - from] = c[2] - c[3];
  }
  return { auc, ap, acc };
}

return { TABLE, fillWeights, rankingPass, runRange };
`;

/** A binary paired bootstrap job: the candidate's order is the reference, the baseline's gathers from it. */
export interface BinaryJob {
  n: number;
  seed: number;
  withAp: boolean;
  accuracy: boolean;
  reference: {
    positive: Uint8Array;
    lastOfTie: Uint8Array;
    correctA: Uint8Array | null;
    correctB: Uint8Array | null;
  };
  baseline: { positions: Int32Array; positive: Uint8Array; lastOfTie: Uint8Array };
}

/** Differences of resamples [from, to): roc_auc, average_precision, accuracy. */
export interface RangeResult {
  auc: Float64Array;
  ap: Float64Array;
  acc: Float64Array;
}

/** The compiled kernels. */
export interface Kernels {
  TABLE: Uint8Array;
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
  runRange(job: BinaryJob, from: number, to: number): RangeResult;
}

let compiled: Kernels | undefined;

/** The kernels compiled on this thread. */
export function kernels(): Kernels {
  compiled ??= new Function(KERNEL_SOURCE)() as Kernels;
  return compiled;
}

/** The source of an eval worker that runs one range of a job and posts the result back. */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const k = (function () {${KERNEL_SOURCE}})();
const res = k.runRange(workerData.job, workerData.from, workerData.to);
parentPort.postMessage(res, [res.auc.buffer, res.ap.buffer, res.acc.buffer]);
`;
