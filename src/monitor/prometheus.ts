import { Gauge, Registry } from 'prom-client';
import { writeFileAtomic } from '../core/files.js';
import type { MonitorReport, MonitorVerdict } from './types.js';

/** The verdicts `mlci_monitor_verdict` has one series for (value 1 for the current one). */
const VERDICTS: MonitorVerdict[] = ['ok', 'drift', 'degraded', 'insufficient_data'];

/**
 * The outcome of one `mlci monitor` run as Prometheus text exposition, for node_exporter's textfile
 * collector (`mlci monitor --metrics-file`): the drift the server cannot see from its own traffic,
 * next to the `mlci_*` metrics `mlci serve` exports. Names and alerts: deploy/README.md.
 */
export async function monitorMetricsText(report: MonitorReport, now = new Date()): Promise<string> {
  const registry = new Registry();
  const registers = [registry];
  const base = { model: report.model.name, version: `v${report.model.version}` };
  const gauge = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Gauge<L>({ name, help, labelNames, registers });

  const verdict = gauge(
    'mlci_monitor_verdict',
    'Verdict of the last mlci monitor run (1 for the current one).',
    ['model', 'version', 'verdict']
  );
  for (const v of VERDICTS) verdict.set({ ...base, verdict: v }, v === report.verdict ? 1 : 0);
  gauge('mlci_monitor_rows', 'Rows the last mlci monitor run judged.', ['model', 'version']).set(
    base,
    report.rows
  );
  gauge('mlci_monitor_last_run_timestamp_seconds', 'When the last mlci monitor run finished (Unix time).', [
    'model',
    'version'
  ]).set(base, Math.floor(now.getTime() / 1000));
  const drift = report.dataset_drift;
  if (drift) {
    gauge('mlci_monitor_drift_share', 'Share of the tested columns that drifted.', ['model', 'version']).set(
      base,
      drift.share
    );
    gauge(
      'mlci_monitor_dataset_drift',
      'Whether the data drifted as a whole (1) by the drift share threshold.',
      ['model', 'version']
    ).set(base, drift.drifted_dataset ? 1 : 0);
  }
  const column = gauge(
    'mlci_monitor_column_drift',
    'Whether a column drifted (1) in the last mlci monitor run.',
    ['model', 'version', 'column', 'test']
  );
  for (const [name, d] of Object.entries(report.drift))
    column.set({ ...base, column: name, test: d.test }, d.drifted ? 1 : 0);
  const current = report.performance?.current ?? {};
  const metric = gauge('mlci_monitor_metric', 'Metrics of the watched version on the delayed labels.', [
    'model',
    'version',
    'metric'
  ]);
  for (const [name, value] of Object.entries(current)) {
    if (typeof value === 'number' && Number.isFinite(value)) metric.set({ ...base, metric: name }, value);
  }
  return registry.metrics();
}

/** Writes monitorMetricsText to `path` (atomically: the collector never reads half a file); no path, no file. */
export async function writeMonitorMetrics(path: string | undefined, report: MonitorReport): Promise<void> {
  if (path) await writeFileAtomic(path, await monitorMetricsText(report));
}
