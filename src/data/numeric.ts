// Exact statistics of numeric columns from the engine's sorted (value, count) pairs: one ascending
// pass gives moments, exact quantiles (numpy's linear rule), histograms, top values, the stored
// distribution and the distinct-count sketch, with memory bounded by the pairs held per chunk.
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { BinCounter, linspace } from './drift/binning.js';
import { sqlIdent } from './engine.js';
import {
  EXACT_DOUBLE_LIMIT,
  addExactInteger,
  beyondDoubles,
  exactCountsSql,
  holdsWideIntegers,
  keysOf
} from './numeric-exact.js';
import { Hll } from './sketch/hll.js';
import {
  HISTOGRAM_BINS,
  QUANTILES,
  SUMMARY_POINTS,
  VALUE_CAP,
  type Histogram,
  type NumericDistribution
} from './statistics.js';

export { EXACT_DOUBLE_LIMIT, holdsWideIntegers };

/** A chunk of ascending distinct values with their counts. */
export interface CountChunk {
  values: Float64Array;
  counts: Float64Array;
  /**
   * The exact decimal text of each value a double does not hold (an integer beyond ±2^53), else null;
   * absent when no value of the chunk needs one. Such values stay apart although their doubles tie.
   */
  keys?: (string | null)[];
}

/** NULL, NaN and ±Inf counts of a column and its finite bounds: the head of its value-count stream. */
export interface ColumnHead {
  nulls: number;
  nan: number;
  posInf: number;
  negInf: number;
  /** The smallest and largest finite values (null when there is none). */
  min: number | null;
  max: number | null;
}

/** A column's value-count stream, read up to its first finite value. */
export interface OpenedCounts {
  head: ColumnHead;
  /** On the smallest finite value (done when there is none). */
  cursor: Cursor;
}

/**
 * The query of openCounts(): a column's value counts in the engine's order, NULL first, then -Inf,
 * the finite values ascending, +Inf and NaN last. One grouping and a sort on the value alone: reading
 * the largest finite value up front as a row of its own cost ≈ 10 % more engine time
 * (bench/validate-data/README.md, "value counts read whole").
 */
function valueCountsSql(table: string, column: string): string {
  return (
    `SELECT CAST(${sqlIdent(column)} AS DOUBLE) AS v, count(*)::DOUBLE AS c FROM ${sqlIdent(table)} ` +
    // By position: a name would bind to a data column called "v" before the alias.
    `GROUP BY 1 ORDER BY 1 NULLS FIRST`
  );
}

/** The DOUBLE items of a result vector (a copy the vector makes). */
function items(vector: unknown): Float64Array {
  return (vector as { items: Float64Array }).items;
}

/**
 * Groups of a column read whole before its walk (16 bytes each, up to 16 MB a stream); a column with
 * more is streamed as it is walked, its head from an aggregate scan instead (openStreamed), so that
 * memory stays bounded by the chunks held whatever the data.
 */
export const READ_WHOLE_GROUPS = 1 << 20;

/** A result chunk's groups, past the NULL group (only ever the first row of the first chunk). */
function groupsOf(chunk: DuckDBDataChunk, first: boolean): CountChunk & { nulls: number } {
  const vector = chunk.getColumnVector(0);
  const values = items(vector);
  const counts = items(chunk.getColumnVector(1));
  const keys = keysOf(chunk);
  if (!first || vector.getItem(0) !== null) return { values, counts, keys, nulls: 0 };
  return { values: values.subarray(1), counts: counts.subarray(1), keys: keys?.slice(1), nulls: counts[0] };
}

/** Where a chunk's finite values lie: after the −Inf group, before the +Inf and NaN groups (the query's order). */
function finiteRange(values: Float64Array): [number, number] {
  let from = 0;
  while (from < values.length && values[from] === -Infinity) from++;
  let to = from;
  while (to < values.length && Number.isFinite(values[to])) to++;
  return [from, to];
}

/** The groups [from, to) of a chunk. */
function slice({ values, counts, keys }: CountChunk, from: number, to: number): CountChunk {
  return {
    values: values.subarray(from, to),
    counts: counts.subarray(from, to),
    keys: keys?.slice(from, to)
  };
}

/**
 * Every chunk of a value-count query and its NULL group's count, or undefined past `limit` groups.
 */
async function readCounts(
  db: DuckDBConnection,
  sql: string,
  limit: number
): Promise<{ chunks: CountChunk[]; nulls: number } | undefined> {
  const result = await db.stream(sql);
  const chunks: CountChunk[] = [];
  let nulls = 0;
  let groups = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return { chunks, nulls };
    groups += chunk.rowCount;
    if (groups > limit) return undefined;
    const { nulls: n, ...finite } = groupsOf(chunk, chunks.length === 0);
    nulls += n;
    chunks.push(finite);
  }
}

/** The finite groups of a value-count query as they come: past the NULL and −Inf groups, up to +Inf. */
async function* finiteChunks(db: DuckDBConnection, sql: string): AsyncGenerator<CountChunk> {
  const result = await db.stream(sql);
  for (let first = true; ; first = false) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    const groups = groupsOf(chunk, first);
    const [from, to] = finiteRange(groups.values);
    yield slice(groups, from, to);
    if (to < groups.values.length) return; // +Inf and NaN come last: nothing finite follows
  }
}

/**
 * openCounts() of a column with more groups than are read whole: its head from one aggregate scan, its
 * groups from the query again, read as they are walked (the grouping is done twice for such a column).
 */
async function openStreamed(
  db: DuckDBConnection,
  table: string,
  column: string,
  wide: boolean
): Promise<OpenedCounts> {
  const x = `CAST(${sqlIdent(column)} AS DOUBLE)`;
  const finite = `FILTER (WHERE isfinite(${x}))`;
  const [row] = (
    await db.runAndReadAll(
      `SELECT count(*) - count(${x}), count_if(isnan(${x})), count_if(${x} = 'inf'::DOUBLE), ` +
        `count_if(${x} = '-inf'::DOUBLE), min(${x}) ${finite}, max(${x}) ${finite} FROM ${sqlIdent(table)}`
    )
  ).getRows();
  const [nulls, nan, posInf, negInf] = row.slice(0, 4).map(Number);
  const bound = (v: unknown) => (v === null ? null : Number(v));
  const head: ColumnHead = { nulls, nan, posInf, negInf, min: bound(row[4]), max: bound(row[5]) };
  const sql =
    wide && beyondDoubles(head.min, head.max) ? exactCountsSql(table, column) : valueCountsSql(table, column);
  const cursor = await new Cursor(finiteChunks(db, sql)).refill();
  return { head, cursor };
}

/** The chunks one by one, each let go once handed out. */
async function* handOut(chunks: (CountChunk | undefined)[]): AsyncGenerator<CountChunk> {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    chunks[i] = undefined;
    yield chunk;
  }
}

/**
 * Opens a column's value-count stream (one per table and connection; reference and current are two
 * streams merged in JS, which costs the engine less than one aggregate over both tables) and reads
 * its head: what the finite walk needs up front (its total, and the bounds that fix histogram and
 * Sturges edges) without an aggregate scan of its own. The groups are read whole first, since the
 * largest finite value and the +Inf and NaN counts come last, up to `readWhole` of them. A `wide`
 * integer column (holdsWideIntegers) whose bounds reach ±2^53 is read again grouped on its own values.
 */
export async function openCounts(
  db: DuckDBConnection,
  table: string,
  column: string,
  readWhole = READ_WHOLE_GROUPS,
  wide = false
): Promise<OpenedCounts> {
  const whole = await readCounts(db, valueCountsSql(table, column), readWhole);
  if (!whole) return openStreamed(db, table, column, wide);
  const opened = headOf(whole);
  if (!wide || !beyondDoubles(opened.head.min, opened.head.max)) return opened.open();
  const exact = await readCounts(db, exactCountsSql(table, column), readWhole);
  return exact ? headOf(exact).open() : openStreamed(db, table, column, wide);
}

/** The head of a column's groups read whole, and how to open a cursor on their finite part. */
function headOf(whole: { chunks: CountChunk[]; nulls: number }): {
  head: ColumnHead;
  open: () => Promise<OpenedCounts>;
} {
  const head: ColumnHead = { nulls: whole.nulls, nan: 0, posInf: 0, negInf: 0, min: null, max: null };
  const finite: CountChunk[] = [];
  for (const chunk of whole.chunks) {
    const { values, counts } = chunk;
    const [from, to] = finiteRange(values);
    for (let i = 0; i < from; i++) head.negInf += counts[i];
    for (let i = to; i < values.length; i++) {
      if (Number.isNaN(values[i])) head.nan += counts[i];
      else head.posInf += counts[i];
    }
    if (to > from) finite.push(slice(chunk, from, to));
  }
  if (finite.length > 0) {
    const last = finite[finite.length - 1].values;
    head.min = finite[0].values[0];
    head.max = last[last.length - 1];
  }
  return { head, open: async () => ({ head, cursor: await new Cursor(handOut(finite)).refill() }) };
}

/** Streams a stored distribution as one chunk. */
export async function* storedCounts(distribution: NumericDistribution): AsyncGenerator<CountChunk> {
  yield { values: Float64Array.from(distribution.values), counts: Float64Array.from(distribution.counts) };
}

/** Reads one ascending stream value by value; only chunk boundaries are asynchronous. */
export class Cursor {
  private values: Float64Array = new Float64Array(0);
  private counts: Float64Array = new Float64Array(0);
  private keys: (string | null)[] | undefined;
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
        this.keys = next.value.keys;
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

  /** The current value's exact text when its double does not hold it (see CountChunk.keys). */
  get key(): string | undefined {
    return this.keys?.[this.index] ?? undefined;
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
  /** Values beyond ±2^53 as their exact text. */
  top: { value: number | string; count: number }[];
  distribution: NumericDistribution;
  hll: Hll;
}

/** Accumulates statistics of ascending (value, count) pairs whose total `n` is known up front. */
export class NumericAccumulator {
  private seen = 0;
  // The running mean as an unevaluated sum hi + lo: with a mean far from zero (1e12 + N(0, 1)) each
  // value's share of it falls below the mean's last bit, and a plain running mean stalls.
  private meanHi = 0;
  private meanLo = 0;
  private m2 = 0;
  private m2Comp = 0;
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
  private top: { value: number | string; count: number }[] = [];
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

  /**
   * Adds a distinct value with its count (values ascending); `key` is its exact text when the double
   * does not hold it (CountChunk.keys): moments, quantiles and histograms use the double, as numpy
   * does with int64 data, while distinct and top values count the exact values.
   */
  add(value: number, count: number, key?: string): void {
    const before = this.seen;
    const after = before + count;
    if (this.distinct === 0) this.min = value;
    this.max = value;
    this.distinct++;
    this.addMoments(value, count, after);
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
      // Values arrive ascending and the sort is stable: equal counts stay smallest value first.
      this.top.push({ value: key ?? value, count });
      this.top.sort((a, b) => b.count - a.count);
      if (this.top.length > 10) this.top.pop();
    }
    if (this.exactValues) {
      // statistics.json lists a distribution's values as numbers: one a double cannot hold leaves the
      // equal-weight points instead (kind "quantiles", marked inexact), never a value merged with its neighbour.
      if (this.exactValues.length >= VALUE_CAP || key !== undefined) this.exactValues = undefined;
      else {
        this.exactValues.push(value);
        this.exactCounts.push(count);
      }
    }
    while (this.pointIndex < this.pointRanks.length && this.pointRanks[this.pointIndex] < after) {
      this.points.push(value);
      this.pointIndex++;
    }
    if (key === undefined) this.hll.addNumber(value);
    else addExactInteger(this.hll, key);
    this.seen = after;
  }

  /**
   * Welford's update on a mean kept as hi + lo (Neumaier-compensated M2): std and mean match numpy's
   * two passes to about 1e-15 even when |mean| ≫ std.
   */
  private addMoments(value: number, count: number, after: number): void {
    const delta = value - this.meanHi - this.meanLo;
    const step = (delta * count) / after;
    const hi = this.meanHi + step;
    const back = hi - this.meanHi;
    this.meanLo += this.meanHi - (hi - back) + (step - back);
    this.meanHi = hi + this.meanLo;
    this.meanLo -= this.meanHi - hi;
    const term = delta * (value - this.meanHi - this.meanLo) * count;
    const m2 = this.m2 + term;
    this.m2Comp += this.m2 >= Math.abs(term) ? this.m2 - m2 + term : term - m2 + this.m2;
    this.m2 = m2;
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
      mean: this.seen > 0 ? this.meanHi + this.meanLo : null,
      m2: this.m2 + this.m2Comp,
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
