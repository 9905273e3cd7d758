import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  CALIBRATION_BINS,
  brierScoreLoss,
  calibrationBin,
  calibrationEdges,
  calibrationInputs,
  createScorer,
  eceFromBins,
  logLoss,
  modelFromBytes,
  modelReport,
  openSession,
  planColumns,
  planSession,
  planTextColumns,
  readModelFile,
  runBatches,
  splitResults,
  toPredictions
} from "./chunk-TKPSPE6W.js";
import {
  definedOnly
} from "./chunk-IFKVXW54.js";
import "./chunk-GL4WARX4.js";
import {
  diffLineage,
  nothingToCompare,
  renderEvaluationMarkdown,
  snapshotFromTraining,
  snapshotFromVersion
} from "./chunk-YQQ3ZFQT.js";
import {
  MIN_INTERVAL_ROWS,
  verdictFromExact,
  verdictFromInterval,
  verdictFromSpread
} from "./chunk-JVGBYGGF.js";
import {
  applyGates,
  decideVerdict,
  isChangeGate
} from "./chunk-ZK7UXQ2T.js";
import "./chunk-ASXTV7AU.js";
import "./chunk-ANVENSJ6.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  lazyText,
  loadColumns,
  prepareReader,
  sourceColumnNames
} from "./chunk-WAJABHFO.js";
import {
  MLCI_VERSION
} from "./chunk-3U3CFE5T.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-5CQ3ZZSA.js";
import "./chunk-R2X24BNK.js";
import {
  TRAINING_RECORD_SCHEMA
} from "./chunk-J2OQGLLM.js";
import "./chunk-CZJ54TB3.js";
import "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-36UX5SSD.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U7QWIZPG.js";
import {
  MAPE_EPS,
  METRICS_BY_TASK,
  METRIC_CATALOG,
  MODEL_METRICS_BY_TASK,
  assertMetricRanges,
  higherIsBetter,
  isBootstrappable,
  measuredBy,
  sliceTableMetrics
} from "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/evaluate.ts
import { join as join2 } from "node:path";

// src/gate/bootstrap.ts
import { availableParallelism } from "node:os";

// src/gate/worker.ts
import { Worker } from "node:worker_threads";
function startKernelWorker(source, workerData) {
  const worker = new Worker(source, { eval: true, workerData });
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
function kernelWorkerSource(kernelSource, args) {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const k = (function () {${kernelSource}})();
k.work(${args});
parentPort.postMessage('done');
`;
}

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

return { TABLE, seedState, fillWeights, rankingPass, work };
`;
var compiled;
function kernels() {
  compiled ??= new Function(KERNEL_SOURCE)();
  return compiled;
}
var WORKER_SOURCE = kernelWorkerSource(
  KERNEL_SOURCE,
  "workerData.job, workerData.out, workerData.chunk, Infinity"
);

// src/gate/poisson.ts
var POISSON_TABLE = kernels().TABLE;
function fillResampleWeights(seed, resample, weights) {
  kernels().fillWeights(seed, resample, weights);
}

// src/gate/table-plan-rows.ts
var PLAN_ROWS_SOURCE = String.raw`
const TYPES = { i32: Int32Array, u32: Uint32Array, u8: Uint8Array, f64: Float64Array };

// A ranking's rows with negatives first within each tie (ROC area's and precision's order).
function negativesFirst({ order, sortedPositive, lastOfTie, outOrder, outPositive }) {
  const n = order.length;
  let start = 0;
  for (let end = 0; end < n; end++) {
    if (lastOfTie[end] !== 1) continue;
    let j = start;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = start; k <= end; k++) {
        if (sortedPositive[k] !== pass) continue;
        outOrder[j] = order[k];
        outPositive[j++] = pass;
      }
    }
    start = end + 1;
  }
}

// out[row] = its position in the reference order.
function positions({ order, out }) {
  for (let k = 0; k < order.length; k++) out[order[k]] = k;
}

// Per-row terms in reference order, interleaved: out[k × terms + t] = rows[t][order[k]]
// (term by term: interleaving row by row measured slower).
function interleave({ rows, order, out }) {
  const T = rows.length;
  for (let t = 0; t < T; t++) {
    const values = rows[t];
    const n = values.length;
    if (order) for (let k = 0; k < n; k++) out[k * T + t] = values[order[k]];
    else for (let k = 0; k < n; k++) out[k * T + t] = values[k];
  }
}

// A strata set's code and stratum per reference position: each row's code is formed in row order
// first (sequential reads), then read once per row in reference order. The code is the stratum
// (the members' values, "none" as the last value) × perStratum + the joint cell
// (true class × C² + candidate's prediction × C + baseline's; 0 without classes).
function strataCodes({ columns, none, radix, y, a, b, classes, perStratum, order, rowCode, code, stratum }) {
  const n = code.length;
  const C = classes;
  for (let i = 0; i < n; i++) {
    let st = 0;
    for (let m = 0; m < columns.length; m++) {
      const v = columns[m][i];
      st = st * radix[m] + (v < 0 ? none[m] : v);
    }
    rowCode[i] = st * perStratum + (y ? y[i] * C * C + a[i] * C + b[i] : 0);
  }
  for (let k = 0; k < n; k++) {
    const c = rowCode[order ? order[k] : k];
    code[k] = c;
    stratum[k] = Math.floor(c / perStratum);
  }
}

// One byte per row where the values fit (255: no value): the ranking passes read it at random.
function compact({ groupOf, out }) {
  for (let i = 0; i < groupOf.length; i++) out[i] = groupOf[i] < 0 ? 255 : groupOf[i];
}

// Byte offset of each row's 8 weights, for a ranking read in its own order.
function weightOffsets({ positions, order, out }) {
  for (let k = 0; k < order.length; k++) out[k] = 8 * positions[order[k]];
}

// The precision-step flag of a tie's last row: negatives come first in a tie, so its last row is
// positive iff it holds a positive; a tie without one adds exactly 0 to average precision and
// leaves tp0 as it is, so it needs no step.
function step(lastRow) {
  return (lastRow & 1) << 2;
}

// The whole data as one segment, packed as segments() packs a group's rows: a row starts a tie
// after the end of one, and is a precision step when it ends a tie and is positive. A loop of its
// own: no grouping to look up per row.
function wholeSegment({ sortedPositive, lastOfTie, rows, ends }) {
  const n = rows.length;
  let first = 2;
  for (let k = 0; k < n; k++) {
    const positive = sortedPositive[k];
    const last = k === n - 1 ? 1 : lastOfTie[k];
    rows[k] = (k << 3) | ((last & positive) << 2) | first | positive;
    first = last << 1;
  }
  ends[0] = n;
}

// A ranking's rows grouped by value (stable, so each segment stays in descending score order and
// negatives first within a tie), packed for the kernel: its rank k (where its weights are) << 3 |
// precision step << 2 | first of tie << 1 | positive, ties taken within the segment. Two rows of a
// segment share a threshold when no tie boundary of the whole ranking lies between them: a running
// count of boundaries replaces comparing their scores. A row that starts a tie in its segment also
// ends the previous one there. A group below 0 (Int32Array) or of 255 (Uint8Array) is no group.
function segments({ order, sortedPositive, lastOfTie, groupOf, rows, ends }) {
  const n = order.length;
  const groups = ends.length;
  const counts = new Int32Array(groups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] >>> 0;
    if (g < groups) counts[g]++;
  }
  const cursor = new Int32Array(groups);
  let total = 0;
  for (let g = 0; g < groups; g++) {
    cursor[g] = total;
    total += counts[g];
    ends[g] = total;
  }
  const tieOf = new Int32Array(groups).fill(-1);
  let tie = 0;
  for (let k = 0; k < n; k++) {
    const g = groupOf[order[k]] >>> 0;
    if (g < groups) {
      const at = cursor[g]++;
      let v = (k << 3) | sortedPositive[k];
      if (tieOf[g] !== tie) {
        if (tieOf[g] >= 0) rows[at - 1] |= step(rows[at - 1]);
        tieOf[g] = tie;
        v |= 2;
      }
      rows[at] = v;
    }
    tie += lastOfTie[k];
  }
  for (let g = 0; g < groups; g++) if (counts[g] > 0) rows[ends[g] - 1] |= step(rows[ends[g] - 1]);
}

const STEPS = { negativesFirst, positions, strataCodes, compact, weightOffsets, wholeSegment, segments };

// A step's argument: an array by address ({ type, at, length }), a list of them, or a plain value.
function resolve(buffer, v) {
  if (Array.isArray(v)) return v.map((x) => resolve(buffer, x));
  if (v !== null && typeof v === 'object' && v.type in TYPES) return new TYPES[v.type](buffer, v.at, v.length);
  return v;
}

// Runs the steps in order over the memory's current buffer.
function run(memory, steps) {
  const buffer = memory.buffer;
  for (const s of steps) {
    const args = {};
    for (const key of Object.keys(s.args)) args[key] = resolve(buffer, s.args[key]);
    STEPS[s.op](args);
  }
}

return { run, negativesFirst, interleave };
`;
function refOf(view) {
  const tag = (x) => Object.prototype.toString.call(x).slice(8, -1);
  if (tag(view.buffer) !== "SharedArrayBuffer")
    throw new Error("a plan step reads only arrays placed in the table memory");
  const type = TYPE_OF_TAG[tag(view)];
  if (!type) throw new Error(`a plan step cannot read a ${tag(view)}`);
  return { type, at: view.byteOffset, length: view.length };
}
var TYPE_OF_TAG = {
  Int32Array: "i32",
  Uint32Array: "u32",
  Uint8Array: "u8",
  Float64Array: "f64"
};
function planStep(op, args) {
  const out = {};
  for (const [key, v] of Object.entries(args)) {
    if (v === null || typeof v === "number") out[key] = v;
    else if (Array.isArray(v)) out[key] = v.map((x) => typeof x === "number" ? x : refOf(x));
    else out[key] = refOf(v);
  }
  return { op, args: out };
}
var compiled2;
function planRows() {
  compiled2 ??= new Function(PLAN_ROWS_SOURCE)();
  return compiled2;
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
  const out = { order: new Uint32Array(n), sortedPositive: new Uint8Array(n), lastOfTie: data.lastOfTie };
  planRows().negativesFirst({ ...data, outOrder: out.order, outPositive: out.sortedPositive });
  return out;
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
    () => startKernelWorker(WORKER_SOURCE, { job, out, chunk: CHUNK })
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
function changeVerdict(metric, delta, interval, spreads) {
  if (delta === null) return null;
  const fromInterval = verdictFromInterval(metric, interval);
  if (fromInterval) return fromInterval;
  const measured = measuredBy(metric);
  if (measured === "exact") return verdictFromExact(metric, delta);
  if (measured === "timed" && spreads) return verdictFromSpread(metric, spreads[0], spreads[1]);
  return delta === 0 ? "within_noise" : null;
}
function computeDeltas(candidate, baseline, intervals = {}, spreads = {}) {
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
      change: changeVerdict(metric, delta, intervals[metric], spreads[metric])
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
          candidate: { values: s.candidate, reasons: s.undefined_reasons?.candidate },
          baseline: hasBaseline ? { values: s.baseline ?? {}, reasons: s.undefined_reasons?.baseline ?? void 0 } : null,
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

// src/lineage/lineage-of.ts
import { readFile as readFile2 } from "node:fs/promises";
import { dirname, join } from "node:path";
async function whatChanged(models) {
  const base = models.baseline;
  if (!base || base.kind === "none")
    return nothingToCompare(null, "first run: no production model to compare with");
  const ref = base.ref ?? base.kind;
  const candidate = await recordBeside(models.candidate.path, models.candidate.sha256);
  if (!candidate)
    return nothingToCompare(
      ref,
      "the candidate has no training.json of its own beside it (mlci train writes one), so its lineage is unknown"
    );
  const baseline = await baselineSnapshot(models, base);
  if (typeof baseline === "string") return nothingToCompare(ref, baseline);
  return diffLineage(baseline, snapshotFromTraining(candidate), ref);
}
async function baselineSnapshot(models, base) {
  if (base.kind === "registry" && models.registry && models.modelName && base.version !== void 0) {
    const version = await models.registry.resolve({ name: models.modelName, version: base.version });
    if (!version) return `${base.ref} is not in the registry any more`;
    if (version.assets.includes("training.json")) {
      const bytes = await models.registry.download(models.modelName, base.version, "training.json").catch(() => null);
      const record = bytes && parseRecord(new TextDecoder().decode(bytes), version.sha256);
      if (record) return snapshotFromTraining(record);
    }
    return snapshotFromVersion(version.lineage);
  }
  if (base.kind === "file" && base.path) {
    const record = await recordBeside(base.path, base.sha256);
    return record ? snapshotFromTraining(record) : `the baseline ${base.path} has no training.json of its own beside it, so its lineage is unknown`;
  }
  return "the baseline came from a CI artifact, which carries no training lineage";
}
async function recordBeside(model, sha256) {
  let text;
  try {
    text = await readFile2(join(dirname(model), "training.json"), "utf8");
  } catch {
    return null;
  }
  return parseRecord(text, sha256);
}
function parseRecord(text, sha256) {
  try {
    const value = JSON.parse(text);
    if (value?.schema !== TRAINING_RECORD_SCHEMA) return null;
    return value.model?.sha256 === sha256 ? value : null;
  } catch {
    return null;
  }
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
      const reasons = perModel.map((m) => m[g].reasons);
      const anyReason = reasons.some((r) => Object.keys(r).length > 0);
      reports.push({
        column,
        value,
        rows: grouping.sizes[g],
        candidate: perModel[0][g].values,
        baseline: perModel[1] ? perModel[1][g].values : null,
        ...anyReason ? { undefined_reasons: { candidate: reasons[0], baseline: reasons[1] ?? null } } : {}
      });
    });
    reports.push(...grouping.skipped.map((report) => ({ ...report })));
  }
  return reports;
}
var MAX_SLICE_VALUES = 50;
var groupingCache = /* @__PURE__ */ new WeakMap();
function groupSlices(data, column, minSize) {
  let cached = groupingCache.get(data);
  if (!cached) groupingCache.set(data, cached = /* @__PURE__ */ new Map());
  const key = `${minSize}\0${column}`;
  let grouping = cached.get(key);
  if (!grouping) cached.set(key, grouping = formGroups(data, column, minSize));
  return grouping;
}
function formGroups(data, column, minSize) {
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

// src/gate/table-bootstrap.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// src/gate/table-calibration.ts
var HIT_CELLS = 4;
function calibrationSet(predictions, memory, offset) {
  if (predictions.some((p) => p.task === "regression")) return null;
  const n = predictions[0].y.length;
  const code = memory.i32(n);
  const stratum = memory.i32(n);
  const terms = memory.f64(2 * n);
  const strata = CALIBRATION_BINS * CALIBRATION_BINS;
  const set = {
    code,
    stratum,
    strata,
    cells: strata * HIT_CELLS,
    termCount: 2,
    wholeTerms: 0,
    terms,
    offset
  };
  const fill = (order) => {
    const [a, b] = predictions.map(calibrationInputs);
    const inner = calibrationEdges(CALIBRATION_BINS);
    const rowCode = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const st = calibrationBin(a.confidence[i], inner) * CALIBRATION_BINS + calibrationBin(b.confidence[i], inner);
      rowCode[i] = st * HIT_CELLS + a.hit[i] * 2 + b.hit[i];
    }
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k;
      const c = rowCode[i];
      code[k] = c;
      stratum[k] = Math.floor(c / HIT_CELLS);
      terms[2 * k] = a.confidence[i];
      terms[2 * k + 1] = b.confidence[i];
    }
  };
  return { set, fill };
}
function resampledCalibration(set, record, at) {
  const B = CALIBRATION_BINS;
  const base = at + set.offset;
  const sums = at + set.offset + set.cells;
  const bins = () => ({ rows: new Float64Array(B), sums: new Float64Array(B), hits: new Float64Array(B) });
  const [ca, cb] = [bins(), bins()];
  for (let ba = 0; ba < B; ba++)
    for (let bb = 0; bb < B; bb++) {
      const st = ba * B + bb;
      for (let cell = 0; cell < HIT_CELLS; cell++) {
        const w = record[base + st * HIT_CELLS + cell];
        ca.rows[ba] += w;
        cb.rows[bb] += w;
        ca.hits[ba] += (cell >> 1) * w;
        cb.hits[bb] += (cell & 1) * w;
      }
      ca.sums[ba] += record[sums + st];
      cb.sums[bb] += record[sums + set.strata + st];
    }
  return [eceFromBins(ca.rows, ca.sums, ca.hits), eceFromBins(cb.rows, cb.sums, cb.hits)];
}

// src/gate/table-plan-rankings.ts
var RANKED = ["roc_auc", "roc_auc_ovr", "average_precision"];
function placed(memory, type, n) {
  const at = memory.place(type.BYTES_PER_ELEMENT * n);
  return new type(memory.memory.buffer, at, n);
}
function staged(memory, values) {
  const out = placed(
    memory,
    values.constructor,
    values.length
  );
  out.set(values);
  return out;
}
function referenceRanking(scorer, c, memory) {
  const raw = scorer.ranking(c);
  const n = raw.order.length;
  const out = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: staged(memory, raw.lastOfTie)
  };
  planRows().negativesFirst({ ...raw, outOrder: out.order, outPositive: out.sortedPositive });
  return out;
}
function placeRanking(scorer, c, memory, steps, stage) {
  const n = scorer.rows;
  const input = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: placed(memory, Uint8Array, n)
  };
  const copyIn = () => {
    const raw = scorer.ranking(c);
    input.order.set(raw.order);
    input.sortedPositive.set(raw.sortedPositive);
    input.lastOfTie.set(raw.lastOfTie);
  };
  const before = stage.fill;
  stage.fill = () => {
    before();
    copyIn();
  };
  const out = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: input.lastOfTie
  };
  steps.push(planStep("negativesFirst", { ...input, outOrder: out.order, outPositive: out.sortedPositive }));
  return out;
}
function rowsWithValue(g) {
  let rows = 0;
  for (let i = 0; i < g.groupOf.length; i++) if (g.groupOf[i] >= 0) rows++;
  return rows;
}
function planRankings(scorers, groupings, columns, reference, options, at, later, into) {
  if (options.rankingClasses.length === 0) return;
  const { memory, steps } = at;
  const n = scorers[0].rows;
  const order = reference?.order ?? null;
  const refPos = memory.i32(n);
  if (order) steps.push(planStep("positions", { order, out: refPos }));
  const referenceClass = scorers[0].task === "binary" ? 1 : 0;
  const compact = groupings.map((g, j) => {
    if (g.values.length >= 255 || !g.metrics.some((m) => RANKED.includes(m))) return columns[j];
    const out = placed(memory, Uint8Array, n);
    steps.push(planStep("compact", { groupOf: columns[j], out }));
    return out;
  });
  const segmentRows = groupings.map(
    (g) => g.metrics.some((m) => RANKED.includes(m)) ? rowsWithValue(g) : 0
  );
  for (const m of [0, 1]) {
    for (const c of options.rankingClasses) {
      const isReference = m === 0 && c === referenceClass && reference !== null;
      const stepsOf = isReference ? steps : later.steps;
      const data = isReference ? reference : placeRanking(scorers[m], c, memory, stepsOf, later);
      let gather = null;
      if (!isReference) {
        gather = memory.i32(n);
        stepsOf.push(planStep("weightOffsets", { positions: refPos, order: data.order, out: gather }));
      }
      rankingPasses(data, gather, groupings, options.metrics, { compact, segmentRows }, at, into, stepsOf);
    }
  }
}
function rankingPasses(data, gather, groupings, metrics, slices, at, into, steps) {
  const { memory } = at;
  const n = data.order.length;
  const ordered = gather !== null;
  const whole = { rows: memory.i32(n), ends: memory.i32(1) };
  steps.push(
    planStep("wholeSegment", { sortedPositive: data.sortedPositive, lastOfTie: data.lastOfTie, ...whole })
  );
  into.rankings.push({
    ...whole,
    offset: at.offset,
    ap: metrics.includes("average_precision"),
    ordered,
    gather
  });
  into.wholeData.ranking.push([at.offset]);
  at.offset += 4;
  groupings.forEach((g, j) => {
    if (!g.metrics.some((m) => RANKED.includes(m))) return;
    const seg = { rows: memory.i32(slices.segmentRows[j]), ends: memory.i32(g.values.length) };
    steps.push(
      planStep("segments", {
        order: data.order,
        sortedPositive: data.sortedPositive,
        lastOfTie: data.lastOfTie,
        groupOf: slices.compact[j],
        ...seg
      })
    );
    const ap = g.metrics.includes("average_precision");
    into.rankings.push({ ...seg, offset: at.offset, ap, ordered, gather: null });
    const offset = at.offset;
    into.perGrouping[j].forEach((cellPlan, v) => cellPlan.ranking.push([offset + 4 * v]));
    at.offset += 4 * g.values.length;
  });
}

// src/gate/table-plan.ts
var MAX_JOINT_COUNTERS = 1 << 14;
var ECE = "expected_calibration_error";
function termNames(p) {
  const [a, b] = p;
  if (a.task === "regression" && b.task === "regression")
    return ["seA", "seB", "aeA", "aeB", "apeA", "apeB", "y", "y2"];
  return a.task === "binary" && b.task === "binary" ? ["logA", "logB", "brierA", "brierB"] : ["logA", "logB"];
}
function rowTerms(p, scorers) {
  const [a, b] = p;
  if (a.task === "regression" && b.task === "regression") {
    const n = a.y.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += a.y[i];
    mean /= n || 1;
    const make = (fn) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = fn(i);
      return out;
    };
    const err = (q, kind) => make((i) => {
      const d = a.y[i] - q[i];
      if (kind === "se") return d * d;
      const ad = Math.abs(d);
      return kind === "ae" ? ad : ad / Math.max(Math.abs(a.y[i]), MAPE_EPS);
    });
    const centred = make((i) => a.y[i] - mean);
    return {
      names: ["seA", "seB", "aeA", "aeB", "apeA", "apeB", "y", "y2"],
      rows: [
        err(a.pred, "se"),
        err(b.pred, "se"),
        err(a.pred, "ae"),
        err(b.pred, "ae"),
        err(a.pred, "ape"),
        err(b.pred, "ape"),
        centred,
        centred.map((v) => v * v)
      ]
    };
  }
  if (a.task === "regression" || b.task === "regression") throw new Error("mixed tasks");
  const [ta, tb] = scorers.map((s) => s.probabilisticTerms());
  const names = ["logA", "logB"];
  const rows = [ta.log, tb.log];
  if (ta.brier && tb.brier) {
    names.push("brierA", "brierB");
    rows.push(ta.brier, tb.brier);
  }
  return { names, rows };
}
function jointShape(p) {
  const [a, b] = p;
  if (a.task === "regression" || b.task === "regression") return { perStratum: 1, classes: 1 };
  const C = a.labels.length;
  return { perStratum: C * C * C, classes: C };
}
function planBytesAtLeast(task, n, metrics) {
  const terms = task === "regression" ? 8 : task === "binary" ? 4 : 2;
  const labels = task === "regression" ? 0 : 12;
  const calibration = metrics.includes(ECE) ? 24 : 0;
  const rankings = task === "regression" ? 0 : 6 + 4 + 4 + (6 + 5 + 4 + 4);
  return n * (8 * terms + 12 + labels + calibration + rankings);
}
function sliceRankingBytes(groupings, rankings) {
  let rows = 0;
  for (let j = 0; j < groupings.length; j++)
    if (groupings[j].metrics.some((m) => RANKED.includes(m))) rows += rowsWithValue(groupings[j]);
  return 4 * rows * rankings;
}
function buildTablePlan(predictions, scorers, groupings, options) {
  const n = scorers[0].rows;
  const memory = options.memory;
  const at = { memory, steps: [], offset: 0 };
  const referenceClass = scorers[0].task === "binary" ? 1 : 0;
  const reference = scorers[0].ranking ? referenceRanking(scorers[0], referenceClass, memory) : null;
  const order = reference?.order ?? null;
  const { perStratum, classes } = jointShape(predictions);
  const names = termNames(predictions);
  const termRows = memory.f64(n * names.length);
  const otherRankings = { fill: () => void 0, steps: [] };
  const terms = {
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
    wholeTerms: names.includes("brierA") && !groupings.some((g) => g.metrics.includes("brier_score")) ? 2 : 0,
    metrics: options.metrics,
    at
  });
  let calibrationAt = null;
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
  const rankings = [];
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
function runPlanSteps(plan, memory) {
  planRows().run(memory.memory, plan.steps);
  for (const stage of plan.stages) {
    stage.fill();
    planRows().run(memory.memory, stage.steps);
  }
}
function planStrata(predictions, groupings, columns, o) {
  const { memory, steps } = o.at;
  const n = predictions[0].y.length;
  const sizes = groupings.map((g) => g.values.length + 1);
  const joint = sizes.reduce((p, s) => p * s, 1) * o.perStratum <= MAX_JOINT_COUNTERS;
  const setMembers = joint || groupings.length === 0 ? [groupings.map((_, j) => j)] : groupings.map((_, j) => [j]);
  const [a, b] = predictions;
  const labelled = a.task !== "regression" && b.task !== "regression" ? { y: staged(memory, a.y), a: staged(memory, a.pred), b: staged(memory, b.pred) } : { y: null, a: null, b: null };
  const rowCode = memory.i32(n);
  const sets = [];
  const cells = [];
  const wholeData = { metrics: o.metrics, set: 0, strata: [], ranking: [] };
  cells.push(wholeData);
  const perGrouping = groupings.map(() => []);
  setMembers.forEach((members, s) => {
    const strata = members.reduce((p, j) => p * sizes[j], 1);
    const code = memory.i32(n);
    const stratum = memory.i32(n);
    steps.push(
      planStep("strataCodes", {
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
    members.forEach((j, position) => {
      const inner = members.slice(position + 1).reduce((p, m) => p * sizes[m], 1);
      for (let g = 0; g < groupings[j].values.length; g++) {
        const list = [];
        for (let st = 0; st < strata; st++) if (Math.floor(st / inner) % sizes[j] === g) list.push(st);
        perGrouping[j].push({ metrics: groupings[j].metrics, set: s, strata: list, ranking: [] });
      }
    });
  });
  for (const list of perGrouping) cells.push(...list);
  return { sets, cells, wholeData, perGrouping };
}

// src/gate/wasm/table.generated.js
var WASM_BASE64 = "AGFzbQEAAAABMAVgBH9/f38AYAp/f39/f39/f39/AGAHf39/f39/fwBgAn9/AGAJf39/f39/f39/AAISAQNlbnYGbWVtb3J5AgMBgIAEAwcGAAEAAgMEBn8GewH9DAAAAAAAAAAAAAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALBy4FB3dlaWdodHMAAAZzdHJhdGEAAQZnYXRoZXIAAgRyYW5rAAMHcmFua19hcAAFCpcaBqQFAg57AX8gAP0ABAAhBCAA/QAEECEFIAD9AAQgIQYgAP0ABDAhByAA/QAEQCEIIAD9AARQIQkgAP0ABGAhCiAA/QAEcCELIAIgA0EDdGohEgJAA0AgAiASTw0BIAVBAv2rASAF/a4BIQwgDEEH/asBIAxBGf2tAf1QIQwgDEED/asBIAz9rgEhDSAFQQn9qwEhDyAGIAT9USEGIAcgBf1RIQcgBSAG/VEhBSAEIAf9USEEIAYgD/1RIQYgB0EL/asBIAdBFf2tAf1QIQcgDf0MAIAAgACAAIAAgACAAIAAgP1RIQ0gDSAB/QAEAP0xIRAgECANIAH9AAQQ/TH9jgEhECAQIA0gAf0ABCD9Mf2OASEQIBAgDSAB/QAEMP0x/Y4BIRAgECANIAH9AARA/TH9jgEhECAQIA0gAf0ABFD9Mf2OASEQIBAgDSAB/QAEYP0x/Y4BIRAgECANIAH9AARw/TH9jgEhECAJQQL9qwEgCf2uASEMIAxBB/2rASAMQRn9rQH9UCEMIAxBA/2rASAM/a4BIQ4gCUEJ/asBIQ8gCiAI/VEhCiALIAn9USELIAkgCv1RIQkgCCAL/VEhCCAKIA/9USEKIAtBC/2rASALQRX9rQH9UCELIA79DACAAIAAgACAAIAAgACAAID9USEOIA4gAf0ABAD9MSERIBEgDiAB/QAEEP0x/Y4BIREgESAOIAH9AAQg/TH9jgEhESARIA4gAf0ABDD9Mf2OASERIBEgDiAB/QAEQP0x/Y4BIREgESAOIAH9AARQ/TH9jgEhESARIA4gAf0ABGD9Mf2OASERIBEgDiAB/QAEcP0x/Y4BIREgAiAQ/YEBIBH9gQH9ZiAQ/Q0AAgQGCAoMDgEDBQcJCw0P/QsEACACQRBqIQIMAAsLC4UFBAF/A3sCfw57AkADQCAKIAVPDQEgBiAKQQN0av0CAwAhCyAL/akBIQwgC/2qASENIAcgACAKQQJ0aigCAEEFdGohDiAOIA79AAQAIAz9rgH9CwQAIA4gDv0ABBAgDf2uAf0LBBAgDP3+ASEQIAwgDP0NCAkKCwwNDg8AAQIDBAUGB/3+ASERIA39/gEhEiANIA39DQgJCgsMDQ4PAAECAwQFBgf9/gEhEyAIIAEgCkECdGooAgAgA2xBBnRqIQ5BACEPAkADQCAPIANPDQEgAv0KAwAhFCAC/QoDCCEVIA4gDv0ABAAgECAU/fIB/fAB/QsEACAOIA79AAQQIBEgFP3yAf3wAf0LBBAgDiAO/QAEICASIBT98gH98AH9CwQgIA4gDv0ABDAgEyAU/fIB/fAB/QsEMCAOIA79AARAIBAgFf3yAf3wAf0LBEAgDiAO/QAEUCARIBX98gH98AH9CwRQIA4gDv0ABGAgEiAV/fIB/fAB/QsEYCAOIA79AARwIBMgFf3yAf3wAf0LBHAgAkEQaiECIA5BgAFqIQ4gD0ECaiEPDAALCyAEBEAgAv0KAwAhFCAC/QoDCCEVIBYgECAU/fIB/fABIRYgFyARIBT98gH98AEhFyAYIBIgFP3yAf3wASEYIBkgEyAU/fIB/fABIRkgGiAQIBX98gH98AEhGiAbIBEgFf3yAf3wASEbIBwgEiAV/fIB/fABIRwgHSATIBX98gH98AEhHSACQRBqIQILIApBAWohCgwACwsgBARAIAkgFv0LBAAgCSAX/QsEECAJIBj9CwQgIAkgGf0LBDAgCSAa/QsEQCAJIBv9CwRQIAkgHP0LBGAgCSAd/QsEcAsLOwEBfyADIAFBA3RqIQQCQANAIAMgBE8NASADIAIgACgCAGopAwA3AwAgAEEEaiEAIANBCGohAwwACwsL1wQCBn8ReyAAIQcCQANAIAogAk8NASAAIAEgCkECdGooAgBBAnRqIQj9DAAAAAAAAAAAAAAAAAAAAAAhFP0MAAAAAAAAAAAAAAAAAAAAACEV/QwAAAAAAAAAAAAAAAAAAAAAIRf9DAAAAAAAAAAAAAAAAAAAAAAhGP0MAAAAAAAAAAAAAAAAAAAAACEZ/QwAAAAAAAAAAAAAAAAAAAAAIRr9DAAAAAAAAAAAAAAAAAAAAAAhHP0MAAAAAAAAAAAAAAAAAAAAACEdAkADQCAHIAhPDQEgByAFQQJ0aiEJIAkgCEsEQCAIIQkL/QwAAAAAAAAAAAAAAAAAAAAAIRb9DAAAAAAAAAAAAAAAAAAAAAAhGwNAIAcoAgAhCyADIAtBeHFq/QIDACENIA39qQEhDiAN/aoBIQ8gBiALQQNxQQV0aiEMIAz9AAQAIRAgDP0ABBAhESAOIBD9TyETIA4gEP1OIRIgFCAT/a4BIRQgEyAVIBH9Tv2uASEVIBYgEiAUIBT9rgEgFf2xAf21Af2uASEWIA8gEP1PIRMgDyAQ/U4hEiAZIBP9rgEhGSATIBogEf1O/a4BIRogGyASIBkgGf2uASAa/bEB/bUB/a4BIRsgB0EEaiEHIAcgCUkNAAsgFyAW/ckB/c4BIRcgGCAW/coB/c4BIRggHCAb/ckB/c4BIRwgHSAb/coB/c4BIR0MAAsLIAQgFP0LBBAgBCAX/QsEICAEIBj9CwQwIAQgGf0LBHAgBCAc/QsEgAEgBCAd/QsEkAEgBEHAAWohBCAKQQFqIQoMAAsLC8sDAQx7IwAhCCMBIQkjAiEKIwMhCyMEIQwjBSENAkADQCAAIAFPDQEgAP0ABAAhAiACIAD9AAQQ/a4BIQMgAP0ABCAhBCAEIAD9AAQw/a4BIQUgAiAI/bEBIQYgBCAJ/bEBIQcgCiAG/f4BIAL9/gH98gH9DAAAAAAAAPA/AAAAAAAA8D8gA/3+Af33Af3zAf3wASEKIAsgBiAG/Q0ICQoLDA0ODwABAgMEBQYH/f4BIAIgAv0NCAkKCwwNDg8AAQIDBAUGB/3+Af3yAf0MAAAAAAAA8D8AAAAAAADwPyADIAP9DQgJCgsMDQ4PAAECAwQFBgf9/gH99wH98wH98AEhCyAMIAf9/gEgBP3+Af3yAf0MAAAAAAAA8D8AAAAAAADwPyAF/f4B/fcB/fMB/fABIQwgDSAHIAf9DQgJCgsMDQ4PAAECAwQFBgf9/gEgBCAE/Q0ICQoLDA0ODwABAgMEBQYH/f4B/fIB/QwAAAAAAADwPwAAAAAAAPA/IAUgBf0NCAkKCwwNDg8AAQIDBAUGB/3+Af33Af3zAf3wASENIAIhCCAEIQkgAEHAAGohAAwACwsgCCQAIAkkASAKJAIgCyQDIAwkBCANJAULhQcCB38TeyAAIQkCQANAIAwgAk8NASAAIAEgDEECdGooAgBBAnRqIQr9DAAAAAAAAAAAAAAAAAAAAAAhF/0MAAAAAAAAAAAAAAAAAAAAACEY/QwAAAAAAAAAAAAAAAAAAAAAIRn9DAAAAAAAAAAAAAAAAAAAAAAhG/0MAAAAAAAAAAAAAAAAAAAAACEc/QwAAAAAAAAAAAAAAAAAAAAAIR39DAAAAAAAAAAAAAAAAAAAAAAhHv0MAAAAAAAAAAAAAAAAAAAAACEf/QwAAAAAAAAAAAAAAAAAAAAAISH9DAAAAAAAAAAAAAAAAAAAAAAhIv0MAAAAAAAAAAAAAAAAAAAAACQA/QwAAAAAAAAAAAAAAAAAAAAAJAH9DAAAAAAAAAAAAAAAAAAAAAAkAv0MAAAAAAAAAAAAAAAAAAAAACQD/QwAAAAAAAAAAAAAAAAAAAAAJAT9DAAAAAAAAAAAAAAAAAAAAAAkBSAFIQ4CQANAIAkgCk8NASAJIAdBAnRqIQsgCyAKSwRAIAohCwv9DAAAAAAAAAAAAAAAAAAAAAAhGv0MAAAAAAAAAAAAAAAAAAAAACEgA0AgCSgCACENIAMgDUF4cWr9AgMAIRAgEP2pASERIBD9qgEhEiAIIA1BA3FBBXRqIQ8gD/0ABAAhEyAP/QAEECEUIBEgE/1PIRYgESAT/U4hFSAYIBb9rgEhGCAWIBkgFP1O/a4BIRkgGiAVIBggGP2uASAZ/bEB/bUB/a4BIRogFyAV/a4BIRcgEiAT/U8hFiASIBP9TiEVIB4gFv2uASEeIBYgHyAU/U79rgEhHyAgIBUgHiAe/a4BIB/9sQH9tQH9rgEhICAdIBX9rgEhHSAOIBf9CwQAIA4gGP0LBBAgDiAd/QsEICAOIB79CwQwIA4gDUEEdEHAAHFqIQ4gDiAGTwRAIAUgDhAEIAUhDgsgCUEEaiEJIAkgC0kNAAsgGyAa/ckB/c4BIRsgHCAa/coB/c4BIRwgISAg/ckB/c4BISEgIiAg/coB/c4BISIMAAsLIAUgDhAEIAQgF/0LBAAgBCAY/QsEECAEIBv9CwQgIAQgHP0LBDAgBCMC/QsEQCAEIwP9CwRQIAQgHf0LBGAgBCAe/QsEcCAEICH9CwSAASAEICL9CwSQASAEIwT9CwSgASAEIwX9CwSwASAEQcABaiEEIAxBAWohDAwACwsL";

// src/gate/table-kernels.ts
var TOO_LARGE_HINT = "evaluate a sample of the rows, or turn resampling off (--bootstrap 0, or evaluate.bootstrap.resamples: 0 in mlci.yml)";
var TABLE_SOURCE = String.raw`
const base = (function () {${KERNEL_SOURCE}})();
let attached = null;

// This thread's instance and scratch slot for a job (one slot per thread, claimed once).
function attach(job, out) {
  if (attached !== null && attached.job === job) return attached;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(job.wasm), { env: { memory: job.memory } });
  const at = job.scratch + Atomics.add(out.slots, 0, 1) * job.slotBytes;
  const buffer = job.memory.buffer;
  attached = {
    job,
    ex: instance.exports,
    i32: new Int32Array(buffer),
    f64: new Float64Array(buffer),
    state: at,
    whole: at + 128,
    weights: at + 256,
    ordered: at + 256 + job.weightBytes,
    counts: at + 256 + 2 * job.weightBytes,
    sums: at + 256 + 2 * job.weightBytes + job.countBytes,
    segs: at + 256 + 2 * job.weightBytes + job.countBytes + job.sumBytes,
    steps: at + job.slotBytes - job.stepBytes
  };
  return attached;
}

// One set's strata of lanes [0, lanes) into their resamples' records. A term summed over all rows
// only goes to its first stratum (the others 0), so a sum over every stratum is that total.
function strata(job, k, set, first, lanes, values) {
  const { i32, f64 } = k;
  const S = set.strata, T = set.termCount - set.wholeTerms;
  i32.fill(0, k.counts >>> 2, (k.counts >>> 2) + 8 * set.cells);
  f64.fill(0, k.sums >>> 3, (k.sums >>> 3) + 8 * S * T);
  k.ex.strata(set.code, set.stratum, set.terms, T, set.wholeTerms, job.n, k.weights, k.counts, k.sums, k.whole);
  for (let j = 0; j < lanes; j++) {
    const at = (first + j) * job.stride + set.offset;
    for (let c = 0; c < set.cells; c++) values[at + c] = i32[(k.counts >>> 2) + 8 * c + j];
    const o = at + set.cells;
    for (let st = 0; st < S; st++)
      for (let t = 0; t < T; t++) values[o + t * S + st] = f64[(k.sums >>> 3) + (st * T + t) * 8 + j];
    for (let t = T; t < set.termCount; t++) {
      values.fill(0, o + t * S, o + (t + 1) * S);
      values[o + t * S] = f64[(k.whole >>> 3) + (t - T) * 8 + j];
    }
  }
}

// One ranking's segments of both halves: [unused, fp, S, Σ Δtp · precision] each, twice the ROC
// area being 2·tp·fp − S with tp the segment's weight less fp (see rank in table.wat).
function ranking(job, k, rk, first, lanes, values) {
  const { i32, f64 } = k;
  if (rk.gather !== 0) k.ex.gather(rk.gather, job.n, k.weights, k.ordered);
  const w = rk.ordered ? k.ordered : k.weights;
  if (rk.ap) k.ex.rank_ap(rk.rows, rk.ends, rk.segments, w, k.segs, k.steps, k.steps + job.stepBytes, job.chunk, job.masks);
  else k.ex.rank(rk.rows, rk.ends, rk.segments, w, k.segs, job.chunk, job.masks);
  for (let l = 0; l < lanes; l++) {
    const h = l >> 2, j = l & 3;
    const at = (first + l) * job.stride + rk.offset;
    for (let s = 0; s < rk.segments; s++) {
      const q = (k.segs >>> 2) + 48 * s + 24 * h;
      const o = at + 4 * s;
      values[o + 1] = i32[q + 4 + j];
      values[o + 2] = i32[q + 9 + 2 * j] * 4294967296 + (i32[q + 8 + 2 * j] >>> 0);
      values[o + 3] = rk.ap ? f64[(q >>> 1) + 8 + j] : 0;
    }
  }
}

// Resamples 8b .. 8b + 7 (those below job.resamples), in two halves of four lanes.
function runBatch(job, k, b, values) {
  const first = 8 * b;
  const lanes = Math.min(8, job.resamples - first);
  for (let h = 0; h < 2; h++) {
    const state = k.state + 64 * h;
    for (let j = 0; j < 4; j++) {
      const st = base.seedState(job.seed, first + 4 * h + j);
      for (let q = 0; q < 4; q++) k.i32[(state >>> 2) + 4 * q + j] = st[q];
    }
  }
  k.ex.weights(k.state, job.thresholds, k.weights, job.n);
  for (const set of job.sets) strata(job, k, set, first, lanes, values);
  for (const rk of job.rankings) ranking(job, k, rk, first, lanes, values);
  return lanes;
}

// Takes batches of eight resamples from the shared counter until none are left or limit ran;
// returns how many batches ran.
function work(job, out, limit) {
  const k = attach(job, out);
  const batches = Math.ceil(job.resamples / 8);
  let ran = 0;
  while (ran < limit) {
    const b = Atomics.add(out.next, 0, 1);
    if (b >= batches) break;
    Atomics.add(out.done, 0, runBatch(job, k, b, out.values));
    Atomics.store(out.finished, b, 1);
    ran++;
  }
  return ran;
}

return { work };
`;
var MAX_WEIGHT = 8;
var PAGE = 65536;
var MAX_PAGES = 65536;
var STEP_BYTES = 32768;
var align = (bytes) => Math.ceil(bytes / 16) * 16;
var TableMemory = class {
  memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  used = 64;
  /** End of the pages prefault() has touched (a later call touches only what lies past it). */
  faulted = 0;
  pending = [];
  /** Bytes placed so far. */
  get placed() {
    return this.used;
  }
  /** Reserves `bytes` (16-byte aligned) and returns their address. */
  place(bytes) {
    const at = this.used;
    this.used += align(bytes);
    const pages = this.memory.buffer.byteLength / PAGE;
    const needed = Math.ceil(this.used / PAGE);
    if (needed > MAX_PAGES)
      throw new InputError(
        `the paired bootstrap needs more than WebAssembly's 4 GiB of memory (${this.used} bytes) for these rows and slice columns; ${TOO_LARGE_HINT}`
      );
    if (needed > pages) this.memory.grow(Math.min(MAX_PAGES, Math.max(needed, 2 * pages)) - pages);
    return at;
  }
  /**
   * Grows the memory to `bytes` past what is placed and starts touching those pages on a helper
   * thread: a fresh page costs ≈ 3 ms per MB on a small VM, paid there instead of by the plan on
   * the calling thread. Pages an earlier call touches are not touched again; the helper adds 0
   * atomically, so what the calling thread places and writes meanwhile is kept.
   */
  prefault(bytes) {
    const from = Math.max(this.faulted, Math.ceil(this.used / PAGE) * PAGE);
    const pages = Math.min(MAX_PAGES, Math.ceil((this.used + bytes) / PAGE));
    if (pages * PAGE <= from) return;
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > have) this.memory.grow(pages - have);
    this.faulted = pages * PAGE;
    const helper = startKernelWorker(PREFAULT_SOURCE, { memory: this.memory, from, to: pages * PAGE });
    helper.ref();
    this.pending.push(helper.finished.catch(() => void 0));
  }
  /** Resolves when every prefault() has finished. */
  async settled() {
    await Promise.all(this.pending);
    return this;
  }
  /** A zeroed Int32Array of n entries in the memory. */
  i32(n) {
    const at = this.place(4 * n);
    return new Int32Array(this.memory.buffer, at, n);
  }
  /** A zeroed Float64Array of n entries in the memory. */
  f64(n) {
    const at = this.place(8 * n);
    return new Float64Array(this.memory.buffer, at, n);
  }
};
var PREFAULT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const view = new Int32Array(workerData.memory.buffer, workerData.from, (workerData.to - workerData.from) / 4);
for (let i = 0; i < view.length; i += 1024) Atomics.add(view, i, 0);
parentPort.postMessage('done');
`;
function thresholdLanes(table, memory) {
  if (table[table.length - 1] > MAX_WEIGHT)
    throw new Error(`Poisson table exceeds the kernel weight ${MAX_WEIGHT}`);
  const at = memory.place(128);
  const out = new Uint16Array(memory.memory.buffer, at, 64);
  for (let k = 1; k <= MAX_WEIGHT; k++) {
    const u = table.findIndex((v) => v >= k);
    for (let lane = 0; lane < 8; lane++) out[(k - 1) * 8 + lane] = (u < 0 ? 65536 : u) - 1 ^ 32768;
  }
  return at;
}
function rowMasks() {
  const out = new Int32Array(32);
  for (let bits = 0; bits < 4; bits++)
    for (let lane = 0; lane < 4; lane++) {
      out[8 * bits + lane] = -(bits & 1);
      out[8 * bits + 4 + lane] = (bits & 2) === 0 ? -1 : 0;
    }
  return out;
}
var MAX_CHUNK = 64;
function rankChunk(n, most = MAX_CHUNK) {
  const largest = MAX_WEIGHT * 2 * MAX_WEIGHT * Math.max(1, n);
  const chunk = Math.min(most, Math.floor(4294967295 / largest));
  if (chunk < 1)
    throw new InputError(
      `the paired bootstrap takes at most ${Math.floor(4294967295 / (2 * MAX_WEIGHT * MAX_WEIGHT))} rows (the data has ${n}); ${TOO_LARGE_HINT}`
    );
  return chunk;
}
function layoutTableJob(data, memory, threads, poissonTable) {
  const thresholds = thresholdLanes(poissonTable, memory);
  const masks = memory.place(128);
  new Int32Array(memory.memory.buffer, masks, 32).set(rowMasks());
  const sets = data.sets.map((set) => ({
    ...set,
    code: set.code.byteOffset,
    stratum: set.stratum.byteOffset,
    terms: (set.terms ?? data.terms).byteOffset
  }));
  const rankings = data.rankings.map((rk) => ({
    rows: rk.rows.byteOffset,
    ends: rk.ends.byteOffset,
    segments: rk.ends.length,
    offset: rk.offset,
    ap: rk.ap,
    ordered: rk.ordered,
    gather: rk.gather ? rk.gather.byteOffset : 0
  }));
  const weightBytes = align(8 * data.n + 16);
  const countBytes = align(32 * Math.max(0, ...data.sets.map((s) => s.cells)));
  const sumBytes = align(64 * Math.max(0, ...data.sets.map((s) => s.termCount * s.strata)));
  const segBytes = 192 * Math.max(0, ...data.rankings.map((r) => r.ends.length));
  const slotBytes = align(256 + 2 * weightBytes + countBytes + sumBytes + segBytes + STEP_BYTES);
  const scratch = memory.place(slotBytes * threads);
  return {
    n: data.n,
    seed: data.seed,
    resamples: data.resamples,
    stride: data.stride,
    memory: memory.memory,
    wasm: Buffer.from(WASM_BASE64, "base64"),
    thresholds,
    terms: data.terms.byteOffset,
    sets,
    rankings,
    scratch,
    slotBytes,
    weightBytes,
    countBytes,
    sumBytes,
    stepBytes: STEP_BYTES,
    chunk: rankChunk(data.n),
    masks
  };
}
var compiled3;
function tableKernels() {
  compiled3 ??= new Function(TABLE_SOURCE)();
  return compiled3;
}

// src/gate/table-bootstrap.ts
var PREFAULT_MIN_BYTES = 1 << 24;
var PARALLEL_MIN_WORK2 = 2e7;
var CONFUSION = METRIC_CATALOG.filter((m) => m.source.from === "confusion");
var SIDES = ["A", "B"].map((s) => ({
  log: `log${s}`,
  brier: `brier${s}`,
  se: `se${s}`,
  ae: `ae${s}`,
  ape: `ape${s}`
}));
var REGRESSION = METRIC_CATALOG.filter((m) => m.source.from === "regression");
function tableMetrics(task) {
  return [...METRICS_BY_TASK[task], ...MODEL_METRICS_BY_TASK[task]].filter(isBootstrappable);
}
function sliceCellMetrics(task) {
  return METRICS_BY_TASK[task].filter(isBootstrappable);
}
function cellMetrics(plan, termAt, cell, record, at) {
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
  const term = (name) => sums[termAt.get(name)];
  const sides = [{}, {}];
  if (per === 1) {
    const mean = term("y") / rows;
    const totalSquares = term("y2") - mean * term("y");
    SIDES.forEach((s, m) => {
      const r = {
        rows,
        squaredError: term(s.se),
        absoluteError: term(s.ae),
        absolutePercentageError: term(s.ape),
        totalSquares: Math.max(0, totalSquares)
      };
      for (const spec of REGRESSION)
        if (spec.source.from === "regression") sides[m][spec.name] = spec.source.fn(r);
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
    for (const spec of CONFUSION)
      if (spec.source.from === "confusion" && cell.metrics.includes(spec.name))
        out[spec.name] = spec.source.fn(cms[m], C);
    out.log_loss = logLoss(term(s.log), rows, C);
    if (termAt.has(s.brier)) out.brier_score = brierScoreLoss(term(s.brier), rows);
    const aucs = [];
    if (cell.ranking.length > 0)
      plan.rankedClasses.forEach((_, k) => {
        const o = at + cell.ranking[m * plan.rankedClasses.length + k][0];
        const [fp, S, ap] = [record[o + 1], record[o + 2], record[o + 3]];
        const tp = rows - fp;
        const area = 2 * tp * fp - S;
        aucs.push(tp > 0 && fp > 0 ? area / (2 * tp * fp) : null);
        if (C === 2) {
          out.roc_auc = { value: aucs[0] };
          out.average_precision = { value: tp > 0 ? ap / tp : null };
        }
      });
    if (C > 2 && aucs.length === C)
      out.roc_auc_ovr = {
        value: aucs.includes(null) ? null : aucs.reduce((x, y) => x + y, 0) / C
      };
  });
  if (plan.calibration !== null && cell.metrics.includes(ECE)) {
    const eces = resampledCalibration(plan.job.sets[plan.calibration], record, at);
    eces.forEach((value, m) => sides[m][ECE] = { value });
  }
  return [(n) => sides[0][n], (n) => sides[1][n]];
}
function resampleDiffs(plan, out) {
  const R = plan.job.resamples;
  const diffs = plan.cells.map((cell) => cell.metrics.map(() => new Float64Array(R).fill(NaN)));
  const termAt = new Map(plan.terms.map((t, i) => [t, i]));
  const { finished } = out;
  const formed = new Uint8Array(finished.length);
  const add = (r) => plan.cells.forEach((cell, i) => {
    const [a, b] = cellMetrics(plan, termAt, cell, out.values, r * plan.job.stride);
    cell.metrics.forEach((m, k) => {
      const va = a(m)?.value;
      const vb = b(m)?.value;
      if (typeof va === "number" && typeof vb === "number") diffs[i][k][r] = va - vb;
    });
  });
  return {
    /** Forms the differences of every batch finished since the last call. */
    take() {
      for (let b = 0; b < finished.length; b++) {
        if (formed[b] || Atomics.load(finished, b) !== 1) continue;
        for (let r = 8 * b; r < Math.min(R, 8 * b + 8); r++) add(r);
        formed[b] = 1;
      }
    },
    intervals(confidence) {
      return diffs.map(
        (perMetric, i) => Object.fromEntries(plan.cells[i].metrics.map((m, k) => [m, intervalOf(perMetric[k], confidence)]))
      );
    }
  };
}
function prefaultedTableMemory(task, n) {
  const memory = new TableMemory();
  const bytes = planBytesAtLeast(task, n, tableMetrics(task));
  if (bytes >= PREFAULT_MIN_BYTES) memory.prefault(bytes);
  return memory;
}
function rankedClasses(scorer) {
  const task = scorer.task;
  if (task === "binary") return [1];
  return task === "multiclass" && tableMetrics(task).includes("roc_auc_ovr") ? range(scorer.classes ?? 1) : [];
}
function prefaultSliceRankings(memory, scorers, groupings) {
  const task = scorers[0].task;
  const bytes = planBytesAtLeast(task, scorers[0].rows, tableMetrics(task)) + sliceRankingBytes(groupings, 2 * rankedClasses(scorers[0]).length);
  if (bytes >= PREFAULT_MIN_BYTES) memory.prefault(bytes);
}
function prepareTableScorers(scorers) {
  const s = scorers[0];
  s.ranking?.(s.task === "binary" ? 1 : 0);
}
var MAX_RESULT_BYTES = 1 << 30;
function resultBytes(resamples, stride) {
  const bytes = 8 * Math.max(1, resamples * stride);
  if (bytes > MAX_RESULT_BYTES) {
    const most = Math.floor(MAX_RESULT_BYTES / (8 * stride));
    throw new InputError(
      `bootstrap: ${resamples} resamples of ${stride} values each need ${Math.ceil(bytes / 2 ** 20)} MiB; at most ${most} resamples fit in ${MAX_RESULT_BYTES / 2 ** 20} MiB (evaluate.bootstrap.resamples, --bootstrap)`
    );
  }
  return bytes;
}
function startTableBootstrap(predictions, scorers, groupings, options, parallel = {}) {
  const task = scorers[0].task;
  const metrics = tableMetrics(task);
  const rankingClasses = rankedClasses(scorers[0]);
  const inSlices = sliceCellMetrics(task);
  const sliced = groupings.map((g) => ({ ...g, metrics: g.metrics.filter((m) => inSlices.includes(m)) }));
  const R = options.resamples;
  const work = scorers[0].rows * R * (1 + 2 * rankingClasses.length * (1 + groupings.length));
  const threads = parallel.threads ?? (work < PARALLEL_MIN_WORK2 ? 1 : Math.min(4, availableParallelism2()));
  const used = Math.max(1, Math.min(threads, Math.ceil(R / 8)));
  const memory = parallel.memory ?? new TableMemory();
  const plan = buildTablePlan(predictions, scorers, sliced, {
    seed: options.seed,
    resamples: R,
    rankingClasses,
    metrics,
    memory
  });
  const out = {
    values: new Float64Array(new SharedArrayBuffer(resultBytes(R, plan.job.stride))),
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Int32Array(new SharedArrayBuffer(4)),
    slots: new Int32Array(new SharedArrayBuffer(4)),
    finished: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, Math.ceil(R / 8))))
  };
  const job = layoutTableJob(plan.job, memory, used, POISSON_TABLE);
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
      const result = { overall: perCell[0], slices: {} };
      let i = 1;
      for (const g of groupings) {
        const byValue = {};
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
var FILLING = 0;
var FILLED = 1;
var FAILED = 2;
var NONE = -1;
var TABLE_WORKER_SOURCE = `
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
function startTableWorkers(job, out, plan, count) {
  const state = new Int32Array(new SharedArrayBuffer(8));
  const formed = (stages) => {
    Atomics.store(state, 1, stages);
    Atomics.notify(state, 1);
  };
  if (count === 0 || plan === null) {
    state[0] = FILLED;
    const workers2 = Array.from(
      { length: count },
      () => startKernelWorker(TABLE_WORKER_SOURCE, { job, out, state, plan: null })
    );
    return { workers: workers2, filled: Promise.resolve(), formed };
  }
  const fill = { steps: plan.steps, stages: plan.stages.map((s) => s.steps) };
  const workers = Array.from(
    { length: count },
    (_, t) => startKernelWorker(TABLE_WORKER_SOURCE, { job, out, state, plan: t === 0 ? fill : null })
  );
  const filled = planFilled(state, workers[0]);
  filled.catch(() => void 0);
  return { workers, filled, formed };
}
async function planFilled(state, filler) {
  const wait = Atomics.waitAsync(state, 0, FILLING);
  if (wait.async) await Promise.race([wait.value, filler.finished]);
  if (Atomics.load(state, 0) !== FILLED) {
    await filler.finished;
    throw new Error("the bootstrap plan was not filled");
  }
}
function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

// src/evaluation/noise.ts
function intervalGroupings(data, columns, minSliceSize, task, sliceGates) {
  return columns.map((column) => {
    const g = groupSlices(data, column, minSliceSize);
    const remap = g.sizes.map(() => -1);
    const values = [];
    g.sizes.forEach((size, i) => {
      if (size >= MIN_INTERVAL_ROWS) remap[i] = values.push(g.values[i]) - 1;
    });
    const same = remap.every((r, i) => r === i);
    const groupOf = same ? g.groupOf : new Int32Array(g.groupOf.length);
    if (!same)
      for (let i = 0; i < groupOf.length; i++) groupOf[i] = g.groupOf[i] < 0 ? -1 : remap[g.groupOf[i]];
    return {
      column,
      groupOf,
      values,
      metrics: sliceTableMetrics(task, Object.keys(sliceGates[column] ?? {}))
    };
  });
}
async function startNoiseBootstrap(predictions, scorers, data, slices, minSliceSize, sliceGates, options, memory) {
  if (scorers.length !== 2 || options.resamples < 2) return null;
  const groupings = intervalGroupings(data, slices, minSliceSize, predictions[0].task, sliceGates);
  if (memory) prefaultSliceRankings(memory, [scorers[0], scorers[1]], groupings);
  prepareTableScorers([scorers[0], scorers[1]]);
  return startTableBootstrap([predictions[0], predictions[1]], [scorers[0], scorers[1]], groupings, options, {
    memory
  });
}
function attachSliceIntervals(reports, table) {
  for (const s of reports) {
    const intervals = table.slices[s.column]?.[s.value];
    if (!intervals || !s.candidate || !s.baseline) continue;
    s.intervals = intervals;
    s.change = Object.fromEntries(
      Object.keys(intervals).map((m) => {
        const c = s.candidate?.[m];
        const b = s.baseline?.[m];
        const delta = typeof c === "number" && typeof b === "number" ? c - b : null;
        return [m, changeVerdict(m, delta, intervals[m])];
      })
    );
  }
}
function latencySpreads(candidate, baseline) {
  const [a, b] = [candidate.inference.latency, baseline?.inference.latency];
  return a && b ? { latency_ms_per_1000_rows: [a, b] } : {};
}

// src/evaluation/latency.ts
var LATENCY_PASSES = 7;
var LATENCY_ROWS = 2e4;
function firstRows(data, rows) {
  if (rows >= data.rowCount) return data;
  const numeric = Object.fromEntries(Object.entries(data.numeric).map(([k, v]) => [k, v.subarray(0, rows)]));
  const coded = data.coded ? Object.fromEntries(
    Object.entries(data.coded).map(([k, c]) => [
      k,
      { codes: c.codes.subarray(0, rows), values: c.values }
    ])
  ) : void 0;
  const text = {};
  for (const k of Object.keys(data.text)) {
    if (coded?.[k]) lazyText(text, k, coded[k]);
    else text[k] = data.text[k].slice(0, rows);
  }
  return { rowCount: rows, numeric, text, ...coded ? { coded } : {} };
}
function spreadOf(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, low: sorted[0], high: sorted[sorted.length - 1], passes: sorted.length };
}
async function measureLatency(sessions, data, batchSize, dataSource) {
  const sample = firstRows(data, Math.min(data.rowCount, LATENCY_ROWS));
  if (sample.rowCount === 0) return sessions.map(() => ({ median: 0, low: 0, high: 0, passes: 0 }));
  const samples = sessions.map(() => []);
  for (let pass = 0; pass < LATENCY_PASSES; pass++) {
    const outputs = await runBatches(sessions, sample, batchSize, dataSource);
    outputs.forEach((o, m) => samples[m].push(o.runMs / sample.rowCount * 1e3));
  }
  return samples.map(spreadOf);
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
function reportHowRead(sessions, progress) {
  sessions.forEach((s, i) => {
    const who = i === 0 ? "candidate" : "baseline";
    for (const note of [...s.model.notes, ...s.plan.kind === "matrix" && s.plan.note ? [s.plan.note] : []])
      progress.info(`${who}: ${note}`);
    if (s.choice) progress.info(`${who}: read output "${s.choice.name}" (${s.choice.reason})`);
  });
}
function allGates(request, candidate, baseline, sliceReports) {
  return [
    ...applyGates(request.gates ?? {}, {
      candidate: { values: candidate.metrics, reasons: candidate.undefined_reasons },
      baseline: baseline ? { values: baseline.metrics, reasons: baseline.undefined_reasons } : null
    }),
    ...applySliceGates(request.sliceGates ?? {}, sliceReports, request.slices ?? [], baseline !== null)
  ];
}
function checkTaskSettings(request) {
  const task = request.task;
  if (!["binary", "multiclass", "regression"].includes(task)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  if (request.threshold !== void 0 && task !== "binary") {
    throw new InputError(
      `--threshold (model.threshold) ${request.threshold} applies to binary classifiers only (positive when p(positive class) > it); a ${task} model's predictions are ${task === "multiclass" ? "the arg-max class" : "its values"}, so leave it unset`
    );
  }
}
async function evaluate(request) {
  const progress = request.progress ?? silentProgress;
  const { timings, timed } = stopwatch();
  const task = request.task;
  checkTaskSettings(request);
  const batchSize = request.batchSize ?? 8192;
  const minSliceSize = request.minSliceSize ?? 30;
  const bootstrap = { ...DEFAULT_BOOTSTRAP, ...definedOnly(request.bootstrap) };
  const { planned, baselineSource, drift, engine } = await planModels(request, timed);
  const slices = request.slices ?? [];
  const columns = [.../* @__PURE__ */ new Set([request.label, ...planned.flatMap((s) => planColumns(s.plan)), ...slices])];
  progress.start(`reading ${request.data}`);
  const { sessions, data } = await readWhileLoading(request, planned, columns, engine, timed);
  progress.finish(`${data.rowCount} rows`);
  if (data.rowCount === 0) throw new InputError(`${request.data}: no rows to evaluate`);
  progress.start("scoring", data.rowCount);
  const outputs = await timed(
    "inference",
    () => runBatches(sessions, data, batchSize, request.data, (done) => progress.update(done))
  );
  progress.finish();
  const tableMemory = sessions.length === 2 && bootstrap.resamples >= 2 ? prefaultedTableMemory(task, data.rowCount) : void 0;
  const latency = await timed("latency", () => measureLatency(sessions, data, batchSize, request.data));
  reportHowRead(sessions, progress);
  const predictions = sessions.map(
    (s, i) => toPredictions(task, s, outputs[i], data, request.label, request.data, request.threshold)
  );
  sameClasses(predictions);
  const scorers = predictions.map((p) => createScorer(p));
  const changeGated = changeGatedMetrics(request.gates ?? {});
  const bootstrapStarted = performance.now();
  const tableRun = await startNoiseBootstrap(
    predictions,
    scorers,
    data,
    slices,
    minSliceSize,
    request.sliceGates ?? {},
    bootstrap,
    tableMemory
  );
  const bootstrapRun = !tableRun && scorers.length === 2 && changeGated.length > 0 && bootstrap.resamples > 0 ? startPairedBootstrap(scorers[0], scorers[1], changeGated, bootstrap) : null;
  const [candidate, baseline = null] = await timed(
    "metrics",
    () => sessions.map((s, i) => modelReport(s, predictions[i], scorers[i], outputs[i], batchSize, latency[i]))
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
  const gates = allGates(request, candidate, baseline, sliceReports);
  const gatedChanges = baseline ? comparedChanges(gates) : [];
  const intervals = await gateIntervals(gates, gatedChanges, {
    table: tableRun,
    slices: sliceReports,
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
  const changed = await timed("lineage", () => lineageDiff(request, candidate, baseline, baselineSource));
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
    deltas: computeDeltas(
      candidate.metrics,
      baseline?.metrics ?? null,
      intervals,
      latencySpreads(candidate, baseline)
    ),
    slices: sliceReports,
    min_slice_size: minSliceSize,
    gates,
    bootstrap: tableRun || gatedChanges.length > 0 ? { ...bootstrap, scheme: "poisson" } : null,
    drift,
    history,
    what_changed: changed,
    verdict: verdict.verdict,
    rubber_stamp: verdict.rubber_stamp,
    summary: verdict.summary,
    timings_ms: timings
  };
  return writeResult(request, evaluation, outputs);
}
async function gateIntervals(gates, metrics, o) {
  if (o.table) {
    const table = o.table;
    o.progress.start("paired bootstrap", o.bootstrap.resamples);
    const all2 = await o.timed("bootstrap_join", () => table.result((done) => o.progress.update(done)));
    o.done();
    o.progress.finish();
    attachSliceIntervals(o.slices, all2);
    for (const g of gates)
      if (!g.slice && isChangeGate(g.kind) && metrics.includes(g.metric) && all2.overall[g.metric])
        g.interval = all2.overall[g.metric];
    return all2.overall;
  }
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
async function planModels(request, timed) {
  const candidateFile = await readModelFile(request.model);
  const engine = prepareReader();
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
  const columns = async () => ({
    names: await sourceColumnNames(request.data, request.source),
    label: request.label,
    source: request.data
  });
  const planned = [await planSession(candidateFile, request.task, request.features, request.output, columns)];
  if (baselineFile) {
    const named = baselineFile.signature.outputs.some((o) => o.name === request.output);
    planned.push(
      await planSession(
        baselineFile,
        request.task,
        request.features,
        named ? request.output : void 0,
        columns
      )
    );
  }
  return { planned, baselineSource, drift, engine };
}
async function readWhileLoading(request, planned, columns, engine, timed) {
  const asText = [...new Set(planned.flatMap((p) => planTextColumns(p.plan)))];
  const reading = timed("read", () => loadColumns(request.data, columns, request.source, asText));
  reading.catch(() => void 0);
  await engine;
  const sessions = await timed("load_models", () => openSessions(planned, reading));
  return { sessions, data: await reading };
}
async function openSessions(planned, reading) {
  const sessions = [];
  try {
    for (const p of planned) sessions.push(await openSession(p));
  } catch (error) {
    await reading.catch(() => void 0);
    throw error;
  }
  return sessions;
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
    const jsonPath = join2(request.out, "evaluation.json");
    const mdPath = join2(request.out, "evaluation.md");
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
function lineageDiff(request, candidate, baseline, source) {
  return whatChanged({
    candidate: { path: request.model, sha256: candidate.sha256 },
    baseline: baseline && {
      kind: source.kind,
      ref: source.ref,
      sha256: baseline.sha256,
      path: source.kind === "file" ? request.baseline ?? void 0 : void 0,
      version: source.version
    },
    registry: request.registry,
    modelName: request.modelName
  });
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
