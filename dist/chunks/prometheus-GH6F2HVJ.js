import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_prom_client
} from "./chunk-YUK5W3RX.js";
import {
  writeFileAtomic
} from "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/monitor/prometheus.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var VERDICTS = ["ok", "drift", "degraded", "insufficient_data"];
async function monitorMetricsText(report, now = /* @__PURE__ */ new Date()) {
  const registry = new import_prom_client.Registry();
  const registers = [registry];
  const base = { model: report.model.name, version: `v${report.model.version}` };
  const gauge = (name, help, labelNames) => new import_prom_client.Gauge({ name, help, labelNames, registers });
  const verdict = gauge(
    "mlci_monitor_verdict",
    "Verdict of the last mlci monitor run (1 for the current one).",
    ["model", "version", "verdict"]
  );
  for (const v of VERDICTS) verdict.set({ ...base, verdict: v }, v === report.verdict ? 1 : 0);
  gauge("mlci_monitor_rows", "Rows the last mlci monitor run judged.", ["model", "version"]).set(
    base,
    report.rows
  );
  gauge("mlci_monitor_last_run_timestamp_seconds", "When the last mlci monitor run finished (Unix time).", [
    "model",
    "version"
  ]).set(base, Math.floor(now.getTime() / 1e3));
  const drift = report.dataset_drift;
  if (drift) {
    gauge("mlci_monitor_drift_share", "Share of the tested columns that drifted.", ["model", "version"]).set(
      base,
      drift.share
    );
    gauge(
      "mlci_monitor_dataset_drift",
      "Whether the data drifted as a whole (1) by the drift share threshold.",
      ["model", "version"]
    ).set(base, drift.drifted_dataset ? 1 : 0);
  }
  const column = gauge(
    "mlci_monitor_column_drift",
    "Whether a column drifted (1) in the last mlci monitor run.",
    ["model", "version", "column", "test"]
  );
  for (const [name, d] of Object.entries(report.drift))
    column.set({ ...base, column: name, test: d.test }, d.drifted ? 1 : 0);
  const current = report.performance?.current ?? {};
  const metric = gauge("mlci_monitor_metric", "Metrics of the watched version on the delayed labels.", [
    "model",
    "version",
    "metric"
  ]);
  for (const [name, value] of Object.entries(current)) {
    if (typeof value === "number" && Number.isFinite(value)) metric.set({ ...base, metric: name }, value);
  }
  return registry.metrics();
}
async function writeMonitorMetrics(path, report) {
  if (path) await writeFileAtomic(path, await monitorMetricsText(report));
}
export {
  monitorMetricsText,
  writeMonitorMetrics
};
