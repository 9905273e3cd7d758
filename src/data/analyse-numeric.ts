// The numeric part of analyse(): each numeric column's value-count streams (current's and, with a
// reference table, the reference's), started ahead of their walk, carry the column's NULL/NaN/±Inf
// counts and finite bounds in their head, then feed the statistics accumulators and, with a
// reference, the drift walk, which merges the two ascending streams.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriftInput } from './drift/registry.js';
import type { Engine } from './engine.js';
import {
  NumericAccumulator,
  READ_WHOLE_GROUPS,
  equalWidthEdges,
  holdsWideIntegers,
  openCounts,
  storedCounts,
  type OpenedCounts
} from './numeric.js';
import { headSummary, numericStats, walkNumeric, type NumericSide } from './profile-numeric.js';
import type { Summary } from './profile-summary.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import type { DatasetStatistics } from './statistics.js';

/** What the parts of one analyse() run share. */
export interface Pass {
  current: LoadedSource;
  refSource?: LoadedSource;
  refColumns?: Map<string, ColumnInfo>;
  stored?: DatasetStatistics;
  curStats: DatasetStatistics;
  refStats?: DatasetStatistics;
  inputs: Record<string, DriftInput>;
  ignore: Set<string>;
  streams: NumericStreams;
  timed: <T>(part: string, work: Promise<T>) => Promise<T>;
}

/** The value-count streams of one numeric column: current's, and the reference table's when numeric there. */
interface ColumnStreams {
  cur: Promise<OpenedCounts>;
  ref?: Promise<OpenedCounts>;
}

/** Value-count streams of the numeric columns, each started ahead of its walk. */
export interface NumericStreams {
  /** The streams of a numeric column, having started those of the next column. */
  take(name: string): ColumnStreams;
  /** Opens a stream of a column not walked in the column loop (a reference-only column). */
  open(table: string, column: ColumnInfo): Promise<OpenedCounts>;
}

/** Numeric columns whose value counts are in flight at once: the one walked and the next. */
export const COLUMNS_IN_FLIGHT = 2;

/** Finite values of a summary. */
function finiteOf(s: Summary): number {
  return s.present - s.nan - s.posInf - s.negInf;
}

/** Starts an opening now; errors surface where it is awaited, until then they are kept from being unhandled. */
function started(opening: Promise<OpenedCounts>): Promise<OpenedCounts> {
  opening.catch(() => undefined);
  return opening;
}

/**
 * Streams of numeric columns in data order. While one column is walked in JS, the engine already
 * groups and sorts the next one's values, on a second pair of connections (one stream per connection).
 */
export async function numericStreams(
  engine: Pick<Engine, 'connect'>,
  { current, refSource, refColumns }: Pick<Pass, 'current' | 'refSource' | 'refColumns'>,
  numericNames: string[]
): Promise<NumericStreams> {
  const pairs: [DuckDBConnection, DuckDBConnection][] = [];
  for (let i = 0; i < 2; i++) pairs.push([await engine.connect(), await engine.connect()]);
  const opened = new Map<string, ColumnStreams>();
  const curTypes = new Map(current.columns.map((c) => [c.name, c.type]));
  const open = (db: DuckDBConnection, table: string, name: string, type: string | undefined) =>
    openCounts(db, table, name, READ_WHOLE_GROUPS, holdsWideIntegers(type ?? ''));
  const prime = (index: number) => {
    const name = numericNames[index];
    if (name === undefined || opened.has(name)) return;
    const [curConn, refConn] = pairs[index % 2];
    opened.set(name, {
      cur: started(open(curConn, current.table, name, curTypes.get(name))),
      ref:
        refSource && refColumns?.get(name)?.kind === 'numeric'
          ? started(open(refConn, refSource.table, name, refColumns.get(name)!.type))
          : undefined
    });
  };
  return {
    take(name) {
      const index = numericNames.indexOf(name);
      for (let ahead = 0; ahead < COLUMNS_IN_FLIGHT; ahead++) prime(index + ahead);
      const streams = opened.get(name)!;
      opened.delete(name);
      return streams;
    },
    open: (table, column) => open(pairs[0][0], table, column.name, column.type)
  };
}

/** The reference side of a numeric column: a table's stream, or a stored distribution. */
async function referenceSide(
  pass: Pass,
  name: string,
  ref: Promise<OpenedCounts> | undefined
): Promise<{ side?: NumericSide; summary?: Summary }> {
  const { refSource, stored, timed } = pass;
  if (ref && refSource) {
    const { head, cursor } = await timed('numeric', ref);
    const summary = headSummary(refSource.rows, head);
    const n = finiteOf(summary);
    const { min, max } = head;
    const accumulator = n > 0 ? new NumericAccumulator(n, equalWidthEdges(min!, max!), true) : undefined;
    return { summary, side: { n, min, max, cursor, accumulator } };
  }
  const storedCol = stored?.columns[name];
  if (storedCol?.kind === 'numeric' && storedCol.distribution && storedCol.finite) {
    const dist = storedCol.distribution;
    const side = {
      n: storedCol.finite,
      min: storedCol.min as number,
      max: storedCol.max as number,
      cursor: () => storedCounts(dist)
    };
    return { side };
  }
  return {};
}

/** Profiles one numeric column (and its reference side) and gathers its drift input. */
export async function profileNumeric(pass: Pass, info: ColumnInfo): Promise<void> {
  const { current, refSource, stored, curStats, refStats, inputs, timed } = pass;
  const refInfo = pass.refColumns?.get(info.name);
  const storedCol = stored?.columns[info.name];
  const compare = !pass.ignore.has(info.name);
  const streams = pass.streams.take(info.name);
  const { head, cursor } = await timed('numeric', streams.cur);
  const s = headSummary(current.rows, head);
  const curN = finiteOf(s);
  const { side: refSide, summary: refSum } = await referenceSide(pass, info.name, streams.ref);
  const edges =
    refSide && refSide.n > 0 && refSide.min !== null && refSide.max !== null
      ? (storedCol?.histogram?.edges ?? equalWidthEdges(refSide.min, refSide.max))
      : head.min !== null
        ? equalWidthEdges(head.min, head.max!)
        : [];
  const curSide: NumericSide = {
    n: curN,
    min: head.min,
    max: head.max,
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
    // The reference still needs its own statistics when it was not walked beside current.
    await timed('numeric', walkNumeric(refSide, undefined));
  }
  curStats.columns[info.name] = numericStats(info, current.rows, s, curSide.accumulator);
  if (refStats && refInfo && refSum) {
    refStats.columns[info.name] = numericStats(refInfo, refSource!.rows, refSum, refSide?.accumulator);
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

/** Statistics of a numeric column of the reference that current lacks (or has as another kind). */
export async function referenceOnlyNumeric(
  pass: Pick<Pass, 'refSource' | 'streams'>,
  info: ColumnInfo
): Promise<DatasetStatistics['columns'][string]> {
  const refSource = pass.refSource!;
  const { head, cursor } = await pass.streams.open(refSource.table, info);
  const summary = headSummary(refSource.rows, head);
  const n = finiteOf(summary);
  const accumulator = n > 0 ? new NumericAccumulator(n, equalWidthEdges(head.min!, head.max!)) : undefined;
  if (accumulator) await walkNumeric({ n, min: head.min, max: head.max, cursor, accumulator }, undefined);
  return numericStats(info, refSource.rows, summary, accumulator);
}
