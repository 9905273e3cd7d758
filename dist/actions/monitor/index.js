import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "../../chunks/chunk-P2M3QCU5.js";
import "../../chunks/chunk-VB6TYJ5Z.js";
import "../../chunks/chunk-ZK7UXQ2T.js";
import "../../chunks/chunk-ANVENSJ6.js";
import "../../chunks/chunk-IG76SEAK.js";
import {
  actionBooleanInput,
  actionInput,
  actionProgress,
  actionsCore,
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
import {
  InputError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/monitor/inputs.ts
function optional(name) {
  return actionInput(name) || void 0;
}
function readMonitorInputs() {
  return {
    config: configFileOr(actionInput("config")),
    out: actionInput("out", { fallback: "mlci-out/monitor" }),
    model: optional("model"),
    registry: optional("registry"),
    log: optional("log"),
    data: optional("data"),
    labels: optional("labels"),
    label: optional("label"),
    since: optional("since"),
    minRows: optional("min-rows"),
    driftShare: optional("drift-share"),
    gate: actionInput("gates").split(/[\n,]/).map((g) => g.trim()).filter((g) => g !== ""),
    trigger: optional("trigger"),
    workflow: optional("workflow"),
    ref: optional("ref"),
    eventType: optional("event-type"),
    dataVersion: optional("data-version"),
    dryRun: actionBooleanInput("dry-run", false),
    failOnDrift: actionBooleanInput("fail-on-drift", true)
  };
}

// src/actions/monitor/main.ts
async function run() {
  let options;
  await runAction(
    async () => {
      const inputs = readMonitorInputs();
      options = await monitorOptions(inputs);
      const { runMonitor } = await import("../../chunks/monitor-B6WU4QEH.js");
      const result = await runMonitor(options);
      const report = monitorReport(result, inputs.out);
      if (result.exitCode === 0) return report;
      const message = `mlci monitor: ${result.report.verdict} — ${result.report.reason}`;
      if (inputs.failOnDrift) return { ...report, failure: message };
      (await actionsCore()).warning(message);
      return report;
    },
    {
      onError: async (error) => {
        const { MonitorDispatchError } = await import("../../chunks/monitor-B6WU4QEH.js");
        return error instanceof MonitorDispatchError ? monitorReport(error.result, options?.out) : null;
      }
    }
  );
}
function monitorReport(result, out) {
  const { report } = result;
  return {
    outputFolder: out,
    outputs: {
      verdict: report.verdict,
      reason: report.reason,
      "drifted-columns": report.drifted_columns.join(","),
      dispatched: String(report.trigger.sent === true)
    },
    summary: result.markdown
  };
}
async function monitorOptions(inputs) {
  const config = await loadOptionalConfig(inputs.config);
  const request = buildMonitorRequest(inputs, config);
  const { openRegistry } = await import("../../chunks/register-RVVPUVIR.js");
  const { loadRunContext } = await import("../../chunks/run-context-KNCDPXJK.js");
  const context = await loadRunContext(process.env.GITHUB_TOKEN ?? "");
  const trigger = { ...request.trigger, reportUrl: context?.runUrl ?? void 0 };
  return {
    ...request,
    registry: await openRegistry(request.registry),
    trigger: trigger.kind === "none" || request.dryRun ? trigger : await withDispatch(trigger, context),
    progress: actionProgress
  };
}
async function withDispatch(trigger, context) {
  if (!context?.token)
    throw new InputError(
      `trigger ${trigger.kind} needs a token (input "token": actions: write for workflow_dispatch, contents: write for repository_dispatch); dry-run decides without one`
    );
  const { githubClient } = await import("../../chunks/octokit-XYQDH4QU.js");
  const { githubDispatcher } = await import("../../chunks/dispatch-CONJXWM6.js");
  return { ...trigger, dispatch: githubDispatcher(githubClient(context), context.owner, context.repo) };
}

// src/actions/monitor/index.ts
void run();
