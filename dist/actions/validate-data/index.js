import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  validateData
} from "../../chunks/chunk-6DZTOH7F.js";
import "../../chunks/chunk-Z3PKR6MC.js";
import "../../chunks/chunk-DGDDREO2.js";
import "../../chunks/chunk-MEXQ2AX4.js";
import "../../chunks/chunk-EGBE5CJD.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  loadOptionalConfig
} from "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
import {
  actionBooleanInput,
  actionInput,
  actionsCore,
  logLine
} from "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import {
  InputError,
  MlciError,
  describeError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/validate-data/inputs.ts
function readValidateDataInputs() {
  const optional = (name) => actionInput(name) || void 0;
  return {
    data: actionInput("data"),
    reference: optional("reference"),
    schema: optional("schema"),
    label: optional("label"),
    train: optional("train"),
    config: actionInput("config", { fallback: "mlci.yml" }),
    out: actionInput("out", { fallback: "mlci-out/validation" }),
    uploadArtifact: actionBooleanInput("upload-artifact", true)
  };
}

// src/actions/validate-data/main.ts
var MAX_ANNOTATIONS = 10;
function annotations(report) {
  const out = [];
  const ordered = [
    ...report.anomalies.filter((a) => a.severity === "error"),
    ...report.anomalies.filter((a) => a.severity === "warning")
  ];
  for (const a of ordered) {
    const title = `mlci ${a.code}${a.column ? ` (${a.column})` : ""}`;
    if (a.rows && a.rows.length > 0) {
      for (const r of a.rows) {
        if (out.length >= MAX_ANNOTATIONS) return out;
        out.push({
          level: a.severity,
          title,
          message: `${a.message}${r.value !== void 0 ? ` — value ${JSON.stringify(r.value)}` : ""}`,
          file: r.file,
          line: r.line
        });
      }
    } else if (out.length < MAX_ANNOTATIONS) {
      out.push({ level: a.severity, title, message: a.message });
    }
  }
  return out;
}
async function run() {
  try {
    const inputs = readValidateDataInputs();
    const config = await loadOptionalConfig(inputs.config);
    const data = inputs.data || config?.data?.eval || config?.data?.train;
    if (!data) throw new InputError('input "data" is required (or set data.eval / data.train in mlci.yml)');
    const result = await validateData({
      data,
      reference: inputs.reference ?? config?.data?.reference,
      schema: inputs.schema ?? config?.data?.schema,
      label: inputs.label ?? config?.model?.label,
      train: inputs.train,
      out: inputs.out,
      config: config?.data,
      progress: { start: logLine, update() {
      }, finish: (m) => m && logLine(m), info: logLine }
    });
    const core = await actionsCore();
    const report = result.report;
    for (const a of annotations(report)) {
      const props = { title: a.title, file: a.file, startLine: a.line };
      if (a.level === "error") core.error(a.message, props);
      else core.warning(a.message, props);
    }
    core.setOutput("verdict", report.verdict);
    core.setOutput("anomalies", String(report.anomalies.length));
    core.setOutput("drifted-columns", String(report.dataset_drift?.drifted ?? 0));
    core.setOutput("dataset-drift", String(report.dataset_drift?.drifted_dataset ?? false));
    core.setOutput("report", `${inputs.out}/validation.md`);
    await core.summary.addRaw(result.markdown.slice(0, 1e6)).write();
    logLine(
      `mlci validate-data: ${report.verdict} (${report.summary.errors} errors, ${report.summary.warnings} warnings)`
    );
    if (result.exitCode !== 0) {
      core.setFailed(
        `data validation failed: ${report.summary.errors} blocking anomal${report.summary.errors === 1 ? "y" : "ies"}`
      );
      process.exitCode = 1;
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

// src/actions/validate-data/index.ts
void run();
