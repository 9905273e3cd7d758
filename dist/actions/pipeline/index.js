import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  actionInput,
  actionsCore,
  loadConfig,
  logLine
} from "../chunks/chunk-TI5WUZPE.js";
import "../chunks/chunk-QMIQ4DPQ.js";
import {
  MlciError,
  NotAvailableError,
  describeError
} from "../chunks/chunk-IM3HWM6O.js";
import "../chunks/chunk-3CG65SHH.js";

// src/actions/pipeline/main.ts
async function run() {
  try {
    const configPath = actionInput("config", { fallback: "mlci.yml" });
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    throw new NotAvailableError("the whole-pipeline action");
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

// src/actions/pipeline/index.ts
void run();
