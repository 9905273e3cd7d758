import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  truncateMarkdown
} from "./chunk-N3GLJ5J5.js";
import {
  InputError,
  describeError
} from "./chunk-HRKM2MUG.js";

// src/actions/toolkit.ts
async function actionsCore() {
  return import("./core-25J5PNJG.js");
}
function logLine(message) {
  process.stdout.write(`${message}
`);
}
var MAX_SUMMARY = 1024 * 1024 - 1024;
async function writeJobSummary(markdown) {
  const core = await actionsCore();
  await core.summary.addRaw(truncateMarkdown(markdown, MAX_SUMMARY)).write().catch((error) => core.warning(`could not write the job summary: ${describeError(error)}`));
}

// src/actions/inputs.ts
function actionInput(name, options = {}) {
  const key = `MLCI_INPUT_${name.toUpperCase().replace(/-/g, "_")}`;
  const value = (process.env[key] ?? "").trim();
  if (value === "" && options.required) {
    throw new InputError(`input "${name}" is required (set it under \`with:\` in the workflow step)`);
  }
  return value === "" ? options.fallback ?? "" : value;
}
function actionBooleanInput(name, fallback = false) {
  const value = actionInput(name).toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "1"].includes(value)) return true;
  if (["false", "no", "0"].includes(value)) return false;
  throw new InputError(`input "${name}": got "${value}", expected true or false`);
}

export {
  actionsCore,
  logLine,
  writeJobSummary,
  actionInput,
  actionBooleanInput
};
