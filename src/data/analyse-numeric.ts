// The numeric part of analyse(): each numeric column's value-count stream, started ahead of its walk,
// carries the column's NULL/NaN/±Inf counts in its head (so the summary scan computes only finite
// bounds), then feeds the statistics accumulators and, with a reference, the drift walk.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriftInput } from './drift/registry.js';
import {
  Cursor,
  NumericAccumulator,
  allCounts,
  equalWidthEdges,
  jointCounts,
  readHead,
  readJointHead,
  sortedCounts,
  storedCounts,
  type CountChunk,
  type JointChunk,
  type JointHead,
  type NonFiniteCounts
} from './numeric.js';
import { numericStats, walkNumeric, type NumericSide } from './profile-numeric.js';
import type { Summary } from './profile-summary.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import type { DatasetStatistics } from './statistics.js';

/** What the parts of one analyse() run share. */
export interface Pass {
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
  streamA: DuckDBConnection;
  streamB: DuckDBConnection;
  numericNames: string[];
  /** Starts the query of the numeric column at this position in advance. */
  prime: (index: number) => void;
  /** The stream started in advance for a column, if any. */
  takeStream: <T>(name: string) => AsyncGenerator<T> | undefined;
  timed: <T>(part: string, work: Promise<T>) => Promise<T>;
}

/**
 * Whether a column is compared with a reference table through one joint stream, as far as the summary
 * of current tells: numeric on both sides (current's finite maximum is a number only then), current
 * with finite values, drift wanted. Such reference columns get only finite bounds from their summary.
 */
export function jointCandidate(
  pass: Pick<Pass, 'refSource' | 'refColumns' | 'ignore' | 'curSummary'>,
  name: string
): boolean {
  return (
    pass.refSource !== undefined &&
    pass.refColumns?.get(name)?.kind === 'numeric' &&
    !pass.ignore.has(name) &&
    typeof pass.curSummary.get(name)?.max === 'number'
  );
}

/** A joint candidate whose reference side has finite values too (its finite maximum is known). */
function isJoint(
  pass: Pick<Pass, 'refSource' | 'refColumns' | 'ignore' | 'curSummary' | 'refSummary'>,
  name: string
) {
  return jointCandidate(pass, name) && typeof pass.refSummary?.get(name)?.max === 'number';
}

/** A summary completed with the counts read from the head of a value-count stream. */
function withHead(s: Summary, rows: number, head: NonFiniteCounts, min: number | null): Summary {
  return { ...s, present: rows - head.nulls, nan: head.nan, posInf: head.posInf, negInf: head.negInf, min };
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

/** Reads the head of the current side's stream: a joint one, or the column's own allCounts(). */
async function readCurrentHead(
  pass: Pass,
  info: ColumnInfo
): Promise<{ s: Summary; joint?: JointHead; cursor?: Cursor }> {
  const { current, refSource, streamA, streamB, takeStream, timed } = pass;
  const s = pass.curSummary.get(info.name)!;
  if (refSource && isJoint(pass, info.name)) {
    const joint = await timed(
      'numeric',
      readJointHead(
        takeStream<JointChunk>(info.name) ??
          jointCounts(streamA, refSource.table, current.table, info.name, true)
      )
    );
    // The smallest current value is found by the accumulator; only the pooled one is needed up front.
    return { s: withHead(s, current.rows, joint.b, null), joint };
  }
  const read = await timed(
    'numeric',
    readHead(takeStream<CountChunk>(info.name) ?? allCounts(streamB, current.table, info.name))
  );
  const min = read.cursor.done ? null : read.cursor.value;
  return { s: withHead(s, current.rows, read.head, min), cursor: read.cursor };
}

/** The reference summary of a column, its counts completed when the summary scan left them out. */
async function referenceSummary(pass: Pass, name: string, joint: JointHead | undefined): Promise<Summary> {
  const { refSource, refSummary, streamA, timed } = pass;
  const r = refSummary!.get(name)!;
  if (!Number.isNaN(r.present)) return r;
  const done = joint
    ? withHead(r, refSource!.rows, joint.a, r.min as number | null)
    : // A joint candidate without finite reference values: its head is all there is.
      withHead(
        r,
        refSource!.rows,
        (await timed('numeric', readHead(allCounts(streamA, refSource!.table, name)))).head,
        null
      );
  refSummary!.set(name, done);
  return done;
}

/** Profiles one numeric column (and its reference side) and gathers its drift input. */
export async function profileNumeric(pass: Pass, info: ColumnInfo): Promise<void> {
  const { current, refSource, refSummary, stored, curStats, refStats, inputs } = pass;
  const { streamA, numericNames, prime, curSummary } = pass;
  const refInfo = pass.refColumns?.get(info.name);
  const storedCol = stored?.columns[info.name];
  const compare = !pass.ignore.has(info.name);
  const position = numericNames.indexOf(info.name);
  prime(position);
  prime(position + 1);
  const { s, joint, cursor } = await readCurrentHead(pass, info);
  curSummary.set(info.name, s);
  const curN = s.present - s.nan - s.posInf - s.negInf;
  let refSide: NumericSide | undefined;
  let refRows = 0;
  let refSum: Summary | undefined;
  if (refInfo?.kind === 'numeric' && refSummary && refSource) {
    refSum = await referenceSummary(pass, info.name, joint);
    refRows = refSource.rows;
    const n = refSum.present - refSum.nan - refSum.posInf - refSum.negInf;
    refSide = {
      n,
      min: refSum.min as number | null,
      max: refSum.max as number | null,
      open: () => sortedCounts(streamA, refSource.table, info.name),
      joint: joint ? () => joint.rest : undefined,
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
    // Joint: the pooled minimum, which is all the drift walk's bins need (min of both sides).
    min: joint ? joint.first : (s.min as number | null),
    max: s.max as number | null,
    open: () => {
      throw new Error('the current side is read through its cursor or the joint stream');
    },
    cursor,
    accumulator: curN > 0 ? new NumericAccumulator(curN, edges) : undefined
  };
  const walked =
    curN > 0
      ? await pass.timed(
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

/** Streams of numeric columns started ahead of their walk, alternating between two connections. */
export function numericStreams(
  pass: Pick<
    Pass,
    'current' | 'refSource' | 'refColumns' | 'curSummary' | 'refSummary' | 'ignore' | 'numericNames'
  >,
  [streamB, streamC]: [DuckDBConnection, DuckDBConnection]
): Pick<Pass, 'prime' | 'takeStream'> {
  const { current, refSource, numericNames } = pass;
  const primedStreams = new Map<string, AsyncGenerator<CountChunk | JointChunk>>();
  // Must mirror readCurrentHead's choice.
  const mainStream = (name: string, conn: DuckDBConnection): AsyncGenerator<CountChunk | JointChunk> =>
    refSource && isJoint(pass, name)
      ? jointCounts(conn, refSource.table, current.table, name, true)
      : allCounts(conn, current.table, name);
  const prime = (index: number) => {
    const name = numericNames[index];
    if (name === undefined || primedStreams.has(name)) return;
    primedStreams.set(name, primed(mainStream(name, index % 2 === 0 ? streamB : streamC)));
  };
  const takeStream = <T>(name: string): AsyncGenerator<T> | undefined => {
    const gen = primedStreams.get(name);
    primedStreams.delete(name);
    return gen as AsyncGenerator<T> | undefined;
  };
  return { prime, takeStream };
}
