// Profiles a loaded source column by column and, given a reference (another loaded source or a stored
// statistics.json), gathers each column's drift inputs in the same pass: numeric columns walk the
// sorted values of both sides once, categorical columns compare value counts.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../config/types.js';
import { BinCounter, sturgesEdges } from './drift/binning.js';
import { EcdfWalk } from './drift/ecdf.js';
import { numericLabelKind } from './drift/label.js';
import type { DriftInput } from './drift/registry.js';
import { sqlIdent, type Engine } from './engine.js';
import {
  Cursor,
  NumericAccumulator,
  allCounts,
  equalWidthEdges,
  jointCounts,
  readHead,
  sortedCounts,
  storedCounts,
  type CountChunk,
  type JointChunk
} from './numeric.js';
import { Hll } from './sketch/hll.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import { VALUE_CAP, type ColumnStatistics, type DatasetStatistics } from './statistics.js';

/** The reference of a drift comparison. */
export type Reference =
  | { kind: 'table'; source: LoadedSource }
  | { kind: 'statistics'; statistics: DatasetStatistics; path: string };

/** What analyse() returns. */
export interface Analysis {
  current: DatasetStatistics;
  /** Statistics of the reference when it was read from data. */
  reference?: DatasetStatistics;
  /** Drift inputs of every column present on both sides with a comparable kind. */
  inputs: Record<string, DriftInput>;
  /** Milliseconds spent per part (summaries with duplicates, numeric, categorical). */
  timings: Record<string, number>;
}

/** Options of analyse(). */
export interface AnalyseOptions {
  label?: string;
  /** The learning task, which decides whether a numeric label is numeric or categorical (see drift/label.ts). */
  task?: Task;
  /** Columns to leave out of drift (their statistics are still computed). */
  ignoreDrift?: string[];
}

interface Summary {
  present: number;
  nan: number;
  posInf: number;
  negInf: number;
  min: number | string | null;
  max: number | string | null;
  distinct?: number;
  distinctExact?: boolean;
}

function asNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** One aggregate scan of a table: present/NaN/±Inf counts and finite min/max per column. */
async function summarise(
  db: DuckDBConnection,
  source: LoadedSource,
  columns: ColumnInfo[],
  /** False for a reference read from data: its date distinct count is shown only, so a sketch will do. */
  exactDistinct = true,
  /**
   * Only the finite maximum of numeric columns: their other counts and the minimum are read from the
   * head of their allCounts() stream (the other fields are left NaN/null until then).
   */
  numericMaxOnly = false
): Promise<Map<string, Summary>> {
  const parts: string[] = [];
  for (const c of columns) {
    const id = sqlIdent(c.name);
    if (c.kind === 'numeric' && numericMaxOnly) {
      parts.push(`max(CASE WHEN isfinite(CAST(${id} AS DOUBLE)) THEN CAST(${id} AS DOUBLE) END)`);
    } else if (c.kind === 'numeric') {
      const x = `CAST(${id} AS DOUBLE)`;
      parts.push(
        `count(${id})`,
        `count_if(isnan(${x}))`,
        `count_if(${x} = 'inf'::DOUBLE)`,
        `count_if(${x} = '-inf'::DOUBLE)`,
        // CASE rather than FILTER: measured 2.4x faster here.
        `min(CASE WHEN isfinite(${x}) THEN ${x} END)`,
        `max(CASE WHEN isfinite(${x}) THEN ${x} END)`
      );
    } else if (c.kind === 'datetime') {
      parts.push(
        `count(${id})`,
        `CAST(min(${id}) AS VARCHAR)`,
        `CAST(max(${id}) AS VARCHAR)`,
        exactDistinct ? `count(DISTINCT ${id})` : `approx_count_distinct(${id})`
      );
    } else {
      // String lengths come with the value counts (from the distinct values), not from every row.
      parts.push(`count(${id})`);
    }
  }
  const row = (
    await db.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${sqlIdent(source.table)}`)
  ).getRows()[0];
  const out = new Map<string, Summary>();
  let i = 0;
  for (const c of columns) {
    if (c.kind === 'numeric' && numericMaxOnly) {
      out.set(c.name, {
        present: NaN,
        nan: NaN,
        posInf: NaN,
        negInf: NaN,
        min: null,
        max: row[i] === null ? null : Number(row[i])
      });
      i += 1;
    } else if (c.kind === 'numeric') {
      out.set(c.name, {
        present: asNumber(row[i]),
        nan: asNumber(row[i + 1]),
        posInf: asNumber(row[i + 2]),
        negInf: asNumber(row[i + 3]),
        min: row[i + 4] === null ? null : Number(row[i + 4]),
        max: row[i + 5] === null ? null : Number(row[i + 5])
      });
      i += 6;
    } else if (c.kind === 'datetime') {
      out.set(c.name, {
        present: asNumber(row[i]),
        nan: 0,
        posInf: 0,
        negInf: 0,
        min: row[i + 1] === null ? null : String(row[i + 1]),
        max: row[i + 2] === null ? null : String(row[i + 2]),
        distinct: asNumber(row[i + 3]),
        distinctExact: exactDistinct
      });
      i += 4;
    } else {
      out.set(c.name, {
        present: asNumber(row[i]),
        nan: 0,
        posInf: 0,
        negInf: 0,
        min: null,
        max: null
      });
      i += 1;
    }
  }
  return out;
}

/** Rows whose values all equal an earlier row's (compared by a 64-bit hash of the row). */
export async function duplicateRows(db: DuckDBConnection, source: LoadedSource): Promise<number> {
  const cols = source.columns.map((c) => sqlIdent(c.name)).join(', ');
  // A grouped count of the hashes: ≈ 10 % less CPU than count(DISTINCT …) here.
  const r = await db.runAndReadAll(
    `SELECT count(*) FROM (SELECT hash(${cols}) FROM ${sqlIdent(source.table)} GROUP BY 1)`
  );
  return source.rows - asNumber(r.getRows()[0][0]);
}

interface CategoricalCounts {
  values?: Map<string, number>;
  /** Shortest and longest value as text (null when there are no values). */
  length: { min: number; max: number } | null;
  top: { value: string; count: number }[];
  distinct: number;
  distinctExact: boolean;
  hll?: Hll;
}

/** Value counts of a non-numeric column (all of them up to VALUE_CAP distinct values). */
async function categoricalCounts(
  db: DuckDBConnection,
  table: string,
  column: string
): Promise<CategoricalCounts> {
  const id = sqlIdent(column);
  const rows = (
    await db.runAndReadAll(
      `SELECT v, count(*) AS c, length(v) FROM (SELECT CAST(${id} AS VARCHAR) AS v FROM ${sqlIdent(table)} WHERE ${id} IS NOT NULL) ` +
        `GROUP BY 1 ORDER BY c DESC, v LIMIT ${VALUE_CAP + 1}`
    )
  ).getRows();
  const top = rows.slice(0, 10).map((r) => ({ value: String(r[0]), count: asNumber(r[1]) }));
  if (rows.length <= VALUE_CAP) {
    const lengths = rows.map((r) => asNumber(r[2]));
    return {
      values: new Map(rows.map((r) => [String(r[0]), asNumber(r[1])])),
      length: lengths.length > 0 ? { min: Math.min(...lengths), max: Math.max(...lengths) } : null,
      top,
      distinct: rows.length,
      distinctExact: true
    };
  }
  const [distinctValue, minLength, maxLength] = (
    await db.runAndReadAll(
      `SELECT count(DISTINCT ${id}), min(length(CAST(${id} AS VARCHAR))), max(length(CAST(${id} AS VARCHAR))) FROM ${sqlIdent(table)}`
    )
  ).getRows()[0];
  const distinct = asNumber(distinctValue);
  const length = minLength === null ? null : { min: asNumber(minLength), max: asNumber(maxLength) };
  // A HyperLogLog of the engine's 64-bit hash, so that shards can be merged.
  const regs = (
    await db.runAndReadAll(
      `SELECT (h >> 52)::INTEGER, max(CASE WHEN (h & 4503599627370495) = 0 THEN 53 ` +
        `ELSE 52 - floor(log2((h & 4503599627370495)::DOUBLE))::INTEGER END) ` +
        `FROM (SELECT hash(${id}) AS h FROM ${sqlIdent(table)} WHERE ${id} IS NOT NULL) GROUP BY 1`
    )
  ).getRows();
  const hll = new Hll();
  for (const [index, rank] of regs) hll.registers[Number(index)] = Number(rank);
  return { top, length, distinct, distinctExact: true, hll };
}

/** The numeric side of a reference or current: how to stream its values and what is known up front. */
interface NumericSide {
  /** Set when both sides are tables: one joint query then streams both. */
  joint?: () => AsyncGenerator<JointChunk>;
  n: number;
  min: number | null;
  max: number | null;
  open: () => AsyncGenerator<CountChunk>;
  /** A cursor already opened on the stream (used instead of open()). */
  cursor?: Cursor;
  accumulator?: NumericAccumulator;
}

function numericStats(
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
async function walkNumeric(
  cur: NumericSide,
  ref: NumericSide | undefined
): Promise<Omit<DriftInput & { kind: 'numeric' }, 'refStd' | 'refDistinct' | 'exact'> | undefined> {
  if (ref?.joint) return walkJoint(cur, ref, ref.joint());
  // Both sides' queries run at once (each on its own connection) before the walk starts.
  const [b, a0] = await Promise.all([
    cur.cursor ?? new Cursor(cur.open()).refill(),
    ref ? new Cursor(ref.open()).refill() : undefined
  ]);
  if (!ref || !a0) {
    while (!b.done) {
      cur.accumulator!.add(b.value, b.count);
      if (b.advance()) await b.refill();
    }
    return undefined;
  }
  const a = a0;
  const state = new DriftWalk(cur, ref);
  while (!a.done || !b.done) {
    const v = a.done ? b.value : b.done ? a.value : Math.min(a.value, b.value);
    let ca = 0;
    let cb = 0;
    if (!a.done && a.value === v) {
      ca = a.count;
      if (a.advance()) await a.refill();
    }
    if (!b.done && b.value === v) {
      cb = b.count;
      if (b.advance()) await b.refill();
    }
    state.add(v, ca, cb);
  }
  return state.result();
}

/** The per-value work of a drift walk, shared by the joint and the two-cursor walks. */
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

  add(v: number, ca: number, cb: number): void {
    this.walk.push(v, ca, cb);
    this.pooled++;
    if (ca) {
      this.sturgesRef.add(v, ca);
      this.ref.accumulator?.add(v, ca);
    }
    if (cb) {
      this.sturgesCur.add(v, cb);
      this.cur.accumulator!.add(v, cb);
    }
    if (this.refValues && this.curValues) {
      if (this.pooled > VALUE_CAP) {
        this.refValues = undefined;
        this.curValues = undefined;
      } else {
        const key = String(v);
        if (ca) this.refValues.set(key, ca);
        if (cb) this.curValues.set(key, cb);
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

async function walkJoint(cur: NumericSide, ref: NumericSide, chunks: AsyncGenerator<JointChunk>) {
  const state = new DriftWalk(cur, ref);
  for await (const chunk of chunks) {
    const { values, countsA, countsB } = chunk;
    for (let i = 0; i < values.length; i++) state.add(values[i], countsA[i], countsB[i]);
  }
  return state.result();
}

function emptyStatistics(source: LoadedSource, rows: number): DatasetStatistics {
  return {
    format: 'mlci-statistics',
    version: 1,
    source: { path: source.path, files: source.files.length, format: source.format },
    rows,
    duplicate_rows: 0,
    columns: {}
  };
}

/** Starts a stream's query now; the returned generator yields its chunks later. */
function primed<T>(gen: AsyncGenerator<T>): AsyncGenerator<T> {
  const first = gen.next();
  // Errors surface when the stream is consumed; until then keep them from being unhandled.
  first.catch(() => undefined);
  return (async function* () {
    const f = await first;
    if (f.done) return;
    yield f.value;
    yield* gen;
  })();
}

/** Profiles `current` (and a reference table) and gathers drift inputs per column. */
export async function analyse(
  engine: Pick<Engine, 'db' | 'connect'>,
  current: LoadedSource,
  reference?: Reference,
  options: AnalyseOptions = {}
): Promise<Analysis> {
  const db = engine.db;
  // Reference and current are streamed side by side, so each stream needs its own connection.
  const streamA = await engine.connect();
  const streamB = await engine.connect();
  const label = options.label;
  const refSource = reference?.kind === 'table' ? reference.source : undefined;
  const labelInfo = current.columns.find((c) => c.name === label && c.kind === 'numeric');
  const labelAs = labelInfo
    ? await numericLabelKind(db, labelTable(refSource, label!) ?? current.table, labelInfo.name, options.task)
    : undefined;
  const kindFor = (c: ColumnInfo): ColumnInfo =>
    c.name === label && c.kind === 'numeric' && labelAs === 'categorical' ? { ...c, kind: 'categorical' } : c;
  const curColumns = current.columns.map(kindFor);
  const timings: Record<string, number> = { summaries: 0, duplicates: 0, numeric: 0, categorical: 0 };
  const timed = async <T>(part: string, work: Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await work;
    } finally {
      timings[part] += Date.now() - start;
    }
  };
  const refColumns = refSource ? new Map(refSource.columns.map(kindFor).map((c) => [c.name, c])) : undefined;
  const curStats = emptyStatistics(current, current.rows);
  // Without a reference table, numeric columns stream every value (non-finite ones first), so the
  // summary scan only needs their finite maximum (histogram and Sturges edges are fixed up front).
  const headed = !refSource;
  // One after the other: side by side they make the engine page tables in and out past its memory limit.
  const curSummary = await timed('summaries', summarise(db, current, curColumns, true, headed));
  const refSummary = refSource
    ? await timed('summaries', summarise(db, refSource, [...refColumns!.values()], false))
    : undefined;
  // Duplicates and categorical value counts run on their own connection while numeric columns are
  // walked: the engine then has work queued whenever the JS walk holds the main thread.
  const side = await engine.connect();
  const categoricalNames = curColumns.filter((c) => c.kind !== 'numeric' && c.kind !== 'datetime');
  const background = (async () => {
    const start = Date.now();
    const duplicates = await timed('duplicates', duplicateRows(side, current));
    const cur = new Map<string, CategoricalCounts>();
    const ref = new Map<string, CategoricalCounts>();
    for (const info of categoricalNames) {
      cur.set(info.name, await categoricalCounts(side, current.table, info.name));
      const refInfo = refColumns?.get(info.name);
      if (refSource && refInfo && refInfo.kind !== 'numeric' && refInfo.kind !== 'datetime')
        ref.set(info.name, await categoricalCounts(side, refSource.table, info.name));
    }
    timings.categorical += Date.now() - start - timings.duplicates;
    return { duplicates, cur, ref };
  })();
  // Rejections surface where it is awaited; until then keep them from being unhandled.
  background.catch(() => undefined);
  const refStats = refSource ? emptyStatistics(refSource, refSource.rows) : undefined;
  // The reference's duplicate count is not needed for validation, and it costs a full hash pass.
  const stored = reference?.kind === 'statistics' ? reference.statistics : undefined;
  const ignore = new Set(options.ignoreDrift ?? []);
  const inputs: Record<string, DriftInput> = {};
  const streamC = await engine.connect();
  // While one numeric column is walked in JS, the engine already sorts the next one (on the other
  // connection), so the two cores stay busy.
  const numericNames = curColumns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  const primedStreams = new Map<string, AsyncGenerator<CountChunk | JointChunk>>();
  const finiteOf = (x: Summary | undefined) => (x ? x.present - x.nan - x.posInf - x.negInf : 0);
  const mainStream = (
    name: string,
    conn: DuckDBConnection
  ): AsyncGenerator<CountChunk | JointChunk> | undefined => {
    if (headed) return allCounts(conn, current.table, name);
    // Must mirror walkNumeric's choice: joint when both sides have finite values and drift is wanted.
    if (finiteOf(curSummary.get(name)) === 0) return undefined;
    const joint =
      refSource &&
      refColumns?.get(name)?.kind === 'numeric' &&
      !ignore.has(name) &&
      finiteOf(refSummary?.get(name)) > 0;
    return joint
      ? jointCounts(conn, refSource.table, current.table, name)
      : sortedCounts(conn, current.table, name);
  };
  const prime = (index: number) => {
    const name = numericNames[index];
    if (name === undefined || primedStreams.has(name)) return;
    const gen = mainStream(name, index % 2 === 0 ? streamB : streamC);
    if (gen) primedStreams.set(name, primed(gen));
  };
  const takeStream = <T>(name: string): AsyncGenerator<T> | undefined => {
    const gen = primedStreams.get(name);
    primedStreams.delete(name);
    return gen as AsyncGenerator<T> | undefined;
  };

  const deferred: ColumnInfo[] = [];
  try {
    for (const info of curColumns) {
      let s = curSummary.get(info.name)!;
      const refInfo = refColumns?.get(info.name);
      const storedCol = stored?.columns[info.name];
      const compare = !ignore.has(info.name) && info.kind !== 'datetime';
      if (info.kind === 'numeric') {
        const position = numericNames.indexOf(info.name);
        prime(position);
        prime(position + 1);
        let cursor: Cursor | undefined;
        if (headed) {
          const read = await timed(
            'numeric',
            readHead(takeStream<CountChunk>(info.name) ?? allCounts(streamB, current.table, info.name))
          );
          cursor = read.cursor;
          const { nulls, nan, posInf, negInf } = read.head;
          s = {
            ...s,
            present: current.rows - nulls,
            nan,
            posInf,
            negInf,
            min: cursor.done ? null : cursor.value
          };
          curSummary.set(info.name, s);
        }
        const curN = s.present - s.nan - s.posInf - s.negInf;
        let refSide: NumericSide | undefined;
        let refRows = 0;
        let refSum: Summary | undefined;
        if (refInfo?.kind === 'numeric' && refSummary && refSource) {
          refSum = refSummary.get(info.name)!;
          refRows = refSource.rows;
          const n = refSum.present - refSum.nan - refSum.posInf - refSum.negInf;
          refSide = {
            n,
            min: refSum.min as number | null,
            max: refSum.max as number | null,
            open: () => sortedCounts(streamA, refSource.table, info.name),
            joint: () =>
              takeStream<JointChunk>(info.name) ??
              jointCounts(streamA, refSource.table, current.table, info.name),
            accumulator:
              n > 0
                ? new NumericAccumulator(n, equalWidthEdges(refSum.min as number, refSum.max as number), true)
                : undefined
          };
        } else if (storedCol?.kind === 'numeric' && storedCol.distribution && storedCol.finite) {
          const dist = storedCol.distribution;
          refSide = {
            n: storedCol.finite,
            min: storedCol.min as number,
            max: storedCol.max as number,
            open: () => storedCounts(dist)
          };
        }
        const edges =
          refSide && refSide.n > 0 && refSide.min !== null && refSide.max !== null
            ? (storedCol?.histogram?.edges ?? equalWidthEdges(refSide.min, refSide.max))
            : s.min !== null
              ? equalWidthEdges(s.min as number, s.max as number)
              : [];
        const curSide: NumericSide = {
          n: curN,
          min: s.min as number | null,
          max: s.max as number | null,
          open: () => takeStream<CountChunk>(info.name) ?? sortedCounts(streamB, current.table, info.name),
          cursor,
          accumulator: curN > 0 ? new NumericAccumulator(curN, edges) : undefined
        };
        const walked =
          curN > 0
            ? await timed(
                'numeric',
                walkNumeric(curSide, compare && refSide && refSide.n > 0 ? refSide : undefined)
              )
            : undefined;
        if (!walked && refSide?.accumulator) {
          // The reference still needs its own statistics when the current side has no finite values.
          await walkNumeric(refSide, undefined);
        }
        curStats.columns[info.name] = numericStats(info, current.rows, s, curSide.accumulator);
        if (refStats && refInfo && refSum) {
          refStats.columns[info.name] = numericStats(refInfo, refRows, refSum, refSide?.accumulator);
        }
        if (walked && compare) {
          const refCol = refStats?.columns[info.name] ?? storedCol!;
          const refN = walked.nRef;
          const dist = storedCol?.distribution;
          inputs[info.name] = {
            ...walked,
            kind: 'numeric',
            refStd: refN > 0 ? Math.sqrt((refCol.m2 ?? 0) / refN) : 0,
            refDistinct: refCol.distinct,
            exact: refSource ? true : dist?.kind === 'exact',
            rankError: refSource ? undefined : dist?.rank_error
          } as DriftInput;
        }
        continue;
      }
      if (info.kind === 'datetime') {
        curStats.columns[info.name] = datetimeStats(info, current.rows, s);
        if (refStats && refInfo && refSummary) {
          refStats.columns[info.name] = datetimeStats(refInfo, refSource!.rows, refSummary.get(info.name)!);
        }
        continue;
      }
      deferred.push(info);
    }
  } catch (error) {
    // The engine is closed after a failure: let the background queries settle first.
    await background.catch(() => undefined);
    throw error;
  }
  const counted = await background;
  curStats.duplicate_rows = counted.duplicates;
  for (const info of deferred) {
    const s = curSummary.get(info.name)!;
    const refInfo = refColumns?.get(info.name);
    const storedCol = stored?.columns[info.name];
    const compare = !ignore.has(info.name);
    const curCounts = counted.cur.get(info.name)!;
    curStats.columns[info.name] = categoricalStats(info, current.rows, s, curCounts);
    let refValues: Map<string, number> | undefined;
    const refCounts = counted.ref.get(info.name);
    if (refInfo && refSummary && refSource && refCounts) {
      refStats!.columns[info.name] = categoricalStats(
        refInfo,
        refSource.rows,
        refSummary.get(info.name)!,
        refCounts
      );
      refValues = refCounts.values;
    } else if (storedCol?.values && (storedCol.kind === 'categorical' || storedCol.kind === 'boolean')) {
      refValues = new Map(Object.entries(storedCol.values));
    }
    if (compare && refValues && curCounts.values) {
      inputs[info.name] = { kind: 'categorical', ref: refValues, cur: curCounts.values };
    }
  }
  // Categorical columns were finished last: restore the column order of the data.
  curStats.columns = inOrder(curStats.columns, curColumns);
  if (refStats) refStats.columns = inOrder(refStats.columns, curColumns);
  const orderedInputs = inOrder(inputs, curColumns);
  if (label && curStats.columns[label]?.values) {
    curStats.label = { column: label, distribution: curStats.columns[label].values! };
  }
  if (refStats && label && refStats.columns[label]?.values) {
    refStats.label = { column: label, distribution: refStats.columns[label].values! };
  }
  if (refStats && refColumns) {
    // Reference-only columns still get statistics (they show up as missing columns in current).
    for (const info of refColumns.values()) {
      if (refStats.columns[info.name] || !refSummary) continue;
      const r = refSummary.get(info.name)!;
      if (info.kind === 'numeric') {
        const n = r.present - r.nan - r.posInf - r.negInf;
        const acc =
          n > 0 ? new NumericAccumulator(n, equalWidthEdges(r.min as number, r.max as number)) : undefined;
        if (acc)
          await walkNumeric(
            {
              n,
              min: r.min as number,
              max: r.max as number,
              open: () => sortedCounts(streamA, refSource!.table, info.name),
              accumulator: acc
            },
            undefined
          );
        refStats.columns[info.name] = numericStats(info, refSource!.rows, r, acc);
      } else if (info.kind !== 'datetime') {
        refStats.columns[info.name] = categoricalStats(
          info,
          refSource!.rows,
          r,
          await categoricalCounts(db, refSource!.table, info.name)
        );
      }
    }
  }
  return { current: curStats, reference: refStats, inputs: orderedInputs, timings };
}

/** The reference's table when it has the label as a number (Evidently reads the label's kind there). */
function labelTable(source: LoadedSource | undefined, label: string): string | undefined {
  return source?.columns.some((c) => c.name === label && c.kind === 'numeric') ? source.table : undefined;
}

/** The entries of `record` in the order of `columns`, then any others in their own order. */
function inOrder<T>(record: Record<string, T>, columns: ColumnInfo[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const c of columns) if (c.name in record) out[c.name] = record[c.name];
  for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
  return out;
}

function datetimeStats(info: ColumnInfo, rows: number, s: Summary): ColumnStatistics {
  return {
    kind: 'datetime',
    type: info.type,
    count: rows,
    missing: rows - s.present,
    present: s.present,
    min: s.min,
    max: s.max,
    distinct: s.distinct ?? 0,
    distinct_exact: s.distinctExact ?? true,
    top: []
  };
}

function categoricalStats(
  info: ColumnInfo,
  rows: number,
  s: Summary,
  counts: CategoricalCounts
): ColumnStatistics {
  const out: ColumnStatistics = {
    kind: info.kind === 'boolean' ? 'boolean' : 'categorical',
    type: info.type,
    count: rows,
    missing: rows - s.present,
    present: s.present,
    distinct: counts.distinct,
    distinct_exact: counts.distinctExact,
    top: counts.top
  };
  if (counts.values) out.values = Object.fromEntries(counts.values);
  if (counts.hll) out.hll = counts.hll.toJSON();
  if (counts.length) out.length = counts.length;
  return out;
}
