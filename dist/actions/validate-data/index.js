import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  validateData
} from "../../chunks/chunk-D2L6PFXK.js";
import "../../chunks/chunk-5RBKIHL5.js";
import "../../chunks/chunk-RZF5HKRA.js";
import "../../chunks/chunk-KZNYQM7F.js";
import {
  buildValidateDataRequest
} from "../../chunks/chunk-QXHJI7OP.js";
import "../../chunks/chunk-LIOCLVGO.js";
import "../../chunks/chunk-6UZB7YRZ.js";
import "../../chunks/chunk-TDVX5RST.js";
import "../../chunks/chunk-CZJ54TB3.js";
import "../../chunks/chunk-BQLEISGD.js";
import "../../chunks/chunk-5QWN2HOG.js";
import "../../chunks/chunk-36UX5SSD.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  actionBooleanInput,
  actionInput,
  actionProgress,
  actionsCore,
  logLine,
  runAction
} from "../../chunks/chunk-CTNLEMLF.js";
import {
  configFileOr,
  loadOptionalConfig
} from "../../chunks/chunk-RF2U6RXN.js";
import "../../chunks/chunk-ALJEQPYT.js";
import "../../chunks/chunk-YP4LPTRV.js";
import "../../chunks/chunk-NVKBQ6B4.js";
import "../../chunks/chunk-USV7Y6Q5.js";
import "../../chunks/chunk-5FF76VVQ.js";
import "../../chunks/chunk-J2XJ3L6O.js";
import "../../chunks/chunk-4N7NCSDY.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-RDRUDDB3.js";
import "../../chunks/chunk-KFMS7UDB.js";
import "../../chunks/chunk-A7ELOP3Y.js";
import "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/validate-data/inputs.ts
function readValidateDataInputs() {
  const optional = (name) => actionInput(name) || void 0;
  return {
    data: optional("data"),
    reference: optional("reference"),
    schema: optional("schema"),
    label: optional("label"),
    train: optional("train"),
    config: configFileOr(actionInput("config")),
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
  await runAction(async () => {
    const inputs = readValidateDataInputs();
    const config = await loadOptionalConfig(inputs.config);
    const result = await validateData({
      ...buildValidateDataRequest(inputs, config),
      progress: actionProgress
    });
    const report = result.report;
    const core = await actionsCore();
    for (const a of annotations(report)) {
      const props = { title: a.title, file: a.file, startLine: a.line };
      if (a.level === "error") core.error(a.message, props);
      else core.warning(a.message, props);
    }
    logLine(
      `mlci validate-data: ${report.verdict} (${report.summary.errors} errors, ${report.summary.warnings} warnings)`
    );
    return {
      outputFolder: inputs.out,
      outputs: {
        verdict: report.verdict,
        anomalies: String(report.anomalies.length),
        "drifted-columns": String(report.dataset_drift?.drifted ?? 0),
        "dataset-drift": String(report.dataset_drift?.drifted_dataset ?? false),
        report: `${inputs.out}/validation.md`
      },
      summary: result.markdown,
      failure: result.exitCode === 0 ? void 0 : `data validation failed: ${report.summary.errors} blocking anomal${report.summary.errors === 1 ? "y" : "ies"}`
    };
  });
}

// src/actions/validate-data/index.ts
void run();
