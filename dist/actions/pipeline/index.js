import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildPipelineRequest,
  parseParams
} from "../../chunks/chunk-XNESXMC5.js";
import "../../chunks/chunk-ITDPFDGE.js";
import "../../chunks/chunk-DXV7262R.js";
import "../../chunks/chunk-IG76SEAK.js";
import "../../chunks/chunk-HD4PHYYH.js";
import "../../chunks/chunk-GSRDT4OZ.js";
import {
  actionBooleanInput,
  actionInput,
  actionLog,
  actionProgress,
  logLine,
  runAction
} from "../../chunks/chunk-5VDT3RL2.js";
import {
  configFileOr,
  loadConfig
} from "../../chunks/chunk-7NCL66NL.js";
import "../../chunks/chunk-ALJEQPYT.js";
import "../../chunks/chunk-NVKBQ6B4.js";
import "../../chunks/chunk-N3HU6RCH.js";
import "../../chunks/chunk-5FF76VVQ.js";
import "../../chunks/chunk-J2XJ3L6O.js";
import "../../chunks/chunk-4N7NCSDY.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-XVVP3DF2.js";
import "../../chunks/chunk-KFMS7UDB.js";
import "../../chunks/chunk-A7ELOP3Y.js";
import "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/pipeline/main.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function run() {
  await runAction(async () => {
    const configPath = configFileOr(actionInput("config"));
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    const { loadRunContext } = await import("../../chunks/run-context-KNCDPXJK.js");
    const context = await loadRunContext(actionInput("token") || process.env.GITHUB_TOKEN || "");
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
    const { out } = request;
    const { runPipeline, STAGES } = await import("../../chunks/pipeline-PR7CT3Y3.js");
    const { githubRecorder } = await import("../../chunks/deployments-IZ6G7GE2.js");
    const result = await runPipeline({
      ...request,
      by: context?.actor ?? void 0,
      recorder: githubRecorder(context, void 0),
      progress: actionProgress,
      onOutput: (text) => process.stdout.write(text)
    });
    if (context?.token && result.evaluationMarkdown) {
      const evaluation = JSON.parse(
        await readFile(join(out, "evaluate", "evaluation.json"), "utf8")
      );
      const { publishEvaluation } = await import("../../chunks/publish-evaluation-U6E5Y3UN.js");
      await publishEvaluation({
        context,
        evaluation,
        markdown: result.evaluationMarkdown,
        comment: actionBooleanInput("comment", true),
        checkRun: actionBooleanInput("check-run", true),
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
  });
}

// src/actions/pipeline/index.ts
void run();
