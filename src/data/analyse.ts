// Profiles a loaded source column by column and, given a reference (another loaded source or a stored
// statistics.json), gathers each column's drift inputs in the same pass: numeric columns walk the
// sorted values of both sides once, categorical columns compare value counts.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../config/types.js';
import { numericLabelKind } from './drift/label.js';
import type { DriftInput } from './drift/registry.js';
import type { Engine } from './engine.js';
import {
  COLUMNS_IN_FLIGHT,
  numericStreams,
  profileNumeric,
  referenceOnlyNumeric,
  type Pass
} from './analyse-numeric.js';
import {
  categoricalCounts,
  categoricalStats,
  jointCounts,
  type CategoricalCounts,
  type CountsSide
} from './profile-categorical.js';
import {
  datetimeDistinct,
  datetimeGroups,
  datetimeStats,
  duplicateRows,
  summarise,
  type Summary
} from './profile-summary.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import { VALUE_CAP, type DatasetStatistics } from './statistics.js';

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
  /** Columns present on both sides that could not be tested for drift, with the reason. */
  untested: Record<string, string>;
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

/** Milliseconds per part, and a wrapper that adds a promise's duration to its part. */
function timer(): { timings: Record<string, number>; timed: Pass['timed'] } {
  const timings: Record<string, number> = { summaries: 0, duplicates: 0, numeric: 0, categorical: 0 };
  const timed = async <T>(part: string, work: Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await work;
    } finally {
      timings[part] += Date.now() - start;
    }
  };
  return { timings, timed };
}

/** Profiles `current` (and a reference table) and gathers drift inputs per column. */
export async function analyse(
  engine: Pick<Engine, 'db' | 'connect'>,
  current: LoadedSource,
  reference?: Reference,
  options: AnalyseOptions = {}
): Promise<Analysis> {
  const numeric = current.columns.filter((c) => c.kind === 'numeric').length;
  // While a column is walked, the value counts of the next ones run, one query per side. (The side
  // connection's queries are left out: they end early, and one query alone would then run on one core.)
  const running = numeric > 0 ? (COLUMNS_IN_FLIGHT - 1) * (reference?.kind === 'table' ? 2 : 1) : 0;
  return withThreads(engine.db, running, () => profileColumns(engine, current, reference, options));
}

/**
 * Runs `work` with the engine's worker threads lowered so that its parallelism stays at the configured
 * count: each of the `running` queries runs on the thread that fetches it, besides the workers. On 2
 * cores with a reference table, workers on top cost ≈ 1 CPU s more than they brought, 0.5 s of wall
 * time (bench/validate-data/README.md, "profile phase").
 */
async function withThreads<T>(db: DuckDBConnection, running: number, work: () => Promise<T>): Promise<T> {
  const read = await db.runAndReadAll(`SELECT current_setting('threads')`);
  const configured = Number(read.getRows()[0][0]);
  const threads = Math.max(1, configured - running + 1);
  if (threads >= configured) return work();
  await db.run(`SET threads = ${threads}`);
  try {
    return await work();
  } finally {
    await db.run(`SET threads = ${configured}`);
  }
}

/** analyse() at the engine's thread count. */
async function profileColumns(
  engine: Pick<Engine, 'db' | 'connect'>,
  current: LoadedSource,
  reference: Reference | undefined,
  options: AnalyseOptions
): Promise<Analysis> {
  const db = engine.db;
  const label = options.label;
  const refSource = reference?.kind === 'table' ? reference.source : undefined;
  const kindFor = await labelKind(db, current, refSource, label, options.task);
  const curColumns = current.columns.map(kindFor);
  const { timings, timed } = timer();
  const refColumns = refSource ? new Map(refSource.columns.map(kindFor).map((c) => [c.name, c])) : undefined;
  const curStats = emptyStatistics(current, current.rows);
  const ignore = new Set(options.ignoreDrift ?? []);
  // Numeric columns need no summary scan: their value-count streams start with their counts and
  // bounds. Date/time summaries, duplicates, categorical value counts and date/time distinct counts
  // run on their own connection meanwhile: the engine then has work queued whenever the JS walk
  // holds the main thread.
  const side = await engine.connect();
  const categoricalNames = curColumns.filter((c) => c.kind !== 'numeric' && c.kind !== 'datetime');
  const datetimeNames = curColumns.filter((c) => c.kind === 'datetime');
  const background = countInBackground(
    side,
    { current, refSource, refColumns },
    { categorical: categoricalNames, datetime: datetimeNames },
    timed,
    timings
  );
  // Rejections surface where it is awaited; until then keep them from being unhandled.
  background.catch(() => undefined);
  const refStats = refSource ? emptyStatistics(refSource, refSource.rows) : undefined;
  // The reference's duplicate count is not needed for validation, and it costs a full hash pass.
  const stored = reference?.kind === 'statistics' ? reference.statistics : undefined;
  const inputs: Record<string, DriftInput> = {};
  const numericNames = curColumns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  const pass: Pass = {
    current,
    refSource,
    refColumns,
    stored,
    curStats,
    refStats,
    inputs,
    ignore,
    streams: await numericStreams(engine, { current, refSource, refColumns }, numericNames),
    timed
  };
  const deferred: ColumnInfo[] = [];
  try {
    for (const info of curColumns) {
      if (info.kind === 'numeric') {
        await profileNumeric(pass, info);
        continue;
      }
      if (info.kind !== 'datetime') deferred.push(info);
    }
  } catch (error) {
    // The engine is closed after a failure: let the background queries settle first.
    await background.catch(() => undefined);
    throw error;
  }
  const counted = await background;
  curStats.duplicate_rows = counted.duplicates;
  finishDatetime(pass, counted, datetimeNames);
  const { joint, untested } = finishCategorical(pass, counted, deferred);
  for (const { name, ref, cur } of joint) {
    inputs[name] = { kind: 'categorical', ...(await timed('categorical', jointCounts(db, ref, cur))) };
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
  await referenceOnly(pass, db);
  return { current: curStats, reference: refStats, inputs: orderedInputs, untested, timings };
}

/** The entries of `record` in the order of `columns`, then any others in their own order. */
function inOrder<T>(record: Record<string, T>, columns: ColumnInfo[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const c of columns) if (c.name in record) out[c.name] = record[c.name];
  for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
  return out;
}

/** A categorical column whose counts go past VALUE_CAP on a side: its drift input is counted in the engine. */
interface JointColumn {
  name: string;
  ref: CountsSide;
  cur: CountsSide;
}

/**
 * Statistics and drift inputs of the categorical columns, once their value counts are in; the
 * columns with a side above VALUE_CAP are returned to count jointly, or as untested when the
 * reference is a statistics.json that lists no counts for them.
 */
function finishCategorical(
  pass: Pass,
  counted: { cur: Map<string, CategoricalCounts>; ref: Map<string, CategoricalCounts> },
  deferred: ColumnInfo[]
): { joint: JointColumn[]; untested: Record<string, string> } {
  const { current, refSource, refColumns, stored, curStats, refStats, inputs, ignore } = pass;
  const joint: JointColumn[] = [];
  const untested: Record<string, string> = {};
  for (const info of deferred) {
    const refInfo = refColumns?.get(info.name);
    const storedCol = stored?.columns[info.name];
    const compare = !ignore.has(info.name);
    const curCounts = counted.cur.get(info.name)!;
    curStats.columns[info.name] = categoricalStats(info, current.rows, curCounts);
    let refSide: CountsSide | undefined;
    const refCounts = counted.ref.get(info.name);
    if (refInfo && refSource && refCounts) {
      refStats!.columns[info.name] = categoricalStats(refInfo, refSource.rows, refCounts);
      // Listed on both sides: compared in JS; else both sides are grouped again in the engine.
      refSide =
        refCounts.values && curCounts.values
          ? { listed: refCounts.values }
          : { table: refSource.table, column: info.name, type: refInfo.type };
    } else if (storedCol && (storedCol.kind === 'categorical' || storedCol.kind === 'boolean')) {
      if (storedCol.values) refSide = { listed: new Map(Object.entries(storedCol.values)) };
      else if (compare)
        untested[info.name] =
          `not tested: the reference statistics list no value counts for this column (more than ` +
          `${VALUE_CAP.toLocaleString('en-US')} distinct values); compare with the reference data to test it`;
    }
    if (!compare || !refSide) continue;
    if ('listed' in refSide && curCounts.values) {
      inputs[info.name] = { kind: 'categorical', ref: refSide.listed, cur: curCounts.values };
    } else {
      joint.push({
        name: info.name,
        ref: refSide,
        cur: { table: current.table, column: info.name, type: info.type }
      });
    }
  }
  return { joint, untested };
}

/** Reference-only columns still get statistics (they show up as missing columns in current). */
async function referenceOnly(pass: Pass, db: DuckDBConnection): Promise<void> {
  const { refSource, refColumns, refStats } = pass;
  if (!refStats || !refColumns) return;
  for (const info of refColumns.values()) {
    if (refStats.columns[info.name]) continue;
    if (info.kind === 'numeric') refStats.columns[info.name] = await referenceOnlyNumeric(pass, info);
    else if (info.kind !== 'datetime') {
      const counts = await categoricalCounts(db, refSource!.table, info.name, info.type);
      refStats.columns[info.name] = categoricalStats(info, refSource!.rows, counts);
    }
  }
}

/** Statistics of the date/time columns, once their summaries and distinct counts are in. */
function finishDatetime(pass: Pass, counted: Counted, columns: ColumnInfo[]): void {
  const { current, refSource, refColumns, curStats, refStats } = pass;
  const { summaries, distinct } = counted;
  for (const info of columns) {
    const s = {
      ...summaries.cur.get(info.name)!,
      distinct: distinct.cur.get(info.name),
      distinctExact: true
    };
    curStats.columns[info.name] = datetimeStats(info, current.rows, s);
    const refInfo = refColumns?.get(info.name);
    if (refStats && refInfo) {
      const r = summaries.ref.get(info.name)!;
      const refDistinct = distinct.ref.get(info.name);
      refStats.columns[info.name] = datetimeStats(
        refInfo,
        refSource!.rows,
        refDistinct === undefined ? r : { ...r, distinct: refDistinct, distinctExact: false }
      );
    }
  }
}

/** What runs on the side connection. */
interface Counted {
  duplicates: number;
  cur: Map<string, CategoricalCounts>;
  ref: Map<string, CategoricalCounts>;
  /** Summaries of date/time columns (and of reference columns whose current is one). */
  summaries: { cur: Map<string, Summary>; ref: Map<string, Summary> };
  /** Distinct counts of date/time columns: exact for current, a sketch for a reference table. */
  distinct: { cur: Map<string, number>; ref: Map<string, number> };
}

/** Date/time summaries and distinct counts, duplicate rows and categorical value counts, on their own connection. */
async function countInBackground(
  side: DuckDBConnection,
  { current, refSource, refColumns }: Pick<Pass, 'current' | 'refSource' | 'refColumns'>,
  names: { categorical: ColumnInfo[]; datetime: ColumnInfo[] },
  timed: Pass['timed'],
  timings: Record<string, number>
): Promise<Counted> {
  const datetimeIn = new Set(names.datetime.map((c) => c.name));
  const summaries = { cur: new Map<string, Summary>(), ref: new Map<string, Summary>() };
  const distinct = { cur: new Map<string, number>(), ref: new Map<string, number>() };
  for (const { name } of names.datetime) {
    const grouped = await timed('summaries', datetimeGroups(side, current.table, name));
    summaries.cur.set(name, grouped.summary);
    distinct.cur.set(name, grouped.distinct);
  }
  if (refSource) {
    const refDatetime = [...refColumns!.values()].filter((c) => datetimeIn.has(c.name));
    summaries.ref = await timed('summaries', summarise(side, refSource, refDatetime));
  }
  const duplicates = await timed('duplicates', duplicateRows(side, current));
  for (const { name } of names.datetime) {
    if (refSource && refColumns?.get(name)?.kind === 'datetime')
      distinct.ref.set(name, await timed('summaries', datetimeDistinct(side, refSource.table, name)));
  }
  const start = Date.now();
  const cur = new Map<string, CategoricalCounts>();
  const ref = new Map<string, CategoricalCounts>();
  for (const info of names.categorical) {
    cur.set(info.name, await categoricalCounts(side, current.table, info.name, info.type));
    const refInfo = refColumns?.get(info.name);
    if (refSource && refInfo && refInfo.kind !== 'numeric' && refInfo.kind !== 'datetime')
      ref.set(info.name, await categoricalCounts(side, refSource.table, info.name, refInfo.type));
  }
  timings.categorical += Date.now() - start;
  return { duplicates, cur, ref, summaries, distinct };
}
