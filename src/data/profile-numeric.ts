// Numeric columns: their sorted values are walked once, feeding the statistics accumulators and,
// with a reference, the drift walk (ECDF distances, Sturges bins, exact value counts) of both sides,
// whose two ascending streams are merged value by value.
import { BinCounter, sturgesEdges } from './drift/binning.js';
import { EcdfWalk } from './drift/ecdf.js';
import type { DriftInput } from './drift/registry.js';
import { Cursor, NumericAccumulator, type ColumnHead, type CountChunk } from './numeric.js';
import type { Summary } from './profile-summary.js';
import type { ColumnInfo } from './source.js';
import { VALUE_CAP, type ColumnStatistics } from './statistics.js';

/** The numeric side of a reference or current: how to stream its values and what is known up front. */
export interface NumericSide {
  n: number;
  min: number | null;
  max: number | null;
  /** A cursor on the smallest finite value (a table's value-count stream), or how to open one. */
  cursor: Cursor | (() => AsyncGenerator<CountChunk>);
  accumulator?: NumericAccumulator;
}

/** The summary of a numeric column read from the head of its value-count stream. */
export function headSummary(rows: number, head: ColumnHead): Summary {
  const { nan, posInf, negInf, min, max } = head;
  return { present: rows - head.nulls, nan, posInf, negInf, min, max };
}

/** A side's cursor, opened when it is a stream still to open. */
function cursorOf(side: NumericSide): Cursor | Promise<Cursor> {
  return side.cursor instanceof Cursor ? side.cursor : new Cursor(side.cursor()).refill();
}

/** Statistics of a numeric column from its summary and accumulator. */
export function numericStats(
  info: ColumnInfo,
  rows: number,
  s: Summary,
  acc: NumericAccumulator | undefined
): ColumnStatistics {
  const base: ColumnStatistics = {
    kind: 'numeric',
    type: info.type,
    count: rows,
    missing: rows - s.present,
    present: s.present,
    nan: s.nan,
    pos_inf: s.posInf,
    neg_inf: s.negInf,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  if (!acc) return base;
  const r = acc.finish();
  return {
    ...base,
    finite: r.finite,
    zeros: r.zeros,
    min: r.min,
    max: r.max,
    mean: r.mean,
    std: r.finite > 1 ? Math.sqrt(r.m2 / (r.finite - 1)) : null,
    m2: r.m2,
    sum: r.sum,
    quantiles: r.quantiles,
    histogram: r.histogram,
    distinct: r.distinct,
    top: r.top,
    distribution: r.distribution,
    hll: r.hll.toJSON()
  };
}

/** Walks current (and reference) numeric values once, feeding accumulators and the drift walk. */
export async function walkNumeric(
  cur: NumericSide,
  ref: NumericSide | undefined
): Promise<Omit<DriftInput & { kind: 'numeric' }, 'refStd' | 'refDistinct' | 'exact'> | undefined> {
  const [b, a0] = await Promise.all([cursorOf(cur), ref ? cursorOf(ref) : undefined]);
  if (!ref || !a0) {
    while (!b.done) {
      cur.accumulator!.add(b.value, b.count, b.key);
      if (b.advance()) await b.refill();
    }
    return undefined;
  }
  const a = a0;
  const state = new DriftWalk(cur, ref);
  while (!a.done || !b.done) {
    const order = a.done ? 1 : b.done ? -1 : a.value - b.value || exactOrder(a, b);
    const v = order <= 0 ? a.value : b.value;
    const key = order <= 0 ? a.key : b.key;
    let ca = 0;
    let cb = 0;
    if (order <= 0) {
      ca = a.count;
      if (a.advance()) await a.refill();
    }
    if (order >= 0) {
      cb = b.count;
      if (b.advance()) await b.refill();
    }
    state.add(v, ca, cb, key);
  }
  return state.result();
}

/**
 * The order of two cursors' values whose doubles are equal: only integers beyond ±2^53 (which carry
 * their exact text) can still differ.
 */
function exactOrder(a: Cursor, b: Cursor): number {
  const ka = a.key;
  const kb = b.key;
  if (ka === kb) return 0;
  const x = BigInt(ka ?? a.value);
  const y = BigInt(kb ?? b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The per-value work of a drift walk over the merged values of both sides. */
class DriftWalk {
  readonly walk: EcdfWalk;
  readonly sturgesRef: BinCounter;
  readonly sturgesCur: BinCounter;
  refValues: Map<string, number> | undefined = new Map();
  curValues: Map<string, number> | undefined = new Map();
  pooled = 0;
  constructor(
    readonly cur: NumericSide,
    readonly ref: NumericSide
  ) {
    this.walk = new EcdfWalk(ref.n, cur.n);
    const lo = Math.min(ref.min ?? Infinity, cur.min ?? Infinity);
    const hi = Math.max(ref.max ?? -Infinity, cur.max ?? -Infinity);
    const edges = Number.isFinite(lo) ? sturgesEdges(ref.n + cur.n, lo, hi) : [];
    this.sturgesRef = new BinCounter(edges);
    this.sturgesCur = new BinCounter(edges);
  }

  /** Adds one pooled value; `key` is its exact text when the double `v` does not hold it. */
  add(v: number, ca: number, cb: number, key?: string): void {
    // Integers beyond ±2^53 that share a double are separate steps here, as in scipy's ks_2samp on
    // int64 data; the Wasserstein distance between them is 0, as between their float64 values.
    this.walk.push(v, ca, cb);
    this.pooled++;
    if (ca) {
      this.sturgesRef.add(v, ca);
      this.ref.accumulator?.add(v, ca, key);
    }
    if (cb) {
      this.sturgesCur.add(v, cb);
      this.cur.accumulator!.add(v, cb, key);
    }
    if (this.refValues && this.curValues) {
      if (this.pooled > VALUE_CAP) {
        this.refValues = undefined;
        this.curValues = undefined;
      } else {
        const name = key ?? String(v);
        // Added, not set: a stored summary's equal-weight points may repeat a value.
        if (ca) this.refValues.set(name, (this.refValues.get(name) ?? 0) + ca);
        if (cb) this.curValues.set(name, (this.curValues.get(name) ?? 0) + cb);
      }
    }
  }

  result() {
    return {
      kind: 'numeric' as const,
      nRef: this.ref.n,
      nCur: this.cur.n,
      pooledDistinct: this.pooled,
      maxS: this.walk.maxS,
      minS: this.walk.minS,
      wasserstein: this.walk.wasserstein,
      refValues: this.refValues,
      curValues: this.curValues,
      sturgesRef: this.sturgesRef.counts,
      sturgesCur: this.sturgesCur.counts
    };
  }
}
