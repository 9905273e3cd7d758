import type { ColumnDrift } from '../data/drift/registry.js';
import type { DatasetDrift } from '../data/report.js';
import type { GateResult } from '../gate/gates.js';
import type { MetricTask, MetricValues } from '../evaluation/metrics/types.js';
import type { LiveStats } from './log.js';

/** What the monitor concluded. `insufficient_data`: too few rows to judge, nothing is triggered. */
export type MonitorVerdict = 'ok' | 'drift' | 'degraded' | 'insufficient_data';

/** How retraining is triggered. */
export type TriggerKind = 'workflow_dispatch' | 'repository_dispatch' | 'none';

/** One dispatch to GitHub, as the domain decides it; an adapter (src/github/dispatch.ts) sends it. */
export type DispatchRequest =
  | { kind: 'workflow_dispatch'; workflow: string; ref: string; inputs: Record<string, string> }
  | { kind: 'repository_dispatch'; eventType: string; clientPayload: Record<string, unknown> };

/** Sends a dispatch; resolves with where it went (e.g. `owner/repo retrain.yml@main`), throws an MlciError on failure. */
export type DispatchFn = (request: DispatchRequest) => Promise<{ target: string }>;

/** The trigger as recorded in monitor.json. */
export interface TriggerRecord {
  kind: TriggerKind;
  /** True only when GitHub accepted the dispatch. */
  sent: boolean;
  dry_run: boolean;
  /** Why it was (or would have been) sent; null when no threshold was crossed. */
  reason: string | null;
  /** What was (or would have been) sent. */
  request: DispatchRequest | null;
  target?: string;
  /** Why sending failed. */
  error?: string;
  /** Why nothing was sent, when nothing was. */
  note?: string;
}

/** Where the rows came from. */
export type MonitorSource =
  | {
      kind: 'log';
      path: string;
      files: string[];
      lines_read: number;
      other_models: number;
      other_versions: Record<string, number>;
      /** Rows of the watched version left out by their traffic source (replay, shadow), per source. */
      other_sources: Record<string, number>;
      before_since: number;
      partial_lines: number;
      versions: 'production' | 'all';
    }
  | { kind: 'data'; path: string };

/** Delayed labels and the metrics of production on the labelled rows. */
export interface MonitorPerformance {
  labels: { source: string; label_column: string; id_column: string | null };
  labelled_rows: number;
  unlabelled_rows: number;
  /** Label rows that matched no logged row of the window (log mode). */
  unmatched_labels: number | null;
  task: MetricTask | null;
  current: MetricValues;
  undefined_reasons: Record<string, string>;
  registered: MetricValues;
  gates: GateResult[];
  note?: string;
}

/** Contents of monitor.json. */
export interface MonitorReport {
  format: 'mlci-monitor';
  version: 1;
  created: string;
  verdict: MonitorVerdict;
  /** One line: what crossed which threshold on which rows (the reason sent with a trigger). */
  reason: string;
  model: { name: string; version: number; tag: string; alias: string };
  source: MonitorSource;
  window: { since: string | null; from: string | null; to: string | null };
  rows: number;
  min_rows: number;
  reference: string;
  drift: Record<string, ColumnDrift>;
  dataset_drift: DatasetDrift | null;
  drifted_columns: string[];
  performance: MonitorPerformance | null;
  live_stats: LiveStats | null;
  trigger: TriggerRecord;
  files: string[];
}
