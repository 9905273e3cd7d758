// Per-column and dataset drift decisions, as pure functions (like Evidently's get_dataset_drift):
// the validate-data stage and the monitor call these and only add severities and files.
import type { ColumnConfig } from '../../config/types.js';
import { DEFAULT_DRIFT_SHARE, defaultTest } from './catalog.js';
import type { DatasetDrift } from '../report.js';
import { runDriftTest, type ColumnDrift, type DriftInput } from './registry.js';

/** Dataset-level drift summary (the shape of validation.json's dataset_drift). */
export type DatasetDriftDecision = DatasetDrift;

/** Tests every column: the test and threshold of `columns[name]` when set, else Evidently's default. */
export function columnDrifts(
  inputs: Record<string, DriftInput>,
  columns: Record<string, ColumnConfig> = {}
): Record<string, ColumnDrift> {
  const out: Record<string, ColumnDrift> = {};
  for (const [name, input] of Object.entries(inputs)) {
    const col = columns[name];
    out[name] = runDriftTest(col?.drift_test ?? defaultTest(input), input, col?.drift_threshold);
  }
  return out;
}

/** Dataset drift when at least `share` of the tested columns drifted (Evidently's get_dataset_drift). */
export function datasetDrift(
  drift: Record<string, ColumnDrift>,
  options: { share?: number; blocking?: boolean } = {}
): DatasetDriftDecision {
  const all = Object.values(drift);
  const tested = all.filter((d) => d.statistic !== null || d.p_value !== null).length;
  const drifted = all.filter((d) => d.drifted).length;
  const threshold = options.share ?? DEFAULT_DRIFT_SHARE;
  const share = tested > 0 ? drifted / tested : 0;
  return {
    tested,
    drifted,
    share,
    threshold,
    drifted_dataset: tested > 0 && share >= threshold,
    blocking: options.blocking ?? false
  };
}

/** The one-line message of a drifted column. */
export function columnDriftMessage(name: string, d: ColumnDrift): string {
  const value = d.p_value !== null ? `p = ${d.p_value.toPrecision(3)}` : `= ${d.statistic?.toPrecision(3)}`;
  return `column "${name}" drifted: ${d.test} ${value} (threshold ${d.threshold})`;
}

/** The one-line message of dataset drift. */
export function datasetDriftMessage(d: DatasetDriftDecision): string {
  return `dataset drift: ${d.drifted} of ${d.tested} columns drifted (${(d.share * 100).toFixed(0)} % ≥ ${(d.threshold * 100).toFixed(0)} %)`;
}
