import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  createScorer,
  loadSession,
  modelFromBytes,
  modelReport,
  planColumns,
  readModelFile,
  runBatches,
  splitResults,
  toPredictions
} from "./chunk-SMNZYP27.js";
import {
  renderEvaluationMarkdown
} from "./chunk-R5NXTFDY.js";
import {
  applyGates,
  decideVerdict,
  isChangeGate
} from "./chunk-XSKEY4FP.js";
import {
  METRIC_CATALOG,
  assertMetricRanges,
  higherIsBetter,
  isBootstrappable
} from "./chunk-T6Z2JEPL.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  loadColumns
} from "./chunk-36LIIZPY.js";
import {
  MLCI_VERSION
} from "./chunk-3U3CFE5T.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-UYG34LBZ.js";
import "./chunk-OIQXQKN5.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import "./chunk-J2XJ3L6O.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/evaluate.ts
import { join } from "node:path";

// src/gate/bootstrap.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// src/gate/kernels.ts
function areaLoops(suffix, load) {
  const untiedRow = (read, sums) => `{
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
    ${untiedRow(load, "0")}
    ${untiedRow(load.replace(/\[k\]/g, "[k + 1]"), "1")}
  }
  if (k < n) ${untiedRow(load, "0")}
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
var KERNEL_SOURCE = String.raw`
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
  let a = splitmix32(seed ^ Math.imul(resample + 1, 0x2545f491));
  let b = splitmix32(a ^ 0x6a09e667);
  let c = splitmix32(b ^ 0x3c6ef372);
  let d = splitmix32(c ^ 0x510e527f);
  if ((a | b | c | d) === 0) a = 1;
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
${areaLoops("Direct", "const v = rows[k]; const w = weights[k];")}
${areaLoops("Gather", "const v = rows[k]; const w = weights[v >>> 2];")}

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

return { TABLE, fillWeights, rankingPass, work };
`;
var compiled;
function kernels() {
  compiled ??= new Function(KERNEL_SOURCE)();
  return compiled;
}
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const k = (function () {${KERNEL_SOURCE}})();
k.work(workerData.job, workerData.out, workerData.chunk, Infinity);
parentPort.postMessage('done');
`;

// src/gate/poisson.ts
var POISSON_TABLE = kernels().TABLE;
function fillResampleWeights(seed, resample, weights) {
  kernels().fillWeights(seed, resample, weights);
}

// src/gate/bootstrap.ts
function percentile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function resampledRanking(plan, weights, withAp, accuracy) {
  const [auc, ap, a, b] = kernels().rankingPass(
    plan.positions,
    plan.positive,
    plan.lastOfTie,
    weights,
    withAp,
    accuracy?.a ?? null,
    accuracy?.b ?? null
  );
  const value = (x) => Number.isNaN(x) ? null : x;
  return {
    auc: value(auc),
    ap: value(ap),
    ...accuracy ? { accuracy: [value(a), value(b)] } : {}
  };
}
var RANKING = new Set(METRIC_CATALOG.filter((m) => m.source.from === "ranking").map((m) => m.name));
function negativesFirst(data) {
  const n = data.order.length;
  const order = new Uint32Array(n);
  const sortedPositive = new Uint8Array(n);
  let start = 0;
  for (let end = 0; end < n; end++) {
    if (data.lastOfTie[end] !== 1) continue;
    let j = start;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = start; k <= end; k++) {
        if (data.sortedPositive[k] !== pass) continue;
        order[j] = data.order[k];
        sortedPositive[j++] = pass;
      }
    }
    start = end + 1;
  }
  return { order, sortedPositive, lastOfTie: data.lastOfTie };
}
var PairedPlan = class {
  constructor(scorers, ranking) {
    this.scorers = scorers;
    this.n = scorers[0].rows;
    const referenceClass = scorers[0].task === "binary" ? 1 : 0;
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
  scorers;
  n;
  /** Rows in reference order (the candidate's ranking when a ranking metric is gated, else row order). */
  reference;
  referencePosition;
  plans = /* @__PURE__ */ new Map();
  correct = null;
  ranking(model, classIndex) {
    const key = `${model}:${classIndex}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const data = negativesFirst(
        this.scorers[model].ranking(classIndex)
      );
      const where = this.referencePosition;
      const positions = new Int32Array(this.n);
      for (let k = 0; k < this.n; k++) positions[k] = where[data.order[k]];
      plan = { positions, positive: data.sortedPositive, lastOfTie: data.lastOfTie };
      this.plans.set(key, plan);
    }
    return plan;
  }
  /** Whether each model got each row right, in reference order (for accuracy). */
  correctness() {
    if (!this.correct) {
      const flags = this.scorers.map((s) => {
        const rowFlags = s.correctness();
        if (!this.reference) return rowFlags;
        const out = new Uint8Array(this.n);
        for (let k = 0; k < this.n; k++) out[k] = rowFlags[this.reference[k]];
        return out;
      });
      this.correct = [flags[0], flags[1]];
    }
    return this.correct;
  }
  /** Row-order weights for the generic scorer. */
  rowWeights(weights, into) {
    if (!this.reference) return weights;
    const ref = this.reference;
    for (let k = 0; k < this.n; k++) into[ref[k]] = weights[k];
    return into;
  }
};
function weightedAccuracy(weights, correct) {
  let hits = 0;
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    hits += w * correct[k];
    total += w;
  }
  return total > 0 ? hits / total : null;
}
var FAST_BINARY = /* @__PURE__ */ new Set(["roc_auc", "average_precision", "accuracy"]);
var PARALLEL_MIN_WORK = 2e7;
function intervalOf(values, confidence) {
  const defined = values.filter((v) => !Number.isNaN(v));
  if (defined.length < 2)
    return { low: null, high: null, reason: "the metric is undefined in the resamples" };
  const sorted = defined.sort();
  const alpha = (1 - confidence) / 2;
  const low = percentile(sorted, alpha);
  const high = percentile(sorted, 1 - alpha);
  return { low, high, confidence, resamples: sorted.length, within_noise: low <= 0 && high >= 0 };
}
function startWorker(job, out, chunk) {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, out, chunk } });
  const finished = new Promise((resolve, reject) => {
    worker.once("message", () => {
      resolve();
      void worker.terminate();
    });
    worker.once("error", reject);
  });
  worker.unref();
  finished.catch(() => void 0);
  return { ref: () => worker.ref(), finished };
}
var GROUP_LOOP_MIN_SIZE = 8;
function areaPass(rows, lastOfTie, gather) {
  const n = lastOfTie.length;
  let groups = 0;
  for (let k = 0; k < n; k++) groups += lastOfTie[k];
  if (n < GROUP_LOOP_MIN_SIZE * groups) return { kind: 0, rows, gather, ends: null };
  const ends = new Int32Array(groups);
  for (let k = 0, g = 0; k < n; k++) if (lastOfTie[k] === 1) ends[g++] = k + 1;
  return { kind: 2, rows, gather, ends };
}
function binaryJob(candidate, baseline, metrics, seed) {
  const plan = new PairedPlan([candidate, baseline], true);
  const reference = plan.ranking(0, 1);
  const base = plan.ranking(1, 1);
  const accuracy = metrics.includes("accuracy");
  const [correctA, correctB] = accuracy ? plan.correctness() : [null, null];
  const n = plan.n;
  const first = (lastOfTie, k) => k === 0 || lastOfTie[k - 1] === 1 ? 1 : 0;
  const referenceFlags = new Uint8Array(n);
  let disagreements = 0;
  for (let k = 0; k < n; k++) {
    referenceFlags[k] = reference.positive[k] | first(reference.lastOfTie, k) << 1 | (correctA ? correctA[k] << 2 | correctB[k] << 3 : 0);
    if (correctA && correctA[k] !== correctB[k]) disagreements++;
  }
  const disagree = new Int32Array(disagreements);
  if (correctA) {
    for (let k = 0, j = 0; k < n; k++)
      if (correctA[k] !== correctB[k]) disagree[j++] = k << 1 | correctA[k];
  }
  const baselinePacked = new Int32Array(n);
  const positions = base.positions;
  for (let k = 0; k < n; k++)
    baselinePacked[k] = positions[k] << 2 | first(base.lastOfTie, k) << 1 | base.positive[k];
  const table = kernels().TABLE;
  const heaviest = table[table.length - 1];
  return {
    n,
    seed,
    withAp: metrics.includes("average_precision"),
    accuracy,
    // The fast loops multiply a weight by a sum of weights in int32 (with a factor 2 to spare).
    wide: 2 * heaviest * heaviest * n >= 2 ** 31,
    reference: areaPass(referenceFlags, reference.lastOfTie, false),
    baseline: areaPass(baselinePacked, base.lastOfTie, true),
    disagree
  };
}
var CHUNK = 8;
function startBinaryBootstrap(candidate, baseline, metrics, options, threads) {
  const job = binaryJob(candidate, baseline, metrics, options.seed);
  const R = options.resamples;
  const shared = (length) => new Float64Array(new SharedArrayBuffer(8 * length));
  const out = {
    auc: shared(R),
    ap: shared(R),
    acc: shared(R),
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Int32Array(new SharedArrayBuffer(4))
  };
  const workers = Array.from(
    { length: Math.max(0, Math.min(threads, Math.ceil(R / CHUNK)) - 1) },
    () => startWorker(job, out, CHUNK)
  );
  return {
    async result(onResample) {
      for (const w of workers) w.ref();
      while (kernels().work(job, out, CHUNK, CHUNK) > 0) onResample?.(Atomics.load(out.done, 0));
      await Promise.all(workers.map((w) => w.finished));
      onResample?.(R);
      const intervals = {};
      const keyOf = {
        roc_auc: "auc",
        average_precision: "ap",
        accuracy: "acc"
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
function startPairedBootstrap(candidate, baseline, metrics, options, parallel = {}) {
  if (metrics.length > 0 && options.resamples >= 2 && candidate.task === "binary" && metrics.every((m) => FAST_BINARY.has(m)) && metrics.some((m) => m !== "accuracy") && candidate.correctness !== void 0) {
    const work = candidate.rows * options.resamples;
    const threads = parallel.threads ?? (work < PARALLEL_MIN_WORK ? 1 : Math.min(4, availableParallelism()));
    return startBinaryBootstrap(candidate, baseline, metrics, options, threads);
  }
  return {
    result: (onResample) => genericBootstrap(candidate, baseline, metrics, options, onResample),
    cancel: () => void 0
  };
}
async function pairedBootstrap(candidate, baseline, metrics, options, onResample, parallel = {}) {
  return startPairedBootstrap(candidate, baseline, metrics, options, parallel).result(onResample);
}
async function genericBootstrap(candidate, baseline, metrics, options, onResample) {
  const out = {};
  if (metrics.length === 0) return out;
  if (options.resamples < 2) {
    for (const m of metrics) out[m] = { low: null, high: null, reason: "bootstrap disabled (resamples < 2)" };
    return out;
  }
  const classifier = candidate.task !== "regression";
  const ranking = metrics.filter((m) => classifier && RANKING.has(m));
  const accuracy = classifier && metrics.includes("accuracy") && candidate.correctness !== void 0;
  const rest = metrics.filter((m) => !ranking.includes(m) && !(accuracy && m === "accuracy"));
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
    const values = /* @__PURE__ */ new Map();
    let accuracyDone = false;
    if (ranking.includes("roc_auc") || ranking.includes("average_precision")) {
      const withAp = ranking.includes("average_precision");
      const fused = accuracy && plan.reference ? { a: plan.correctness()[0], b: plan.correctness()[1] } : void 0;
      const c = resampledRanking(plan.ranking(0, 1), weights, withAp, fused);
      const b = resampledRanking(plan.ranking(1, 1), weights, withAp);
      values.set("roc_auc", [c.auc, b.auc]);
      values.set("average_precision", [c.ap, b.ap]);
      if (c.accuracy) {
        values.set("accuracy", c.accuracy);
        accuracyDone = true;
      }
    }
    if (ranking.includes("roc_auc_ovr")) {
      const side = (model) => {
        let sum = 0;
        for (let c = 0; c < classes; c++) {
          const auc = resampledRanking(plan.ranking(model, c), weights, false).auc;
          if (auc === null) return null;
          sum += auc;
        }
        return sum / classes;
      };
      values.set("roc_auc_ovr", [side(0), side(1)]);
    }
    if (accuracy && !accuracyDone) {
      const [a, b] = plan.correctness();
      values.set("accuracy", [weightedAccuracy(weights, a), weightedAccuracy(weights, b)]);
    }
    if (rest.length > 0) {
      const w = plan.rowWeights(weights, rowWeights);
      const [c] = candidate.score({ weights: w, only });
      const [b] = baseline.score({ weights: w, only });
      for (const m of rest) values.set(m, [c[m]?.value, b[m]?.value]);
    }
    metrics.forEach((m, k) => {
      const [cv, bv] = values.get(m) ?? [null, null];
      if (typeof cv === "number" && typeof bv === "number") diffs[k][counts[k]++] = cv - bv;
    });
    onResample?.(r + 1);
  }
  const alpha = (1 - options.confidence) / 2;
  metrics.forEach((m, k) => {
    if (counts[k] < 2) {
      out[m] = { low: null, high: null, reason: "the metric is undefined in the resamples" };
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

// src/gate/deltas.ts
function computeDeltas(candidate, baseline, intervals = {}) {
  const out = {};
  for (const [metric, c] of Object.entries(candidate)) {
    const b = baseline ? baseline[metric] ?? null : null;
    const higher = higherIsBetter(metric);
    const both = c !== null && b !== null;
    const delta = both ? c - b : null;
    const entry = {
      candidate: c,
      baseline: b,
      delta,
      relative: both && b !== 0 ? delta / Math.abs(b) : null,
      higher_is_better: higher,
      change: delta === null ? null : delta === 0 ? "same" : delta > 0 === higher ? "better" : "worse"
    };
    if (intervals[metric]) entry.interval = intervals[metric];
    out[metric] = entry;
  }
  return out;
}
function changeGatedMetrics(gates) {
  return Object.entries(gates).filter(
    ([metric, spec]) => isBootstrappable(metric) && Object.keys(spec).some((k) => isChangeGate(k))
  ).map(([metric]) => metric);
}
function comparedChanges(gates) {
  const compared = gates.filter(
    (g) => !g.slice && isChangeGate(g.kind) && g.status !== "skipped" && g.candidate !== null && g.baseline !== null
  );
  return [...new Set(compared.map((g) => g.metric))];
}

// src/gate/slice-gates.ts
function applySliceGates(sliceGates, slices, sliceColumns, hasBaseline) {
  const results = [];
  for (const [column, specs] of Object.entries(sliceGates)) {
    if (!sliceColumns.includes(column)) {
      throw new InputError(
        `evaluate.slice_gates.${column}: "${column}" is not one of evaluate.slices (${sliceColumns.join(", ") || "none"})`
      );
    }
    for (const s of slices.filter((r) => r.column === column)) {
      if (s.skipped || !s.candidate) {
        results.push(...skippedSlice(specs, s));
        continue;
      }
      results.push(
        ...applyGates(specs, {
          candidate: { values: s.candidate },
          baseline: hasBaseline ? { values: s.baseline ?? {} } : null,
          slice: { column, value: s.value }
        })
      );
    }
  }
  return results;
}
function skippedSlice(specs, s) {
  const results = [];
  for (const [metric, spec] of Object.entries(specs)) {
    for (const kind of Object.keys(spec)) {
      results.push({
        metric,
        slice: { column: s.column, value: s.value },
        kind,
        threshold: spec[kind],
        status: "skipped",
        candidate: null,
        baseline: null,
        observed: null,
        reason: `slice skipped: ${s.skipped ?? "no metrics"}`
      });
    }
  }
  return results;
}

// src/evaluation/baseline.ts
async function resolveBaseline(lookup) {
  const tried = [];
  if (lookup.file) {
    const model = await readModelFile(lookup.file);
    return { model, source: { kind: "file", ref: lookup.file, tried: [`file ${lookup.file}`] } };
  }
  const alias = lookup.alias ?? PRODUCTION_ALIAS;
  if (lookup.registry && lookup.modelName) {
    const version = await lookup.registry.resolve({ name: lookup.modelName, alias });
    if (version) {
      const bytes = await lookup.registry.download(lookup.modelName, version.version);
      const ref = `${lookup.modelName}@v${version.version} (alias ${alias})`;
      tried.push(`registry: ${ref}`);
      return {
        model: modelFromBytes(bytes, `registry ${ref}`),
        source: { kind: "registry", ref, version: version.version, tried }
      };
    }
    tried.push(`registry: no ${lookup.modelName}@${alias}`);
  } else {
    tried.push(lookup.registry ? "registry: no model name given" : "registry: none configured");
  }
  if (lookup.artifact) {
    const found = await lookup.artifact();
    if (found) {
      tried.push(`artifact: ${found.ref}`);
      return {
        model: modelFromBytes(found.bytes, `artifact ${found.ref}`),
        source: { kind: "artifact", ref: found.ref, tried }
      };
    }
    tried.push("artifact: no successful main-branch run with an unexpired model artifact");
  }
  return { model: null, source: { kind: "none", ref: null, tried } };
}

// src/evaluation/drift-summary.ts
import { readFile } from "node:fs/promises";
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : null;
async function readDriftSummary(path) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = error.code;
    throw new InputError(
      code === "ENOENT" ? `validation file not found: ${path}` : `${path}: not valid JSON (${error.message})`
    );
  }
  const doc = parsed ?? {};
  const raw = doc.drift;
  let entries = [];
  if (Array.isArray(raw)) entries = raw.map((e) => [String(e.column ?? ""), e]);
  else if (raw && typeof raw === "object") {
    const obj = raw;
    const columns = obj.columns && typeof obj.columns === "object" ? obj.columns : obj;
    entries = Object.entries(columns).filter(([, e]) => e && typeof e === "object" && "drifted" in e);
  }
  return {
    source: path,
    verdict: typeof doc.verdict === "string" ? doc.verdict : null,
    columns: entries.length,
    drifted: entries.filter(([, e]) => e.drifted === true).map(([column, e]) => ({
      column,
      test: typeof e.test === "string" ? e.test : null,
      statistic: num(e.statistic),
      p_value: num(e.p_value),
      threshold: num(e.threshold)
    }))
  };
}

// src/evaluation/slices.ts
function scoreSlices(data, columns, minSize, scorers, sources) {
  const reports = [];
  for (const column of columns) {
    const grouping = groupSlices(data, column, minSize);
    const perModel = scorers.map(
      (sc) => sc.score({ groupOf: grouping.groupOf, groups: grouping.values.length }).map(splitResults)
    );
    grouping.values.forEach((value, g) => {
      perModel.forEach((m, i) => assertMetricRanges(m[g].values, `${sources[i]} [${column}=${value}]`));
      reports.push({
        column,
        value,
        rows: grouping.sizes[g],
        candidate: perModel[0][g].values,
        baseline: perModel[1] ? perModel[1][g].values : null
      });
    });
    reports.push(...grouping.skipped);
  }
  return reports;
}
var MAX_SLICE_VALUES = 50;
function groupSlices(data, column, minSize) {
  const n = data.rowCount;
  const { raw, names, counts } = data.coded?.[column] ? codedValues(data.coded[column], n) : distinctValues(data, column);
  const byValue = names.map((name, id) => ({ name, id, size: counts[id] })).filter((entry) => entry.size > 0).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  const remap = new Int32Array(names.length).fill(-1);
  const values = [];
  const sizes = [];
  const skipped = [];
  const skip = (entry, why) => skipped.push({
    column,
    value: entry.name,
    rows: entry.size,
    candidate: null,
    baseline: null,
    skipped: why
  });
  for (const entry of byValue) {
    if (entry.size < minSize) {
      skip(entry, `fewer than ${minSize} rows`);
    } else if (values.length >= MAX_SLICE_VALUES) {
      skip(entry, `beyond the ${MAX_SLICE_VALUES} largest slices`);
    } else {
      remap[entry.id] = values.length;
      values.push(entry.name);
      sizes.push(entry.size);
    }
  }
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = remap[raw[i]];
  return { column, groupOf, values, sizes, skipped };
}
function distinctValues(data, column) {
  const numeric = data.numeric[column];
  const text = data.text[column];
  const n = data.rowCount;
  const raw = new Int32Array(n);
  const ids = /* @__PURE__ */ new Map();
  const counts = [];
  for (let i = 0; i < n; i++) {
    const v = numeric ? Number.isNaN(numeric[i]) ? "(null)" : String(numeric[i]) : text[i] ?? "(null)";
    let id = ids.get(v);
    if (id === void 0) {
      id = ids.size;
      ids.set(v, id);
      counts.push(0);
    }
    counts[id]++;
    raw[i] = id;
  }
  return { raw, names: [...ids.keys()], counts };
}
function codedValues(column, n) {
  const spelled = column.values.indexOf("(null)");
  const nullId = spelled >= 0 ? spelled : column.values.length;
  const raw = new Int32Array(n);
  const counts = new Array(nullId + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const id = column.codes[i] < 0 ? nullId : column.codes[i];
    raw[i] = id;
    counts[id]++;
  }
  return { raw, names: spelled >= 0 ? column.values : [...column.values, "(null)"], counts };
}

// src/stages/evaluate.ts
var DEFAULT_BOOTSTRAP = { resamples: 1e3, seed: 0, confidence: 0.95 };
function stopwatch() {
  const timings = {};
  const timed = async (name, work) => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
  return { timings, timed };
}
async function evaluate(request) {
  const progress = request.progress ?? silentProgress;
  const { timings, timed } = stopwatch();
  const task = request.task;
  if (!["binary", "multiclass", "regression"].includes(task)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  const batchSize = request.batchSize ?? 8192;
  const minSliceSize = request.minSliceSize ?? 30;
  const bootstrap = {
    resamples: request.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP.resamples,
    seed: request.bootstrap?.seed ?? DEFAULT_BOOTSTRAP.seed,
    confidence: request.bootstrap?.confidence ?? DEFAULT_BOOTSTRAP.confidence
  };
  const { sessions, baselineSource, drift } = await loadModels(request, timed);
  const slices = request.slices ?? [];
  const columns = [.../* @__PURE__ */ new Set([request.label, ...sessions.flatMap((s) => planColumns(s.plan)), ...slices])];
  progress.start(`reading ${request.data}`);
  const data = await timed("read", () => loadColumns(request.data, columns, request.source));
  progress.finish(`${data.rowCount} rows`);
  if (data.rowCount === 0) throw new InputError(`${request.data}: no rows to evaluate`);
  progress.start("scoring", data.rowCount);
  const outputs = await timed(
    "inference",
    () => runBatches(sessions, data, batchSize, request.data, (done) => progress.update(done))
  );
  progress.finish();
  sessions.forEach((s, i) => {
    if (s.choice)
      progress.info(
        `${i === 0 ? "candidate" : "baseline"}: read output "${s.choice.name}" (${s.choice.reason})`
      );
  });
  const predictions = sessions.map(
    (s, i) => toPredictions(task, s, outputs[i], data, request.label, request.data, request.threshold)
  );
  sameClasses(predictions);
  const scorers = predictions.map((p) => createScorer(p));
  const changeGated = changeGatedMetrics(request.gates ?? {});
  const bootstrapStarted = performance.now();
  const bootstrapRun = scorers.length === 2 && changeGated.length > 0 && bootstrap.resamples > 0 ? startPairedBootstrap(scorers[0], scorers[1], changeGated, bootstrap) : null;
  const [candidate, baseline = null] = await timed(
    "metrics",
    () => sessions.map((s, i) => modelReport(s, predictions[i], scorers[i], outputs[i], batchSize))
  );
  const sliceReports = await timed(
    "slices",
    () => scoreSlices(
      data,
      slices,
      minSliceSize,
      scorers,
      sessions.map((s) => s.model.source)
    )
  );
  const gates = [
    ...applyGates(request.gates ?? {}, {
      candidate: { values: candidate.metrics, reasons: candidate.undefined_reasons },
      baseline: baseline ? { values: baseline.metrics, reasons: baseline.undefined_reasons } : null
    }),
    ...applySliceGates(request.sliceGates ?? {}, sliceReports, slices, baseline !== null)
  ];
  const gatedChanges = baseline ? comparedChanges(gates) : [];
  const intervals = await gateIntervals(gates, gatedChanges, {
    scorers,
    bootstrap,
    run: bootstrapRun,
    runMetrics: changeGated,
    progress,
    timed,
    // The bootstrap's time counts from its start, overlapping the metrics and slices.
    done: () => timings.bootstrap = Math.round(performance.now() - bootstrapStarted)
  });
  const verdict = decideVerdict(gates, baseline !== null);
  const history = await timed("history", () => registryHistory(request, gates, candidate.metrics));
  const evaluation = {
    schema_version: 1,
    mlci_version: MLCI_VERSION,
    created: (/* @__PURE__ */ new Date()).toISOString(),
    task,
    model_name: request.modelName ?? null,
    label: request.label,
    threshold: request.threshold ?? null,
    data: { source: request.data, rows: data.rowCount },
    candidate,
    baseline,
    baseline_source: baselineSource,
    deltas: computeDeltas(candidate.metrics, baseline?.metrics ?? null, intervals),
    slices: sliceReports,
    min_slice_size: minSliceSize,
    gates,
    bootstrap: gatedChanges.length > 0 ? { ...bootstrap, scheme: "poisson" } : null,
    drift,
    history,
    verdict: verdict.verdict,
    rubber_stamp: verdict.rubber_stamp,
    summary: verdict.summary,
    timings_ms: timings
  };
  return writeResult(request, evaluation, outputs);
}
async function gateIntervals(gates, metrics, o) {
  if (metrics.length === 0 || o.bootstrap.resamples === 0) {
    o.run?.cancel();
    return {};
  }
  o.progress.start("paired bootstrap", o.bootstrap.resamples);
  const bootstrappable = metrics.filter(isBootstrappable);
  const update = (done) => o.progress.update(done);
  const all = await o.timed(
    "bootstrap_join",
    async () => o.run && bootstrappable.every((m) => o.runMetrics.includes(m)) ? o.run.result(update) : pairedBootstrap(o.scorers[0], o.scorers[1], bootstrappable, o.bootstrap, update)
  );
  o.done();
  o.progress.finish();
  const intervals = Object.fromEntries(
    bootstrappable.map((m) => [m, all[m]])
  );
  for (const g of gates)
    if (!g.slice && isChangeGate(g.kind) && intervals[g.metric]) g.interval = intervals[g.metric];
  return intervals;
}
async function loadModels(request, timed) {
  const candidateFile = await readModelFile(request.model);
  const { model: baselineFile, source: baselineSource } = await timed(
    "baseline",
    () => resolveBaseline({
      file: request.baseline,
      registry: request.registry,
      modelName: request.modelName,
      alias: request.baselineAlias,
      artifact: request.artifactBaseline
    })
  );
  const drift = request.validation ? await readDriftSummary(request.validation) : null;
  const sessions = await timed("load_models", async () => {
    const list = [await loadSession(candidateFile, request.task, request.features, request.output)];
    if (baselineFile) {
      const named = baselineFile.signature.outputs.some((o) => o.name === request.output);
      list.push(
        await loadSession(baselineFile, request.task, request.features, named ? request.output : void 0)
      );
    }
    return list;
  });
  return { sessions, baselineSource, drift };
}
function sameClasses(predictions) {
  const [a, b] = predictions;
  if (!b || a.task === "regression" || b.task === "regression") return;
  if (a.labels.join("\0") !== b.labels.join("\0")) {
    throw new InputError(
      `the baseline's classes (${b.labels.join(", ")}) differ from the candidate's (${a.labels.join(", ")})`
    );
  }
}
async function writeResult(request, evaluation, outputs) {
  const markdown = renderEvaluationMarkdown(evaluation);
  const files = [];
  if (request.out) {
    const jsonPath = join(request.out, "evaluation.json");
    const mdPath = join(request.out, "evaluation.md");
    await writeJsonAtomic(jsonPath, evaluation);
    await writeFileAtomic(mdPath, markdown);
    files.push(jsonPath, mdPath);
  }
  if (request.predictionsOut) {
    await writeFileAtomic(request.predictionsOut, predictionsCsv(outputs, ["candidate", "baseline"]));
    files.push(request.predictionsOut);
  }
  return { evaluation, markdown, files };
}
function predictionsCsv(outputs, names) {
  const header = outputs.flatMap((o, m) => Array.from({ length: o.width }, (_, c) => `${names[m]}_${c}`));
  const rows = outputs.length > 0 ? outputs[0].values.length / outputs[0].width : 0;
  const parts = [header.join(",")];
  for (let i = 0; i < rows; i++) {
    const cells = [];
    for (const o of outputs) for (let c = 0; c < o.width; c++) cells.push(String(o.values[i * o.width + c]));
    parts.push(cells.join(","));
  }
  return parts.join("\n") + "\n";
}
async function registryHistory(request, gates, candidate) {
  if (!request.registry || !request.modelName) return null;
  const metrics = [...new Set(gates.filter((g) => !g.slice).map((g) => g.metric))];
  if (metrics.length === 0) return null;
  const versions = await request.registry.list(request.modelName);
  const last = versions.slice(-(request.historyVersions ?? 10));
  const pick = (m) => Object.fromEntries(metrics.map((k) => [k, m[k] ?? null]));
  return [
    ...last.map((v) => ({ label: `v${v.version}`, metrics: pick(v.metrics) })),
    { label: "candidate", metrics: pick(candidate) }
  ];
}
export {
  evaluate
};
