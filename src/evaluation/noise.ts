import type { LoadedColumns } from '../data/columns.js';
import type { BootstrapOptions } from '../gate/bootstrap.js';
import { changeVerdict } from '../gate/deltas.js';
import { MIN_INTERVAL_ROWS } from '../gate/noise.js';
import {
  prefaultSliceRankings,
  prepareTableScorers,
  startTableBootstrap,
  type TableBootstrapRun,
  type TableIntervals
} from '../gate/table-bootstrap.js';
import type { TableGrouping } from '../gate/table-plan.js';
import type { TableMemory } from '../gate/table-kernels.js';
import { sliceTableMetrics } from './metrics/catalog.js';
import type { Predictions, Scorer } from './metrics/scorer.js';
import { groupSlices } from './slices.js';
import type { ModelReport, SliceReport } from './types.js';
import type { Spread } from '../gate/noise.js';

/**
 * Each slice column's values that get an interval: those scored (see groupSlices) with at least
 * MIN_INTERVAL_ROWS rows; the others' rows are left out of the slice passes (not of the whole data).
 * Their intervals cover the metrics the column's slice table shows (sliceTableMetrics of its gated ones).
 */
export function intervalGroupings(
  data: LoadedColumns,
  columns: readonly string[],
  minSliceSize: number,
  task: Predictions['task'],
  sliceGates: Record<string, Record<string, unknown>>
): TableGrouping[] {
  return columns.map((column) => {
    const g = groupSlices(data, column, minSliceSize);
    const remap = g.sizes.map(() => -1);
    const values: string[] = [];
    g.sizes.forEach((size, i) => {
      if (size >= MIN_INTERVAL_ROWS) remap[i] = values.push(g.values[i]) - 1;
    });
    // Shared with the slice scores when every scored value gets an interval (fresh memory is slow).
    const same = remap.every((r, i) => r === i);
    const groupOf = same ? g.groupOf : new Int32Array(g.groupOf.length);
    if (!same)
      for (let i = 0; i < groupOf.length; i++) groupOf[i] = g.groupOf[i] < 0 ? -1 : remap[g.groupOf[i]];
    return {
      column,
      groupOf,
      values,
      metrics: sliceTableMetrics(task, Object.keys(sliceGates[column] ?? {}))
    };
  });
}

/**
 * Starts the paired bootstrap of every metric on the whole data and every slice cell (the gated
 * intervals come from it too), or null without a baseline or with resampling off.
 */
export async function startNoiseBootstrap(
  predictions: Predictions[],
  scorers: Scorer[],
  data: LoadedColumns,
  slices: readonly string[],
  minSliceSize: number,
  sliceGates: Record<string, Record<string, unknown>>,
  options: BootstrapOptions,
  memory?: TableMemory
): Promise<TableBootstrapRun | null> {
  if (scorers.length !== 2 || options.resamples < 2) return null;
  const groupings = intervalGroupings(data, slices, minSliceSize, predictions[0].task, sliceGates);
  if (memory) prefaultSliceRankings(memory, [scorers[0], scorers[1]], groupings);
  // The candidate's sort first (the plan's memory is faulted in meanwhile); the baseline's and the
  // per-row terms are formed after the plan is handed to a worker thread.
  prepareTableScorers([scorers[0], scorers[1]]);
  // The plan places its arrays while the helpers may still fault pages in (they keep what it writes).
  return startTableBootstrap([predictions[0], predictions[1]], [scorers[0], scorers[1]], groupings, options, {
    memory
  });
}

/**
 * Puts each slice cell's intervals and verdicts on its report (cells with too few rows get none),
 * for the metrics with an interval only (those its slice table shows): a metric absent from
 * `intervals` and `change` was not resampled, rather than judged.
 */
export function attachSliceIntervals(reports: SliceReport[], table: TableIntervals): void {
  for (const s of reports) {
    const intervals = table.slices[s.column]?.[s.value];
    if (!intervals || !s.candidate || !s.baseline) continue;
    s.intervals = intervals;
    s.change = Object.fromEntries(
      Object.keys(intervals).map((m) => {
        const c = s.candidate?.[m];
        const b = s.baseline?.[m];
        const delta = typeof c === 'number' && typeof b === 'number' ? c - b : null;
        return [m, changeVerdict(m, delta, intervals[m])];
      })
    );
  }
}

/** The measured spreads deltas judge latency by (none unless both models were timed in passes). */
export function latencySpreads(
  candidate: ModelReport,
  baseline: ModelReport | null
): Record<string, [Spread, Spread]> {
  const [a, b] = [candidate.inference.latency, baseline?.inference.latency];
  return a && b ? { latency_ms_per_1000_rows: [a, b] } : {};
}
