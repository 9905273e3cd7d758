// The sorted value counts that numeric profiling and exact drift walk, computed in JS: a column's
// values are copied out of the engine as raw DOUBLE vectors (no per-value objects), sorted by an LSD
// radix sort on their IEEE bits and grouped into runs. The engine's hash aggregate and sort over the
// same 2–4 M values cost ≈ 1.7× the CPU (bench/validate-data/README.md, section of 2026-12-07).
import type { DuckDBConnection } from '@duckdb/node-api';
import { bindings } from './columns.js';
import { sqlIdent } from './engine.js';
import type { CountChunk, JointChunk } from './numeric.js';
import type { SortWorker } from './sort-worker.js';

/** A numeric column as read: its finite values as sorted (value, count) runs, and how many rows were NULL, NaN or ±Inf. */
export interface ColumnRuns {
  finite: CountChunk;
  nulls: number;
  nan: number;
  posInf: number;
  negInf: number;
}

/** Columns with fewer finite values are sorted on the calling thread: a round trip would cost more. */
export const WORKER_MIN_VALUES = 200_000;

/** Distinct values per chunk handed to the walks: bounds the pairs held per step, as the engine's chunks did. */
const CHUNK = 16_384;

/**
 * Value buffers reused across reads (one per read under way, two at most: one per connection), and
 * the sort's scratch, so that a column leaves no large garbage behind.
 */
const idle: Float64Array[] = [];
let spare = new Float64Array(0);

function acquire(size: number): Float64Array {
  const found = idle.findIndex((buffer) => buffer.length >= size);
  return found >= 0 ? idle.splice(found, 1)[0] : new Float64Array(size);
}

function release(buffer: Float64Array): void {
  idle.push(buffer);
  idle.sort((a, b) => a.length - b.length);
  if (idle.length > 2) idle.shift();
}

/** A buffer twice as large holding the first `used` values of `buffer` (which goes back to the pool). */
function grow(buffer: Float64Array, used: number, needed: number): Float64Array {
  const larger = acquire(Math.max(needed, 2 * buffer.length, 2048));
  larger.set(buffer.subarray(0, used));
  release(buffer);
  return larger;
}

/** Reads one column of a table as DOUBLE: its finite values sorted into runs, the others counted. */
export async function readRuns(
  db: DuckDBConnection,
  table: string,
  column: string,
  /** The table's row count, when known: the buffer is taken at that size. */
  rows = 0,
  /** Sorts large columns off the main thread. */
  worker?: SortWorker
): Promise<ColumnRuns> {
  const duckdb = await bindings();
  // Streamed: each chunk's native memory is released once copied (a materialized result or one LIST
  // value stays in native memory, unseen by the JS collector, until its wrapper is collected).
  const result = await db.stream(`SELECT CAST(${sqlIdent(column)} AS DOUBLE) FROM ${sqlIdent(table)}`);
  let values = acquire(rows);
  let k = 0;
  let nulls = 0;
  try {
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const size = chunk.rowCount;
      if (k + size > values.length) values = grow(values, k, k + size);
      const vector = duckdb.data_chunk_get_vector(chunk.chunk, 0);
      const validity = duckdb.vector_get_validity(vector, Math.ceil(size / 64) * 8);
      const data = duckdb.vector_get_data(vector, size * 8);
      if (validity === null && data.byteOffset % 8 === 0) {
        values.set(new Float64Array(data.buffer, data.byteOffset, size), k);
        k += size;
        continue;
      }
      const view = new Float64Array(data.slice(0, size * 8).buffer);
      for (let r = 0; r < size; r++) {
        if (validity === null || validity[r >>> 3] & (1 << (r & 7))) values[k++] = view[r];
        else nulls++;
      }
    }
  } catch (error) {
    release(values);
    throw error;
  }
  // Non-finite values counted and squeezed out in place.
  let n = 0;
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  for (let i = 0; i < k; i++) {
    const v = values[i];
    if (v - v === 0) values[n++] = v;
    else if (v !== v) nan++;
    else if (v > 0) posInf++;
    else negInf++;
  }
  if (worker && n >= WORKER_MIN_VALUES) {
    const sorted = await worker.sort(values, n);
    release(sorted.buffer);
    return { finite: sorted.runs, nulls, nan, posInf, negInf };
  }
  // Sorted and counted before the next await, so one scratch buffer serves every read.
  if (spare.length < n) spare = new Float64Array(values.length);
  const finite = runs(sortDoubles(values.subarray(0, n), spare));
  release(values);
  return { finite, nulls, nan, posInf, negInf };
}

/**
 * Sorts finite doubles ascending in place (−0 before +0) by an LSD radix sort on their IEEE bits,
 * mapped to unsigned order (negative: all bits flipped; positive: sign bit set). Measured ≈ 3× faster
 * than Float64Array.prototype.sort on 2 M values. Self-contained: the sort worker runs its source.
 */
export function sortDoubles(
  values: Float64Array,
  spare: Float64Array = new Float64Array(values.length)
): Float64Array {
  const n = values.length;
  if (n < 2) return values;
  const BUCKETS = 2048;
  // (word, shift, mask) of each pass over the 64-bit key: 11 + 11 + 10 bits of each 32-bit half.
  const PASSES: [number, number, number][] = [
    [0, 0, 2047],
    [0, 11, 2047],
    [0, 22, 1023],
    [1, 0, 2047],
    [1, 11, 2047],
    [1, 22, 1023]
  ];
  // Keys are the values' own bytes, turned into unsigned order and back: word 0 low, word 1 high.
  const keys = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const hist = new Uint32Array(PASSES.length * BUCKETS);
  for (let i = 0; i < 2 * n; i += 2) {
    const m = keys[i + 1] >> 31;
    const lo = (keys[i] ^ m) >>> 0;
    const hi = (keys[i + 1] ^ (m | 0x80000000)) >>> 0;
    keys[i] = lo;
    keys[i + 1] = hi;
    hist[lo & 2047]++;
    hist[BUCKETS + ((lo >>> 11) & 2047)]++;
    hist[2 * BUCKETS + (lo >>> 22)]++;
    hist[3 * BUCKETS + (hi & 2047)]++;
    hist[4 * BUCKETS + ((hi >>> 11) & 2047)]++;
    hist[5 * BUCKETS + (hi >>> 22)]++;
  }
  let src: Uint32Array = keys;
  let dst: Uint32Array = new Uint32Array(spare.buffer, spare.byteOffset, 2 * n);
  for (let p = 0; p < PASSES.length; p++) {
    const base = p * BUCKETS;
    const [word, shift, mask] = PASSES[p];
    // A digit every key shares leaves the order as it is.
    if (hist[base + ((src[word] >>> shift) & mask)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const count = hist[base + b];
      hist[base + b] = sum;
      sum += count;
    }
    for (let i = 0; i < 2 * n; i += 2) {
      const lo = src[i];
      const hi = src[i + 1];
      const at = 2 * hist[base + (((word === 0 ? lo : hi) >>> shift) & mask)]++;
      dst[at] = lo;
      dst[at + 1] = hi;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== keys) keys.set(src);
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = keys[i + 1];
    if (hi >>> 31) keys[i + 1] = (hi ^ 0x80000000) >>> 0;
    else {
      keys[i] = ~keys[i] >>> 0;
      keys[i + 1] = ~hi >>> 0;
    }
  }
  return values;
}

/** Counts the runs of equal values of a sorted array into (value, count) pairs; −0 and +0 are one value, +0 (self-contained, as sortDoubles). */
export function runs(sorted: Float64Array): CountChunk {
  const n = sorted.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  if (n === 0) return { values, counts };
  let k = 0;
  let prev = sorted[0];
  let count = 1;
  for (let i = 1; i < n; i++) {
    const v = sorted[i];
    if (v === prev) count++;
    else {
      values[k] = prev + 0;
      counts[k++] = count;
      prev = v;
      count = 1;
    }
  }
  values[k] = prev + 0;
  counts[k] = count;
  return { values, counts };
}

/** Merges two sides' ascending (value, count) pairs into joint chunks of the pooled values. */
export function* mergeRuns(a: CountChunk, b: CountChunk): Generator<JointChunk> {
  let i = 0;
  let j = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const size = Math.min(CHUNK, na - i + nb - j);
    const values = new Float64Array(size);
    const countsA = new Float64Array(size);
    const countsB = new Float64Array(size);
    let k = 0;
    for (; k < size && (i < na || j < nb); k++) {
      const va = i < na ? a.values[i] : Infinity;
      const vb = j < nb ? b.values[j] : Infinity;
      if (j >= nb || (i < na && va <= vb)) {
        values[k] = va;
        countsA[k] = a.counts[i++];
        if (j < nb && vb === va) countsB[k] = b.counts[j++];
      } else {
        values[k] = vb;
        countsB[k] = b.counts[j++];
      }
    }
    yield { values: values.subarray(0, k), countsA: countsA.subarray(0, k), countsB: countsB.subarray(0, k) };
  }
}

/** (value, count) pairs in chunks of at most CHUNK, as the walks take them. */
export function* chunked(pairs: CountChunk): Generator<CountChunk> {
  for (let i = 0; i < pairs.values.length; i += CHUNK) {
    yield { values: pairs.values.subarray(i, i + CHUNK), counts: pairs.counts.subarray(i, i + CHUNK) };
  }
}
