import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  STAGES,
  parseStages,
  plannedStages
} from "../../chunks/chunk-HERSYEC6.js";
import {
  runContext
} from "../../chunks/chunk-MTUBZ2TB.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  loadConfig
} from "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
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

// src/actions/pipeline/main.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function run() {
  try {
    const configPath = actionInput("config", { fallback: "mlci.yml" });
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    const context = runContext();
    const stagesInput = actionInput("stages");
    const chosen = stagesInput ? parseStages(stagesInput, "stages") : null;
    const skip = chosen ? plannedStages(config).filter((s) => !chosen.includes(s)) : [];
    const untilInput = actionInput("until");
    const until = untilInput ? parseStages(untilInput, "until")[0] : context?.pullNumber ? "evaluate" : void 0;
    const token = actionInput("token") || process.env.GITHUB_TOKEN || "";
    const out = actionInput("out", { fallback: "mlci-out" });
    const { runPipeline } = await import("../../chunks/pipeline-5H5SLN2Y.js");
    const result = await runPipeline({
      config,
      configPath,
      out,
      until,
      skip,
      registry: actionInput("registry") || void 0,
      overrides: actionInput("params").split(/[\n,]/).map((p) => p.trim()).filter((p) => p !== ""),
      force: actionBooleanInput("force", false),
      by: process.env.GITHUB_ACTOR || void 0,
      // Loaded on use: the GitHub adapters stay out of the action's start-up.
      recorder: await (await import("../../chunks/main-L4TBC2QR.js")).githubRecorder(void 0),
      progress: { start: logLine, update() {
      }, finish: (m) => m && logLine(m), info: logLine },
      onOutput: (text) => process.stdout.write(text)
    });
    const core = await actionsCore();
    core.setOutput("verdict", result.verdict);
    core.setOutput("version", result.version === null ? "" : String(result.version));
    core.setOutput("production", result.production === null ? "" : String(result.production));
    core.setOutput(
      "stages",
      STAGES.filter((s) => result.stages.some((o) => o.stage === s && o.status !== "skipped")).join(",")
    );
    const markdown = await readFile(join(out, "pipeline.md"), "utf8");
    await writeJobSummary(markdown);
    if (context && token && result.evaluationMarkdown) {
      const evaluation = JSON.parse(
        await readFile(join(out, "evaluate", "evaluation.json"), "utf8")
      );
      const { publish } = await import("../../chunks/main-R3GU37X3.js");
      await publish(
        {
          token,
          comment: actionBooleanInput("comment", true),
          checkRun: actionBooleanInput("check-run", true)
        },
        context,
        { evaluation, markdown: result.evaluationMarkdown, files: [] },
        core
      );
    }
    if (result.verdict === "fail") {
      const failed = result.stages.find((s) => s.status === "fail");
      core.setFailed(`mlci pipeline: ${failed?.stage} failed — ${failed?.summary}`);
      process.exitCode = 1;
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

// src/actions/pipeline/index.ts
void run();
