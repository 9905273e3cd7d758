// Profiles a loaded source column by column and, given a reference (another loaded source or a stored
// statistics.json), gathers each column's drift inputs in the same pass: numeric columns walk the
// sorted values of both sides once, categorical columns compare value counts.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../config/types.js';
import { numericLabelKind } from './drift/label.js';
import type { DriftInput } from './drift/registry.js';
import type { Engine } from './engine.js';
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
import { categoricalCounts, categoricalStats, type CategoricalCounts } from './profile-categorical.js';
import { numericStats, walkNumeric, type NumericSide } from './profile-numeric.js';
import { datetimeStats, duplicateRows, summarise, type Summary } from './profile-summary.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import type { DatasetStatistics } from './statistics.js';

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

/** How columns are typed for drift: a numeric label as the task calls for (drift/label.ts), the rest as read. */
async function labelKind(
  db: Engine['db'],
  current: LoadedSource,
  refSource: LoadedSource | undefined,
  label: string | undefined,
  task: Task | undefined
): Promise<(c: ColumnInfo) => ColumnInfo> {
  const labelInfo = current.columns.find((c) => c.name === label && c.kind === 'numeric');
  const labelAs = labelInfo
    ? await numericLabelKind(db, labelTable(refSource, label!) ?? current.table, labelInfo.name, task)
    : undefined;
  return (c) =>
    c.name === label && c.kind === 'numeric' && labelAs === 'categorical' ? { ...c, kind: 'categorical' } : c;
}

/** The reference's table when it has the label as a number (Evidently reads the label's kind there). */
function labelTable(source: LoadedSource | undefined, label: string): string | undefined {
  return source?.columns.some((c) => c.name === label && c.kind === 'numeric') ? source.table : undefined;
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
  const kindFor = await labelKind(db, current, refSource, label, options.task);
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
  const background = countInBackground(
    side,
    current,
    refSource,
    refColumns,
    categoricalNames,
    timed,
    timings
  );
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
  const { prime, takeStream } = numericStreams(
    { current, refSource, refColumns, curSummary, refSummary, ignore, headed, numericNames },
    [streamB, streamC]
  );
  const pass: Pass = {
    current,
    refSource,
    refColumns,
    curSummary,
    refSummary,
    stored,
    curStats,
    refStats,
    inputs,
    ignore,
    headed,
    streamA,
    streamB,
    numericNames,
    prime,
    takeStream,
    timed
  };
  const deferred: ColumnInfo[] = [];
  try {
    for (const info of curColumns) {
      if (info.kind === 'numeric') {
        await profileNumeric(pass, info);
        continue;
      }
      if (info.kind === 'datetime') {
        const refInfo = refColumns?.get(info.name);
        curStats.columns[info.name] = datetimeStats(info, current.rows, curSummary.get(info.name)!);
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
  finishCategorical(pass, counted, deferred);
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
  await referenceOnly(pass, db);
  return { current: curStats, reference: refStats, inputs: orderedInputs, timings };
}

/** The entries of `record` in the order of `columns`, then any others in their own order. */
function inOrder<T>(record: Record<string, T>, columns: ColumnInfo[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const c of columns) if (c.name in record) out[c.name] = record[c.name];
  for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
  return out;
}

/** What the parts of one analyse() run share. */
interface Pass {
  current: LoadedSource;
  refSource?: LoadedSource;
  refColumns?: Map<string, ColumnInfo>;
  curSummary: Map<string, Summary>;
  refSummary?: Map<string, Summary>;
  stored?: DatasetStatistics;
  curStats: DatasetStatistics;
  refStats?: DatasetStatistics;
  inputs: Record<string, DriftInput>;
  ignore: Set<string>;
  /** No reference table: numeric columns stream every value, non-finite ones first. */
  headed: boolean;
  streamA: DuckDBConnection;
  streamB: DuckDBConnection;
  numericNames: string[];
  /** Starts the query of the numeric column at this position in advance. */
  prime: (index: number) => void;
  /** The stream started in advance for a column, if any. */
  takeStream: <T>(name: string) => AsyncGenerator<T> | undefined;
  timed: <T>(part: string, work: Promise<T>) => Promise<T>;
}

/** Profiles one numeric column (and its reference side) and gathers its drift input. */
async function profileNumeric(pass: Pass, info: ColumnInfo): Promise<void> {
  const { current, refSource, refSummary, stored, curStats, refStats, inputs, headed } = pass;
  const { streamA, streamB, numericNames, prime, takeStream, timed, curSummary } = pass;
  let s = curSummary.get(info.name)!;
  const refInfo = pass.refColumns?.get(info.name);
  const storedCol = stored?.columns[info.name];
  const compare = !pass.ignore.has(info.name);
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
        takeStream<JointChunk>(info.name) ?? jointCounts(streamA, refSource.table, current.table, info.name),
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
}

/** Statistics and drift inputs of the categorical columns, once their value counts are in. */
function finishCategorical(
  pass: Pass,
  counted: { cur: Map<string, CategoricalCounts>; ref: Map<string, CategoricalCounts> },
  deferred: ColumnInfo[]
): void {
  const { current, refSource, refColumns, refSummary, stored, curStats, refStats, inputs, ignore } = pass;
  const curSummary = pass.curSummary;
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
}

/** Reference-only columns still get statistics (they show up as missing columns in current). */
async function referenceOnly(pass: Pass, db: DuckDBConnection): Promise<void> {
  const { refSource, refColumns, refSummary, refStats, streamA } = pass;
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
}

/** Streams of numeric columns started ahead of their walk, alternating between two connections. */
function numericStreams(
  pass: Pick<
    Pass,
    | 'current'
    | 'refSource'
    | 'refColumns'
    | 'curSummary'
    | 'refSummary'
    | 'ignore'
    | 'headed'
    | 'numericNames'
  >,
  [streamB, streamC]: [DuckDBConnection, DuckDBConnection]
): Pick<Pass, 'prime' | 'takeStream'> {
  const { current, refSource, refColumns, curSummary, refSummary, ignore, headed, numericNames } = pass;
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
  return { prime, takeStream };
}

/** Duplicate rows and categorical value counts, on their own connection. */
async function countInBackground(
  side: DuckDBConnection,
  current: LoadedSource,
  refSource: LoadedSource | undefined,
  refColumns: Map<string, ColumnInfo> | undefined,
  categoricalNames: ColumnInfo[],
  timed: Pass['timed'],
  timings: Record<string, number>
): Promise<{ duplicates: number; cur: Map<string, CategoricalCounts>; ref: Map<string, CategoricalCounts> }> {
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
}
