// Exact statistics of numeric columns from the engine's sorted (value, count) pairs: one ascending
// pass gives moments, exact quantiles (numpy's linear rule), histograms, top values, the stored
// distribution and the distinct-count sketch, with memory bounded by the pairs held per chunk.
import type { DuckDBConnection } from '@duckdb/node-api';
import { BinCounter, linspace } from './drift/binning.js';
import { sqlIdent } from './engine.js';
import { Hll } from './sketch/hll.js';
import {
  HISTOGRAM_BINS,
  QUANTILES,
  SUMMARY_POINTS,
  VALUE_CAP,
  type Histogram,
  type NumericDistribution
} from './statistics.js';

/** A chunk of ascending distinct values with their counts. */
export interface CountChunk {
  values: Float64Array;
  counts: Float64Array;
}

/** Streams the sorted distinct finite values of a column with their counts (on its own connection). */
export async function* sortedCounts(
  db: DuckDBConnection,
  table: string,
  column: string
): AsyncGenerator<CountChunk> {
  const sql =
    `SELECT v, count(*)::DOUBLE AS c FROM (SELECT CAST(${sqlIdent(column)} AS DOUBLE) AS v FROM ${sqlIdent(table)}) ` +
    `WHERE isfinite(v) GROUP BY v ORDER BY v`;
  const result = await db.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    const values = (chunk.getColumnVector(0) as unknown as { items: Float64Array }).items;
    const counts = (chunk.getColumnVector(1) as unknown as { items: Float64Array }).items;
    yield { values: values.slice(0, chunk.rowCount), counts: counts.slice(0, chunk.rowCount) };
  }
}

/** A chunk of allCounts(): `nulls` counts the NULL row that may lead the first chunk. */
export interface HeadedChunk extends CountChunk {
  nulls?: number;
}

/**
 * Streams every distinct value of a column with its count: first NULL (as `nulls`), then -Inf, +Inf
 * and NaN, then the finite values ascending. The non-finite head gives the counts that the finite
 * walk needs up front (its total and minimum), without a separate aggregate scan.
 */
export async function* allCounts(
  db: DuckDBConnection,
  table: string,
  column: string
): AsyncGenerator<HeadedChunk> {
  const sql =
    `SELECT v, count(*)::DOUBLE AS c FROM (SELECT CAST(${sqlIdent(column)} AS DOUBLE) AS v FROM ${sqlIdent(table)}) ` +
    `GROUP BY v ORDER BY isfinite(v) NULLS FIRST, v`;
  const result = await db.stream(sql);
  let first = true;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    const vector = chunk.getColumnVector(0);
    const values = (vector as unknown as { items: Float64Array }).items;
    const counts = (chunk.getColumnVector(1) as unknown as { items: Float64Array }).items;
    // NULLS FIRST: only the first row of the first chunk can be NULL.
    const start = first && vector.getItem(0) === null ? 1 : 0;
    const nulls = start === 1 ? counts[0] : 0;
    first = false;
    yield {
      values: values.slice(start, chunk.rowCount),
      counts: counts.slice(start, chunk.rowCount),
      nulls
    };
  }
}

/** NULL, NaN and ±Inf counts of a column, read from the head of an allCounts() stream. */
export interface NonFiniteCounts {
  nulls: number;
  nan: number;
  posInf: number;
  negInf: number;
}

/** Consumes the non-finite head of an allCounts() stream: the cursor is left on the first finite value. */
export async function readHead(
  source: AsyncGenerator<HeadedChunk>
): Promise<{ cursor: Cursor; head: NonFiniteCounts }> {
  const head: NonFiniteCounts = { nulls: 0, nan: 0, posInf: 0, negInf: 0 };
  const counting = (async function* () {
    for await (const chunk of source) {
      head.nulls += chunk.nulls ?? 0;
      yield chunk;
    }
  })();
  const cursor = await new Cursor(counting).refill();
  while (!cursor.done && !Number.isFinite(cursor.value)) {
    const v = cursor.value;
    countNonFinite(head, v, cursor.count);
    if (cursor.advance()) await cursor.refill();
  }
  return { cursor, head };
}

/** A chunk of ascending distinct values with counts on two sides (reference A, current B). */
export interface JointChunk {
  values: Float64Array;
  countsA: Float64Array;
  countsB: Float64Array;
  /** Headed streams: the NULL counts of each side, which may lead the first chunk. */
  nullsA?: number;
  nullsB?: number;
}

/**
 * Streams the pooled sorted distinct finite values of a column in two tables, counted per table (one
 * query). Headed, every value comes (like allCounts()): first NULL (as `nullsA`/`nullsB`), then -Inf,
 * +Inf and NaN, then the finite values ascending, so both sides' summary counts need no scan.
 */
export async function* jointCounts(
  db: DuckDBConnection,
  tableA: string,
  tableB: string,
  column: string,
  headed = false
): AsyncGenerator<JointChunk> {
  const v = `CAST(${sqlIdent(column)} AS DOUBLE)`;
  const where = headed ? '' : ` WHERE isfinite(${v})`;
  const sql =
    `SELECT v, count(*) FILTER (WHERE s = 0)::DOUBLE, count(*) FILTER (WHERE s = 1)::DOUBLE FROM (` +
    `SELECT ${v} AS v, 0 AS s FROM ${sqlIdent(tableA)}${where} UNION ALL ` +
    `SELECT ${v} AS v, 1 AS s FROM ${sqlIdent(tableB)}${where}) GROUP BY v ` +
    `ORDER BY ${headed ? 'isfinite(v) NULLS FIRST, ' : ''}v`;
  const result = await db.stream(sql);
  let first = true;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    const n = chunk.rowCount;
    // NULLS FIRST: only the first row of the first chunk can be NULL.
    const start = headed && first && chunk.getColumnVector(0).getItem(0) === null ? 1 : 0;
    first = false;
    const col = (i: number) =>
      (chunk.getColumnVector(i) as unknown as { items: Float64Array }).items.slice(start, n);
    const countsA = col(1);
    const countsB = col(2);
    if (start === 0) yield { values: col(0), countsA, countsB };
    else {
      const nulls = (i: number) => (chunk.getColumnVector(i) as unknown as { items: Float64Array }).items[0];
      yield { values: col(0), countsA, countsB, nullsA: nulls(1), nullsB: nulls(2) };
    }
  }
}

/** What the head of a headed jointCounts() stream holds: both sides' non-finite counts, then the finite rest. */
export interface JointHead {
  a: NonFiniteCounts;
  b: NonFiniteCounts;
  /** The smallest finite value of either side (null when neither has one). */
  first: number | null;
  /** The finite values, from the first. */
  rest: AsyncGenerator<JointChunk>;
}

function countNonFinite(head: NonFiniteCounts, v: number, count: number): void {
  if (Number.isNaN(v)) head.nan += count;
  else if (v > 0) head.posInf += count;
  else head.negInf += count;
}

/** Consumes the non-finite head of a headed jointCounts() stream. */
export async function readJointHead(source: AsyncGenerator<JointChunk>): Promise<JointHead> {
  const a: NonFiniteCounts = { nulls: 0, nan: 0, posInf: 0, negInf: 0 };
  const b: NonFiniteCounts = { nulls: 0, nan: 0, posInf: 0, negInf: 0 };
  for (;;) {
    const next = await source.next();
    if (next.done) return { a, b, first: null, rest: (async function* () {})() };
    const { values, countsA, countsB } = next.value;
    a.nulls += next.value.nullsA ?? 0;
    b.nulls += next.value.nullsB ?? 0;
    let i = 0;
    for (; i < values.length && !Number.isFinite(values[i]); i++) {
      countNonFinite(a, values[i], countsA[i]);
      countNonFinite(b, values[i], countsB[i]);
    }
    if (i < values.length) {
      const head = { values: values.subarray(i), countsA: countsA.subarray(i), countsB: countsB.subarray(i) };
      const rest = (async function* () {
        yield head;
        yield* source;
      })();
      return { a, b, first: values[i], rest };
    }
  }
}

/** Streams a stored distribution as one chunk. */
export async function* storedCounts(distribution: NumericDistribution): AsyncGenerator<CountChunk> {
  yield { values: Float64Array.from(distribution.values), counts: Float64Array.from(distribution.counts) };
}

/** Reads one ascending stream value by value; only chunk boundaries are asynchronous. */
export class Cursor {
  private values: Float64Array = new Float64Array(0);
  private counts: Float64Array = new Float64Array(0);
  private index = 0;
  done = false;
  constructor(private readonly source: AsyncGenerator<CountChunk>) {}

  /** Loads the next non-empty chunk (or marks the cursor done). */
  async refill(): Promise<this> {
    for (;;) {
      const next = await this.source.next();
      if (next.done) {
        this.done = true;
        return this;
      }
      if (next.value.values.length > 0) {
        this.values = next.value.values;
        this.counts = next.value.counts;
        this.index = 0;
        return this;
      }
    }
  }

  /** The current value (only when not done). */
  get value(): number {
    return this.values[this.index];
  }

  /** The current count (only when not done). */
  get count(): number {
    return this.counts[this.index];
  }

  /** Moves to the next value; true when the chunk is used up and refill() must be awaited. */
  advance(): boolean {
    this.index++;
    return this.index >= this.values.length;
  }
}

/** numpy's _lerp, used by numpy.quantile's linear method. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Histogram edges for a column: `bins` equal-width bins over [min, max] (numpy's rules). */
export function equalWidthEdges(min: number, max: number, bins = HISTOGRAM_BINS): number[] {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return linspace(first, last, bins + 1);
}

/** What one numeric pass yields. */
export interface NumericSummary {
  finite: number;
  sum: number;
  mean: number | null;
  m2: number;
  min: number | null;
  max: number | null;
  zeros: number;
  distinct: number;
  quantiles: Record<string, number | null>;
  histogram: Histogram;
  top: { value: number; count: number }[];
  distribution: NumericDistribution;
  hll: Hll;
}

/** Accumulates statistics of ascending (value, count) pairs whose total `n` is known up front. */
export class NumericAccumulator {
  private seen = 0;
  private mean = 0;
  private m2 = 0;
  private sum = 0;
  private sumComp = 0;
  private min = NaN;
  private max = NaN;
  private zeros = 0;
  private distinct = 0;
  private readonly qLo: number[];
  private readonly qFrac: number[];
  private readonly qA: number[];
  private readonly qB: number[];
  private readonly qHi: number[];
  private qNextA = 0;
  private qNextB = 0;
  private readonly hist: BinCounter;
  private below = 0;
  private above = 0;
  private top: { value: number; count: number }[] = [];
  private exactValues: number[] | undefined = [];
  private exactCounts: number[] = [];
  private readonly pointRanks: number[] = [];
  private readonly points: number[] = [];
  private pointIndex = 0;
  private readonly hll = new Hll();

  constructor(
    readonly n: number,
    edges: number[],
    /** Light: moments, quantiles and histogram only (a reference read from data is never stored). */
    private readonly light = false
  ) {
    this.qLo = QUANTILES.map(([, p]) => Math.floor((n - 1) * p));
    this.qFrac = QUANTILES.map(([, p], i) => (n - 1) * p - this.qLo[i]);
    this.qA = QUANTILES.map(() => NaN);
    this.qB = QUANTILES.map(() => NaN);
    this.qHi = this.qLo.map((lo) => Math.min(lo + 1, n - 1));
    this.hist = new BinCounter(edges);
    const k = Math.min(SUMMARY_POINTS, n);
    for (let i = 0; i < k; i++) this.pointRanks.push(Math.floor(((i + 0.5) * n) / k));
  }

  /** Adds a distinct value with its count (values ascending). */
  add(value: number, count: number): void {
    const before = this.seen;
    const after = before + count;
    if (this.distinct === 0) this.min = value;
    this.max = value;
    this.distinct++;
    const delta = value - this.mean;
    this.mean += (delta * count) / after;
    this.m2 += delta * (value - this.mean) * count;
    const term = value * count;
    const s = this.sum + term;
    this.sumComp += Math.abs(this.sum) >= Math.abs(term) ? this.sum - s + term : term - s + this.sum;
    this.sum = s;
    if (value === 0) this.zeros += count;
    // 0-based ranks [before, after) hold `value`; ranks ascend with the quantile levels, so two
    // pointers replace a scan of every level per value.
    while (this.qNextA < this.qLo.length && this.qLo[this.qNextA] < after) this.qA[this.qNextA++] = value;
    while (this.qNextB < this.qHi.length && this.qHi[this.qNextB] < after) this.qB[this.qNextB++] = value;
    const edges = this.hist.edges;
    if (value < edges[0]) this.below += count;
    else if (value > edges[edges.length - 1]) this.above += count;
    else this.hist.add(value, count);
    if (this.light) {
      this.seen = after;
      return;
    }
    if (this.top.length < 10 || count > this.top[this.top.length - 1].count) {
      this.top.push({ value, count });
      this.top.sort((a, b) => b.count - a.count || a.value - b.value);
      if (this.top.length > 10) this.top.pop();
    }
    if (this.exactValues) {
      if (this.exactValues.length >= VALUE_CAP) this.exactValues = undefined;
      else {
        this.exactValues.push(value);
        this.exactCounts.push(count);
      }
    }
    while (this.pointIndex < this.pointRanks.length && this.pointRanks[this.pointIndex] < after) {
      this.points.push(value);
      this.pointIndex++;
    }
    this.hll.addNumber(value);
    this.seen = after;
  }

  /** The statistics of everything added. */
  finish(): NumericSummary {
    // A DuckDB stream that fails part-way ends like a complete one: short counts are that failure.
    if (this.seen !== this.n)
      throw new Error(`the engine's value stream ended after ${this.seen} of ${this.n} finite values`);
    const quantiles: Record<string, number | null> = {};
    QUANTILES.forEach(([name], i) => {
      quantiles[name] = this.seen === 0 ? null : lerp(this.qA[i], this.qB[i], this.qFrac[i]);
    });
    const histogram: Histogram = { edges: this.hist.edges, counts: Array.from(this.hist.counts) };
    if (this.below > 0) histogram.below = this.below;
    if (this.above > 0) histogram.above = this.above;
    const distribution: NumericDistribution = this.exactValues
      ? { kind: 'exact', values: this.exactValues, counts: this.exactCounts }
      : {
          kind: 'quantiles',
          values: this.points,
          counts: this.points.map(() => this.seen / this.points.length),
          rank_error: 1 / this.points.length
        };
    return {
      finite: this.seen,
      sum: this.sum + this.sumComp,
      mean: this.seen > 0 ? this.mean : null,
      m2: this.m2,
      min: this.seen > 0 ? this.min : null,
      max: this.seen > 0 ? this.max : null,
      zeros: this.zeros,
      distinct: this.distinct,
      quantiles,
      histogram,
      top: this.top,
      distribution,
      hll: this.hll
    };
  }
}
