import { startKernelWorker } from './worker.js';
import { KERNEL_SOURCE } from './kernels.js';
import { WASM_BASE64 } from './wasm/table.generated.js';
import { InputError } from '../core/errors.js';

/** What a user can do when the data is too large for the bootstrap's kernels. */
const TOO_LARGE_HINT =
  'evaluate a sample of the rows, or turn resampling off (--bootstrap 0, or evaluate.bootstrap.resamples: 0 in mlci.yml)';

/**
 * The whole-table bootstrap's resamples (every metric, every slice cell; see table-bootstrap.ts),
 * eight at a time: the per-row passes are WebAssembly SIMD kernels (src/gate/wasm/table.wat, one
 * resample per i32x4 lane, two halves of four) over the job in one shared WebAssembly memory, driven by a plain
 * JavaScript source compiled on the main thread and in each worker thread as kernels.ts. A batch's
 * work is: the Poisson(1) weights of its eight resamples (each the stream of the gated passes), one
 * pass adding them into strata (slice values × true class × both predictions) with the per-row
 * terms (log loss, Brier, regression errors) of each stratum, and one weighted ranking pass per
 * model, class and slice column over that ranking's rows grouped by slice value. Each resample's
 * sufficient statistics go to its place in shared memory; metrics come from them later.
 */
export const TABLE_SOURCE = String.raw`
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

/** Strata of one set: a stratum per row with its cell (joint labels). */
export interface StrataSet {
  /** Per reference position: stratum × cellsPerStratum + cell. */
  code: Int32Array;
  /** Per reference position: the stratum. */
  stratum: Int32Array;
  strata: number;
  /** strata × cellsPerStratum. */
  cells: number;
  /** Per-row terms summed per stratum: the set's own `terms` when it has them, else the job's. */
  termCount: number;
  /**
   * How many of the last terms are summed over all rows only, 0 or 2 (strata kernel in
   * table.wat): no cell reads them per stratum.
   */
  wholeTerms: number;
  /** This set's per-row terms in reference order, interleaved (row × termCount + term). */
  terms?: Float64Array;
  /** Where this set's statistics start in a resample's record. */
  offset: number;
}

/** One model's ranking of one class, its rows grouped by slice value (one segment per value). */
export interface RankingSegments {
  /** Position of its weights << 3 | precision step << 2 | first of tie << 1 | positive (see table-plan.ts). */
  rows: Int32Array;
  /** One past the last row of each segment. */
  ends: Int32Array;
  offset: number;
  /** Whether average precision is formed (a division per tie end), else its sum is left 0. */
  ap: boolean;
  /** Whether it reads the weights in its model's ranking order (gathered by the first pass of that order). */
  ordered: boolean;
  /** On the first pass of a ranking other than the reference: byte offset of each of its rows' weights. */
  gather: Int32Array | null;
}

/** A whole-table bootstrap job as the plan builds it. */
export interface TableJobData {
  n: number;
  seed: number;
  resamples: number;
  /** Numbers per resample in `values`. */
  stride: number;
  sets: StrataSet[];
  /** Per-row terms in reference order, interleaved (row × termCount + term). */
  terms: Float64Array;
  rankings: RankingSegments[];
}

/** A job in one shared WebAssembly memory: every array is a byte address in `memory`. */
export interface TableJob {
  n: number;
  seed: number;
  resamples: number;
  stride: number;
  memory: WebAssembly.Memory;
  wasm: Uint8Array;
  /** The Poisson thresholds (8 × i16x8, see table.wat). */
  thresholds: number;
  terms: number;
  sets: (Omit<StrataSet, 'code' | 'stratum' | 'terms'> & { code: number; stratum: number; terms: number })[];
  rankings: {
    rows: number;
    ends: number;
    segments: number;
    offset: number;
    ap: boolean;
    ordered: boolean;
    /** Byte address of the gather offsets, 0 for none. */
    gather: number;
  }[];
  /** Per-thread scratch slots: state, whole-data term sums, weights (row order, then a ranking's order), counts, sums, segment results, precision steps. */
  scratch: number;
  slotBytes: number;
  weightBytes: number;
  countBytes: number;
  sumBytes: number;
  /** Average precision's buffer of precision steps (see rank_ap in table.wat). */
  stepBytes: number;
  /** Rows per u32 sum of ROC products in rank (table.wat): their sum stays below 2^32. */
  chunk: number;
  /** The ranking kernels' row masks by a row's low two bits (see rowMasks). */
  masks: number;
}

/** The largest Poisson weight the kernels take (the weights kernel's eight thresholds). */
const MAX_WEIGHT = 8;
const PAGE = 65536;
/** A WebAssembly memory holds at most 65,536 pages of 64 KiB. */
const MAX_PAGES = 65536;
/** 512 precision steps of 64 bytes: divided out 512 at a time (fits the first-level cache). */
const STEP_BYTES = 32768;

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * One shared WebAssembly memory that the plan builds its arrays in (no copy into the kernels'
 * memory, none per worker thread), growing as they are placed; earlier views stay valid.
 */
export class TableMemory {
  readonly memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  private used = 64;
  /** End of the pages prefault() has touched (a later call touches only what lies past it). */
  private faulted = 0;
  private readonly pending: Promise<unknown>[] = [];

  /** Bytes placed so far. */
  get placed(): number {
    return this.used;
  }

  /** Reserves `bytes` (16-byte aligned) and returns their address. */
  place(bytes: number): number {
    const at = this.used;
    this.used += align(bytes);
    const pages = this.memory.buffer.byteLength / PAGE;
    const needed = Math.ceil(this.used / PAGE);
    if (needed > MAX_PAGES)
      throw new InputError(
        `the paired bootstrap needs more than WebAssembly's 4 GiB of memory (${this.used} bytes) for these rows and slice columns; ${TOO_LARGE_HINT}`
      );
    // Doubling keeps the number of grows small.
    if (needed > pages) this.memory.grow(Math.min(MAX_PAGES, Math.max(needed, 2 * pages)) - pages);
    return at;
  }

  /**
   * Grows the memory to `bytes` past what is placed and starts touching those pages on a helper
   * thread: a fresh page costs ≈ 3 ms per MB on a small VM, paid there instead of by the plan on
   * the calling thread. Pages an earlier call touches are not touched again; the helper adds 0
   * atomically, so what the calling thread places and writes meanwhile is kept.
   */
  prefault(bytes: number): void {
    const from = Math.max(this.faulted, Math.ceil(this.used / PAGE) * PAGE);
    const pages = Math.min(MAX_PAGES, Math.ceil((this.used + bytes) / PAGE));
    if (pages * PAGE <= from) return;
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > have) this.memory.grow(pages - have);
    this.faulted = pages * PAGE;
    const helper = startKernelWorker(PREFAULT_SOURCE, { memory: this.memory, from, to: pages * PAGE });
    helper.ref();
    // Only a head start: should a helper fail, the plan faults those pages itself.
    this.pending.push(helper.finished.catch(() => undefined));
  }

  /** Resolves when every prefault() has finished. */
  async settled(): Promise<TableMemory> {
    await Promise.all(this.pending);
    return this;
  }

  /** A zeroed Int32Array of n entries in the memory. */
  i32(n: number): Int32Array {
    const at = this.place(4 * n); // before reading buffer: placing may grow it
    return new Int32Array(this.memory.buffer, at, n);
  }

  /** A zeroed Float64Array of n entries in the memory. */
  f64(n: number): Float64Array {
    const at = this.place(8 * n);
    return new Float64Array(this.memory.buffer, at, n);
  }
}

/** Adds 0 to one word of every 4 KB page of [from, to) of workerData.memory: a write, which keeps any value. */
const PREFAULT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const view = new Int32Array(workerData.memory.buffer, workerData.from, (workerData.to - workerData.from) / 4);
for (let i = 0; i < view.length; i += 1024) Atomics.add(view, i, 0);
parentPort.postMessage('done');
`;

/** The kernel's Poisson thresholds from the scalar table: weight k starts at the first u with TABLE[u] ≥ k. */
function thresholdLanes(table: Uint8Array, memory: TableMemory): number {
  if (table[table.length - 1] > MAX_WEIGHT)
    throw new Error(`Poisson table exceeds the kernel weight ${MAX_WEIGHT}`);
  const at = memory.place(128);
  const out = new Uint16Array(memory.memory.buffer, at, 64);
  for (let k = 1; k <= MAX_WEIGHT; k++) {
    const u = table.findIndex((v) => v >= k);
    for (let lane = 0; lane < 8; lane++) out[(k - 1) * 8 + lane] = ((u < 0 ? 0x10000 : u) - 1) ^ 0x8000;
  }
  return at;
}

/**
 * The ranking kernels' masks by a row's low two bits (positive, first of tie), 32 bytes each:
 * i32x4 of −1 where positive, then i32x4 of −1 where not the first row of its tie.
 */
export function rowMasks(): Int32Array {
  const out = new Int32Array(32);
  for (let bits = 0; bits < 4; bits++)
    for (let lane = 0; lane < 4; lane++) {
      out[8 * bits + lane] = -(bits & 1);
      out[8 * bits + 4 + lane] = (bits & 2) === 0 ? -1 : 0;
    }
  return out;
}

/** Most rows per u32 sum of ROC products: longer chunks gain nothing measurable. */
const MAX_CHUNK = 64;

/**
 * Rows per u32 sum of rank's ROC products (table.wat), at most `most`: a product is
 * w × (2·fp − ng) ≤ w × 2·fp ≤ 8 × 16n (fp sums at most n weights of at most 8), and a chunk of
 * them must stay below 2^32.
 */
export function rankChunk(n: number, most = MAX_CHUNK): number {
  const largest = MAX_WEIGHT * 2 * MAX_WEIGHT * Math.max(1, n);
  const chunk = Math.min(most, Math.floor(0xffffffff / largest));
  if (chunk < 1)
    throw new InputError(
      `the paired bootstrap takes at most ${Math.floor(0xffffffff / (2 * MAX_WEIGHT * MAX_WEIGHT))} rows (the data has ${n}); ${TOO_LARGE_HINT}`
    );
  return chunk;
}

/**
 * The kernels' view of a planned job whose arrays are in `memory`, with a scratch slot for each
 * of `threads` threads.
 */
export function layoutTableJob(
  data: TableJobData,
  memory: TableMemory,
  threads: number,
  poissonTable: Uint8Array
): TableJob {
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
    wasm: Buffer.from(WASM_BASE64, 'base64'),
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

/** Each resample's statistics and the work counters, in shared memory. */
export interface TableResults {
  values: Float64Array;
  next: Int32Array;
  done: Int32Array;
  /** Scratch slots claimed so far (one per thread). */
  slots: Int32Array;
  /** 1 once batch b's records are written (the caller reads finished batches early). */
  finished: Int32Array;
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
