import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadRunContext
} from "../../chunks/chunk-AC2BZBAV.js";
import {
  buildDeployRequest
} from "../../chunks/chunk-NXRPKPDD.js";
import {
  deployCanary
} from "../../chunks/chunk-EOK7XKC7.js";
import "../../chunks/chunk-IFKVXW54.js";
import "../../chunks/chunk-O4ZO3HQR.js";
import "../../chunks/chunk-MOGPTYAV.js";
import {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
} from "../../chunks/chunk-ID7SMOMK.js";
import "../../chunks/chunk-5CQEG7ME.js";
import "../../chunks/chunk-YUK5W3RX.js";
import "../../chunks/chunk-GL4WARX4.js";
import "../../chunks/chunk-JZ26DGLW.js";
import "../../chunks/chunk-TJ7LOYJS.js";
import "../../chunks/chunk-VHONKP4V.js";
import "../../chunks/chunk-D4WWN4FX.js";
import "../../chunks/chunk-7VZC23W7.js";
import "../../chunks/chunk-ANVENSJ6.js";
import "../../chunks/chunk-5Z5STRRD.js";
import "../../chunks/chunk-IG76SEAK.js";
import "../../chunks/chunk-4JPR7HNQ.js";
import "../../chunks/chunk-R2X24BNK.js";
import "../../chunks/chunk-LIOCLVGO.js";
import "../../chunks/chunk-6UZB7YRZ.js";
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
import "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/deploy-canary/main.ts
import { resolve } from "node:path";

// src/actions/deploy-canary/inputs.ts
function readDeployCanaryInputs() {
  const optional = (name) => actionInput(name) || void 0;
  return {
    model: optional("model"),
    version: actionInput("version", { required: true }),
    target: optional("target"),
    server: optional("server"),
    adminToken: optional("admin-token"),
    registry: actionInput("registry", { fallback: "github" }),
    alias: optional("alias"),
    steps: optional("steps"),
    interval: optional("interval"),
    failureLimit: optional("failure-limit"),
    replay: optional("replay"),
    rate: optional("rate"),
    resume: actionBooleanInput("resume", false),
    state: optional("state-file"),
    maxErrorRate: optional("max-error-rate"),
    maxP99Ratio: optional("max-p99-ratio"),
    p99SlackMs: optional("p99-slack-ms"),
    maxDivergence: optional("max-divergence"),
    minRequests: optional("min-requests"),
    environmentUrl: optional("environment-url"),
    config: configFileOr(actionInput("config")),
    out: actionInput("out", { fallback: "mlci-out/deploy" })
  };
}

// src/actions/deploy-canary/main.ts
async function run() {
  await runAction(async () => {
    const inputs = readDeployCanaryInputs();
    const config = await loadOptionalConfig(inputs.config);
    const out = resolve(inputs.out);
    const request = await buildDeployRequest({ ...inputs, out }, config, { configPath: inputs.config });
    const { model, version } = request;
    const context = await loadRunContext(process.env.GITHUB_TOKEN ?? "");
    const { githubRecorder } = await import("../../chunks/deployments-RRMXXCHE.js");
    const warn = async (message) => (await actionsCore()).warning(message, { title: "deployment not recorded" });
    const result = await deployCanary({
      ...request,
      recorder: githubRecorder(context, inputs.environmentUrl ?? request.server, warn),
      by: context?.actor ? `${context.actor} (deploy-canary)` : void 0,
      progress: actionProgress
    });
    const { report } = result;
    const outcome = report.outcome.replace("_", "-");
    const resume = report.outcome === "paused" ? resumeInstruction(model, version, "action") : "";
    if (resume)
      (await actionsCore()).warning(pauseWarning(model, report, resume), { title: "canary paused" });
    const aliasLine = result.alias ? `Alias \`${request.alias}\` moved to v${result.alias.to}.` : `Alias \`${request.alias}\` left where it was.`;
    return {
      outputFolder: out,
      outputs: {
        status: outcome,
        outcome,
        reason: report.reason,
        resume,
        version: String(report.version),
        stable: String(result.alias ? result.alias.to : report.stable)
      },
      summary: `${result.loadTest ? `${result.loadTest.markdown}
` : ""}${rolloutMarkdown(model, report, result.target, aliasLine, resume || void 0)}`,
      failure: report.outcome === "rolled_back" ? `canary ${model}@v${version} rolled back: ${report.reason}` : void 0
    };
  });
}

// src/actions/deploy-canary/index.ts
void run();
