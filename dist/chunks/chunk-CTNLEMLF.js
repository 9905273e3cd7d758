import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  parseBoolean
} from "./chunk-YP4LPTRV.js";
import {
  truncateMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  InputError,
  MlciError,
  describeError
} from "./chunk-HRKM2MUG.js";

// src/actions/inputs.ts
function actionInput(name, options = {}) {
  const value = (process.env[inputVariable(name)] ?? "").trim();
  if (value === "" && options.required) {
    throw new InputError(`input "${name}" is required (set it under \`with:\` in the workflow step)`);
  }
  return value === "" ? options.fallback ?? "" : value;
}
function inputVariable(name) {
  return `MLCI_INPUT_${name.toUpperCase().replace(/-/g, "_")}`;
}
function inActionTerms(message, env = process.env) {
  return message.replace(
    /(?<![\w-])--([a-z][a-z0-9-]*)/g,
    (flag, name) => inputVariable(name) in env ? `input "${name}"` : flag
  );
}
function actionBooleanInput(name, fallback = false) {
  const value = actionInput(name);
  return value === "" ? fallback : parseBoolean(value, `input "${name}"`) ?? fallback;
}

// src/actions/toolkit.ts
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function actionsCore() {
  return import("./core-ZS36XE6S.js");
}
var ZWSP = "​";
function inertLogText(text) {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(/^([\s\u0085]*):(?=:)/, `$1:${ZWSP}`).replace(/##\[/g, `#${ZWSP}#[`)).join("\n");
}
function logLine(message) {
  process.stdout.write(`${inertLogText(message)}
`);
}
var MAX_SUMMARY = 1024 * 1024 - 1024;
async function writeJobSummary(markdown) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, truncateMarkdown(markdown, MAX_SUMMARY) + "\n", "utf8");
  } catch (error) {
    (await actionsCore()).warning(`could not write the job summary: ${describeError(error)}`);
  }
}
var actionProgress = {
  start: logLine,
  update() {
  },
  finish: (message) => message && logLine(message),
  info: logLine
};
async function actionLog() {
  const core = await actionsCore();
  return { info: logLine, notice: (m) => core.notice(m), warning: (m) => core.warning(m) };
}
async function runAction(work, options = {}) {
  let report;
  try {
    report = await work();
  } catch (error) {
    const partial = options.onError ? await options.onError(error).catch(() => null) : null;
    if (partial) await publishReport(partial);
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? inActionTerms(error.message) : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
    return;
  }
  try {
    await publishReport(report);
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(`could not set the step's outputs: ${describeError(error)}`);
    process.exitCode = 2;
    return;
  }
  if (report.failure) {
    const core = await actionsCore();
    core.setFailed(report.failure);
    process.exitCode = 1;
  }
}
async function publishReport(report) {
  if (report.outputFolder) await ignoreFolder(report.outputFolder);
  const entries = Object.entries(report.outputs ?? {});
  if (entries.length > 0) {
    const core = await actionsCore();
    for (const [name, value] of entries) core.setOutput(name, value);
  }
  if (report.summary) await writeJobSummary(report.summary);
}
async function ignoreFolder(folder) {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, ".gitignore"), "# written by mlci: outputs, not sources\n*\n", {
    flag: "wx"
  }).catch((error) => {
    if (error.code !== "EEXIST") throw error;
  });
}

export {
  actionInput,
  actionBooleanInput,
  actionsCore,
  logLine,
  actionProgress,
  actionLog,
  runAction
};
