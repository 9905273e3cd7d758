import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  actionBooleanInput,
  actionInput,
  actionsCore,
  logLine,
  writeJobSummary
} from "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import {
  MlciError,
  describeError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/monitor/main.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/actions/monitor/inputs.ts
var FLAGS = {
  model: "--model",
  registry: "--registry",
  log: "--log",
  data: "--data",
  labels: "--labels",
  label: "--label",
  since: "--since",
  "min-rows": "--min-rows",
  "drift-share": "--drift-share",
  trigger: "--trigger",
  workflow: "--workflow",
  ref: "--ref",
  "event-type": "--event-type",
  "data-version": "--data-version",
  config: "--config"
};
function monitorArguments(out) {
  const args = ["monitor", "--out", out];
  for (const [input, flag] of Object.entries(FLAGS)) {
    const value = actionInput(input);
    if (value !== "") args.push(flag, value);
  }
  for (const gate of actionInput("gates").split(/[\n,]/)) {
    if (gate.trim() !== "") args.push("--gate", gate.trim());
  }
  if (actionBooleanInput("dry-run", false)) args.push("--dry-run");
  return args;
}

// src/actions/monitor/main.ts
async function run() {
  try {
    const out = actionInput("out", { fallback: "mlci-out/monitor" });
    const args = monitorArguments(out);
    logLine(`mlci ${args.join(" ")}`);
    const { buildProgram } = await import("../../chunks/program-AYEC4ZO7.js");
    await buildProgram().parseAsync(args, { from: "user" });
    const code = Number(process.exitCode ?? 0);
    const core = await actionsCore();
    const report = await readFile(join(out, "monitor.json"), "utf8").then((text) => JSON.parse(text)).catch(() => null);
    if (report) {
      core.setOutput("verdict", report.verdict);
      core.setOutput("reason", report.reason);
      core.setOutput("drifted-columns", report.drifted_columns.join(","));
      core.setOutput("dispatched", String(report.trigger.sent === true));
      const markdown = await readFile(join(out, "monitor.md"), "utf8").catch(() => "");
      await writeJobSummary(markdown);
    }
    if (code === 1 && report && !actionBooleanInput("fail-on-drift", true)) {
      core.warning(`mlci monitor: ${report.verdict} — ${report.reason}`);
      process.exitCode = 0;
      return;
    }
    if (code === 1 && report) core.setFailed(`mlci monitor: ${report.verdict} — ${report.reason}`);
    else if (code !== 0) core.setFailed("mlci monitor failed (see the message above)");
    process.exitCode = code;
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

// src/actions/monitor/index.ts
void run();
