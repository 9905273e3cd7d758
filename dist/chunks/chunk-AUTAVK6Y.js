import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  deployCanary,
  deploySettings
} from "./chunk-QI3MNLOO.js";
import {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
} from "./chunk-7RNPNCAU.js";
import {
  openRegistry
} from "./chunk-AYR6ABZT.js";
import {
  durationMs
} from "./chunk-OX2YEAMM.js";
import {
  loadOptionalConfig
} from "./chunk-H37KYKCP.js";
import {
  actionBooleanInput,
  actionInput,
  actionsCore,
  logLine,
  writeJobSummary
} from "./chunk-FU7F3K7D.js";
import {
  InputError,
  MlciError,
  describeError
} from "./chunk-HRKM2MUG.js";

// src/actions/deploy-canary/main.ts
import { resolve } from "node:path";

// src/actions/deploy-canary/inputs.ts
function optionalNumber(name) {
  const text = actionInput(name);
  if (text === "") return void 0;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(`input "${name}": got "${text}", expected a non-negative number`);
  return value;
}
function readDeployCanaryInputs() {
  const versionText = actionInput("version", { required: true });
  const match = /^v?(\d+)$/.exec(versionText);
  if (!match) throw new InputError(`input "version": got "${versionText}", expected a version such as v4`);
  const target = actionInput("target");
  if (target && !["local", "server", "kserve"].includes(target)) {
    throw new InputError(`input "target": got "${target}", expected local, server or kserve`);
  }
  const stepsText = actionInput("steps");
  return {
    model: actionInput("model") || void 0,
    version: Number(match[1]),
    target: target || void 0,
    server: actionInput("server") || void 0,
    adminToken: actionInput("admin-token") || void 0,
    registry: actionInput("registry", { fallback: "github" }),
    alias: actionInput("alias", { fallback: "production" }),
    steps: stepsText ? stepsText.split(",").map((s) => Number(s.trim())) : void 0,
    interval: actionInput("interval") || void 0,
    failureLimit: optionalNumber("failure-limit"),
    replay: actionInput("replay") || void 0,
    rate: optionalNumber("rate"),
    resume: actionBooleanInput("resume", false),
    stateFile: actionInput("state-file", { fallback: ".mlci/deploy-state.json" }),
    thresholds: {
      maxErrorRate: optionalNumber("max-error-rate"),
      maxP99Ratio: optionalNumber("max-p99-ratio"),
      p99SlackMs: optionalNumber("p99-slack-ms"),
      maxDivergence: optionalNumber("max-divergence"),
      minRequests: optionalNumber("min-requests")
    },
    environmentUrl: actionInput("environment-url") || void 0,
    config: actionInput("config", { fallback: "mlci.yml" }),
    out: actionInput("out", { fallback: "mlci-out/deploy" })
  };
}

// src/actions/deploy-canary/main.ts
async function run() {
  try {
    const inputs = readDeployCanaryInputs();
    const config = await loadOptionalConfig(inputs.config);
    const model = inputs.model ?? config?.model.name;
    if (!model) throw new InputError('input "model" is empty and mlci.yml has no model.name');
    const registry = await openRegistry(inputs.registry);
    const recorder = await githubRecorder(inputs.environmentUrl ?? inputs.server);
    const settings = deploySettings(config?.deploy);
    const target = inputs.target ?? (inputs.server ? "server" : settings.target);
    const result = await deployCanary({
      model,
      version: inputs.version,
      target,
      server: inputs.server ?? settings.server,
      adminToken: inputs.adminToken,
      registry,
      alias: inputs.alias,
      steps: inputs.steps ?? settings.steps,
      intervalMs: inputs.interval === void 0 ? settings.intervalMs : durationMs(
        /^\d+(\.\d+)?$/.test(String(inputs.interval)) ? Number(inputs.interval) : inputs.interval,
        "interval"
      ),
      failureLimit: inputs.failureLimit ?? settings.failureLimit,
      thresholds: {
        maxErrorRate: inputs.thresholds.maxErrorRate ?? settings.thresholds.maxErrorRate,
        maxP99Ratio: inputs.thresholds.maxP99Ratio ?? settings.thresholds.maxP99Ratio,
        p99SlackMs: inputs.thresholds.p99SlackMs,
        maxDivergence: inputs.thresholds.maxDivergence ?? settings.thresholds.maxDivergence,
        minRequests: inputs.thresholds.minRequests ?? settings.thresholds.minRequests
      },
      replay: inputs.replay ?? settings.replay,
      rate: inputs.rate ?? settings.rate,
      dropColumns: [config?.model.label ?? "label"],
      stateFile: inputs.stateFile,
      resume: inputs.resume,
      kserve: settings.kserve,
      out: resolve(inputs.out),
      recorder,
      by: process.env.GITHUB_ACTOR ? `${process.env.GITHUB_ACTOR} (deploy-canary)` : void 0,
      progress: { start: logLine, update() {
      }, finish: (m) => logLine(m ?? "done"), info: logLine }
    });
    const core = await actionsCore();
    const outcome = result.report.outcome.replace("_", "-");
    const resume = result.report.outcome === "paused" ? resumeInstruction(model, inputs.version, "action") : "";
    core.setOutput("status", outcome);
    core.setOutput("outcome", outcome);
    core.setOutput("reason", result.report.reason);
    core.setOutput("resume", resume);
    core.setOutput("version", String(result.report.version));
    core.setOutput("stable", String(result.alias ? result.alias.to : result.report.stable));
    await writeJobSummary(
      rolloutMarkdown(
        model,
        result.report,
        result.target,
        result.alias ? `Alias \`${inputs.alias}\` moved to v${result.alias.to}.` : `Alias \`${inputs.alias}\` left where it was.`,
        resume || void 0
      )
    );
    if (result.report.outcome === "rolled_back") {
      core.setFailed(`canary ${model}@v${inputs.version} rolled back: ${result.report.reason}`);
      process.exitCode = 1;
    } else if (resume) {
      core.warning(pauseWarning(model, result.report, resume), { title: "canary paused" });
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
async function githubRecorder(environmentUrl) {
  const token = process.env.GITHUB_TOKEN;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!token || !repository) return void 0;
  const [owner, repo] = repository.split("/");
  const { createOctokit } = await import("./octokit-TCNSXDFP.js");
  const { GitHubDeploymentRecorder } = await import("./deployments-TZES4YRH.js");
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const runUrl = process.env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}` : void 0;
  return new GitHubDeploymentRecorder(createOctokit({ token, baseUrl: process.env.GITHUB_API_URL }), {
    owner,
    repo,
    ref: process.env.GITHUB_SHA ?? process.env.GITHUB_REF ?? "main",
    logUrl: runUrl,
    environmentUrl
  });
}

export {
  run,
  githubRecorder
};
