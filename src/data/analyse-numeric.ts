// The numeric part of analyse(): each numeric column's values are read once per side (sorted-values.ts),
// which gives its NULL/NaN/±Inf counts and finite minimum and maximum (no aggregate scan) and the sorted
// runs that the statistics and the drift walk consume. The next column is read while one is walked.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriftInput } from './drift/registry.js';
import { NumericAccumulator, equalWidthEdges, storedCounts, type CountChunk } from './numeric.js';
import { numericStats, walkNumeric, type NumericSide } from './profile-numeric.js';
import type { Summary } from './profile-summary.js';
import { SortWorker } from './sort-worker.js';
import { WORKER_MIN_VALUES, chunked, mergeRuns, readRuns, type ColumnRuns } from './sorted-values.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import type { DatasetStatistics } from './statistics.js';

/** What the numeric part of one analyse() run shares with the rest. */
export interface NumericPass {
  current: LoadedSource;
  refSource?: LoadedSource;
  refColumns?: Map<string, ColumnInfo>;
  /** Filled here for numeric columns (from their values), as the summary scan fills the others. */
  curSummary: Map<string, Summary>;
  refSummary?: Map<string, Summary>;
  stored?: DatasetStatistics;
  curStats: DatasetStatistics;
  refStats?: DatasetStatistics;
  inputs: Record<string, DriftInput>;
  ignore: Set<string>;
  timed: <T>(part: string, work: Promise<T>) => Promise<T>;
}

/** Both sides of a numeric column as read. */
interface ColumnReads {
  cur: ColumnRuns;
  ref?: ColumnRuns;
}

/** What a numeric column's values say of it, in the summary scan's terms. */
function summaryOf(read: ColumnRuns, rows: number): Summary {
  const values = read.finite.values;
  return {
    present: rows - read.nulls,
    nan: read.nan,
    posInf: read.posInf,
    negInf: read.negInf,
    min: values.length > 0 ? values[0] : null,
    max: values.length > 0 ? values[values.length - 1] : null
  };
}

async function* stream(runs: CountChunk): AsyncGenerator<CountChunk> {
  yield* chunked(runs);
}

/** Reads of numeric columns started ahead of their walk, alternating between two connections. */
export class NumericReads {
  private readonly started = new Map<string, Promise<ColumnReads>>();
  /** Sorts large columns while the main thread walks the previous one (started on first use). */
  private worker?: SortWorker;
  /** The read before: reads run one after the other, so one value buffer is in use at a time. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pass: NumericPass,
    private readonly names: string[],
    private readonly connections: [DuckDBConnection, DuckDBConnection]
  ) {}

  /** Starts reading the column at this position (once). */
  prime(index: number): void {
    const name = this.names[index];
    if (name === undefined || this.started.has(name)) return;
    this.started.set(name, this.after(name, this.connections[index % 2]));
  }

  /** The column's reads, started now if they were not already. */
  take(name: string): Promise<ColumnReads> {
    const read = this.started.get(name) ?? this.after(name, this.connections[0]);
    this.started.delete(name);
    return read;
  }

  private after(name: string, db: DuckDBConnection): Promise<ColumnReads> {
    const read = this.tail.then(() => this.read(name, db));
    // Errors surface where the read is awaited; until then keep them from being unhandled.
    this.tail = read.catch(() => undefined);
    return read;
  }

  private async read(name: string, db: DuckDBConnection): Promise<ColumnReads> {
    const { current, refSource, refColumns } = this.pass;
    if (Math.max(current.rows, refSource?.rows ?? 0) >= WORKER_MIN_VALUES) this.worker ??= new SortWorker();
    const cur = await readRuns(db, current.table, name, current.rows, this.worker);
    const ref =
      refSource && refColumns?.get(name)?.kind === 'numeric'
        ? await readRuns(db, refSource.table, name, refSource.rows, this.worker)
        : undefined;
    return { cur, ref };
  }

  /** Settles reads still under way (after a failure, before the engine closes) and ends the worker. */
  async close(): Promise<void> {
    // Reads run in a chain: the last one settled, all have.
    await this.tail;
    await this.worker?.close();
  }
}

/** Profiles one numeric column (and its reference side) and gathers its drift input. */
export async function profileNumeric(
  pass: NumericPass,
  reads: NumericReads,
  info: ColumnInfo
): Promise<void> {
  const { current, refSource, stored, curStats, refStats, inputs, timed } = pass;
  const { cur, ref } = await timed('numeric', reads.take(info.name));
  const s = summaryOf(cur, current.rows);
  pass.curSummary.set(info.name, s);
  const refInfo = pass.refColumns?.get(info.name);
  const storedCol = stored?.columns[info.name];
  const compare = !pass.ignore.has(info.name);
  const curN = s.present - s.nan - s.posInf - s.negInf;
  let refSide: NumericSide | undefined;
  let refSum: Summary | undefined;
  if (ref && refInfo && refSource) {
    refSum = summaryOf(ref, refSource.rows);
    pass.refSummary?.set(info.name, refSum);
    const n = refSum.present - refSum.nan - refSum.posInf - refSum.negInf;
    refSide = {
      n,
      min: refSum.min as number | null,
      max: refSum.max as number | null,
      open: () => stream(ref.finite),
      joint: () =>
        (async function* () {
          yield* mergeRuns(ref.finite, cur.finite);
        })(),
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
    open: () => stream(cur.finite),
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

/** Statistics of a numeric column only the reference table has. */
export async function referenceOnlyNumeric(
  db: DuckDBConnection,
  refSource: LoadedSource,
  info: ColumnInfo
): Promise<DatasetStatistics['columns'][string]> {
  const read = await readRuns(db, refSource.table, info.name, refSource.rows);
  const r = summaryOf(read, refSource.rows);
  const n = r.present - r.nan - r.posInf - r.negInf;
  const acc =
    n > 0 ? new NumericAccumulator(n, equalWidthEdges(r.min as number, r.max as number)) : undefined;
  if (acc) {
    await walkNumeric(
      { n, min: r.min as number, max: r.max as number, open: () => stream(read.finite), accumulator: acc },
      undefined
    );
  }
  return numericStats(info, refSource.rows, r, acc);
}
