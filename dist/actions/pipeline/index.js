import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  PIPELINE_PARTS
} from "../../chunks/chunk-UOSLYNRK.js";
import {
  buildPipelineRequest
} from "../../chunks/chunk-JL37XIKD.js";
import "../../chunks/chunk-GUCFNMC4.js";
import "../../chunks/chunk-DXV7262R.js";
import "../../chunks/chunk-5Z5STRRD.js";
import "../../chunks/chunk-IG76SEAK.js";
import {
  parseParams
} from "../../chunks/chunk-P2GYK6TD.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  actionBooleanInput,
  actionInput,
  actionLog,
  actionProgress,
  logLine,
  runAction
} from "../../chunks/chunk-CTNLEMLF.js";
import {
  configFileOr,
  loadConfig
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
import {
  InputError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/pipeline/main.ts
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var PART_VARIABLE = "MLCI_PIPELINE_PART";
var RUN_VARIABLE = "MLCI_PIPELINE_RUN";
async function run() {
  await runAction(async () => {
    const part = pipelinePart();
    if (part === "training") {
      await trainingPart(runFolder());
      return {};
    }
    if (part === "after-training") return afterTraining(runFolder());
    const dir = await beforeTraining();
    if (part === "before-training") return { outputs: { run: dir } };
    try {
      await trainingPart(dir);
      return await afterTraining(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
function pipelinePart() {
  const part = (process.env[PART_VARIABLE] ?? "").trim();
  if (part === "") return null;
  if (!PIPELINE_PARTS.includes(part))
    throw new InputError(`${PART_VARIABLE}: got "${part}", expected ${PIPELINE_PARTS.join(", ")}`);
  return part;
}
function runFolder() {
  const dir = (process.env[RUN_VARIABLE] ?? "").trim();
  if (dir === "") throw new InputError(`${RUN_VARIABLE} is not set: the step before this one did not run`);
  return dir;
}
var token = () => actionInput("token") || process.env.GITHUB_TOKEN || "";
var onOutput = (text) => void process.stdout.write(text);
async function beforeTraining() {
  const configPath = configFileOr(actionInput("config"));
  const config = await loadConfig(configPath);
  logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
  const { loadRunContext } = await import("../../chunks/run-context-KNCDPXJK.js");
  const context = await loadRunContext(token());
  const untilInput = actionInput("until");
  const request = buildPipelineRequest(
    {
      stages: actionInput("stages") || void 0,
      // Registering or deploying from a pull request would publish unreviewed code.
      until: untilInput || (context?.pullNumber ? "evaluate" : void 0),
      registry: actionInput("registry") || void 0,
      set: parseParams(actionInput("params")),
      force: actionBooleanInput("force", false),
      out: actionInput("out", { fallback: "mlci-out" })
    },
    config,
    configPath
  );
  const settings = {
    comment: actionBooleanInput("comment", true),
    checkRun: actionBooleanInput("check-run", true)
  };
  actionBooleanInput("upload-artifact", true);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "mlci-pipeline-"));
  const { runBeforeTraining } = await import("../../chunks/pipeline-split-YOC3XCOM.js");
  await runBeforeTraining(request, { progress: actionProgress, onOutput }, dir, settings);
  return dir;
}
async function trainingPart(dir) {
  const { runTraining } = await import("../../chunks/pipeline-split-YOC3XCOM.js");
  const part = { progress: actionProgress, onOutput };
  await runTraining(part, dir);
}
async function afterTraining(dir) {
  const { loadRunContext } = await import("../../chunks/run-context-KNCDPXJK.js");
  const context = await loadRunContext(token());
  const { githubRecorder } = await import("../../chunks/deployments-RRMXXCHE.js");
  const { runAfterTraining } = await import("../../chunks/pipeline-split-YOC3XCOM.js");
  const { STAGES } = await import("../../chunks/pipeline-2ZXKGLPU.js");
  const { result, request, settings } = await runAfterTraining(
    {
      by: context?.actor ?? void 0,
      recorder: githubRecorder(context, void 0),
      progress: actionProgress,
      onOutput
    },
    dir
  );
  await rm(dir, { recursive: true, force: true });
  const { out } = request;
  if (context?.token && result.evaluationMarkdown) {
    const evaluation = JSON.parse(
      await readFile(join(out, "evaluate", "evaluation.json"), "utf8")
    );
    const { publishEvaluation } = await import("../../chunks/publish-evaluation-2OGCCTXZ.js");
    await publishEvaluation({
      context,
      evaluation,
      markdown: result.evaluationMarkdown,
      comment: settings.comment,
      checkRun: settings.checkRun,
      log: await actionLog()
    });
  }
  const failed = result.stages.find((s) => s.status === "fail");
  return {
    outputFolder: out,
    outputs: {
      verdict: result.verdict,
      version: result.version === null ? "" : String(result.version),
      production: result.production === null ? "" : String(result.production),
      stages: STAGES.filter((s) => result.stages.some((o) => o.stage === s && o.status !== "skipped")).join(
        ","
      )
    },
    summary: await readFile(join(out, "pipeline.md"), "utf8"),
    failure: result.verdict === "fail" ? `mlci pipeline: ${failed?.stage} failed — ${failed?.summary}` : void 0
  };
}

// src/actions/pipeline/index.ts
void run();
