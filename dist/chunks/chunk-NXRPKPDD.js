import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  checkInterval,
  checkServerUrl,
  defaultStateFile,
  deploySettings
} from "./chunk-EOK7XKC7.js";
import {
  registryStorageUri
} from "./chunk-MOGPTYAV.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  checkSteps
} from "./chunk-USV7Y6Q5.js";
import {
  durationMs
} from "./chunk-5FF76VVQ.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/deploy-request.ts
import { dirname, resolve } from "node:path";

// src/stages/serve-settings.ts
function serveModelSettings(config) {
  if (!config) return void 0;
  return { features: config.model.features, task: config.model.task, threshold: config.model.threshold };
}

// src/stages/request-context.ts
function requireModel(flag, config) {
  const model = flag ?? config?.model.name;
  if (!model) throw new InputError("--model is required (or a mlci.yml with model.name)");
  return model;
}
async function requestRegistry(context, flag, config) {
  if (context.registry) return context.registry;
  const { openRegistry } = await import("./register-RVVPUVIR.js");
  return openRegistry(flag ?? config?.register?.registry);
}

// src/stages/deploy-request.ts
var DEFAULT_LABEL = "label";
var TARGETS = ["local", "server", "kserve"];
function parseVersion(text, flag = "--version") {
  const match = /^v?(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1) throw new InputError(`${flag}: "${text}" is not a version such as v4`);
  return Number(match[1]);
}
function number(text, flag, min = 0, max = Infinity) {
  if (text === void 0) return void 0;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    const range = max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` ≥ ${min}` : "";
    throw new InputError(`${flag}: got "${text}", expected a number${range}`);
  }
  return value;
}
function positive(text, flag) {
  const value = number(text, flag, -Infinity);
  if (value !== void 0 && !(value > 0))
    throw new InputError(`${flag}: got "${text}", expected a number > 0`);
  return value;
}
function integer(text, flag, min = 0) {
  const value = number(text, flag, min);
  if (value !== void 0 && !Number.isInteger(value))
    throw new InputError(`${flag}: got "${text}", expected a whole number`);
  return value;
}
function steps(text) {
  if (text === void 0) return void 0;
  return checkSteps(
    text.split(",").map((s) => number(s.trim(), "--steps", 1, 100)),
    "--steps"
  );
}
async function buildDeployRequest(flags, config, context = {}) {
  const model = requireModel(flags.model, config);
  if (!flags.version) throw new InputError("--version is required, e.g. --version v4");
  const version = parseVersion(flags.version);
  const d = config?.deploy ?? {};
  const settings = deploySettings(d);
  const target = flags.target ?? (flags.server ? "server" : settings.target);
  if (!TARGETS.includes(target))
    throw new InputError(`--target: got "${target}", expected ${TARGETS.join(", ")}`);
  const server = flags.server ?? settings.server;
  if (server !== void 0) checkServerUrl(server, flags.server !== void 0 ? "--server" : "deploy.server");
  const kserve = target === "kserve" ? {
    namespace: flags.kserveNamespace ?? d.kserve?.namespace,
    storageUri: flags.kserveStorageUri ?? d.kserve?.storage_uri ?? registryStorageUri(flags.registry ?? config?.register?.registry),
    runtime: flags.kserveRuntime ?? d.kserve?.runtime,
    onnxruntime: d.kserve?.onnxruntime,
    url: flags.kserveUrl
  } : void 0;
  const root = context.configPath ? dirname(resolve(context.configPath)) : process.cwd();
  const replay = flags.replay ?? (settings.replay ? resolve(root, settings.replay) : void 0);
  const dropColumns = [flags.label ?? config?.model.label ?? DEFAULT_LABEL];
  const { loadTestStepRequest } = await import("./loadtest-request-3MK7755J.js");
  const loadTest = loadTestStepRequest(config, {
    replay,
    server: target === "server" ? server : void 0,
    dropColumns,
    kserve
  });
  const registry = await requestRegistry(context, flags.registry, config);
  return built("deploy-canary", {
    model,
    version,
    target,
    server,
    adminToken: flags.adminToken,
    registry,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    steps: steps(flags.steps) ?? settings.steps,
    intervalMs: flags.interval !== void 0 ? checkInterval(
      durationMs(
        /^\d+(\.\d+)?$/.test(flags.interval) ? Number(flags.interval) : flags.interval,
        "--interval"
      ),
      "--interval"
    ) : settings.intervalMs,
    failureLimit: integer(flags.failureLimit, "--failure-limit") ?? settings.failureLimit,
    thresholds: {
      maxErrorRate: number(flags.maxErrorRate, "--max-error-rate", 0, 1) ?? settings.thresholds.maxErrorRate,
      maxP99Ratio: number(flags.maxP99Ratio, "--max-p99-ratio") ?? settings.thresholds.maxP99Ratio,
      p99SlackMs: number(flags.p99SlackMs, "--p99-slack-ms") ?? settings.thresholds.p99SlackMs,
      alpha: settings.thresholds.alpha,
      maxDivergence: number(flags.maxDivergence, "--max-divergence", 0, 1) ?? settings.thresholds.maxDivergence,
      minRequests: integer(flags.minRequests, "--min-requests") ?? settings.thresholds.minRequests
    },
    shadow: flags.shadow ?? true,
    replay,
    rate: positive(flags.rate, "--rate") ?? settings.rate,
    dropColumns,
    loadTest,
    serve: serveModelSettings(config),
    stateFile: flags.state ?? defaultStateFile(registry),
    resume: flags.resume ?? false,
    kserve,
    out: flags.out
  });
}

export {
  serveModelSettings,
  requireModel,
  requestRegistry,
  DEFAULT_LABEL,
  parseVersion,
  buildDeployRequest
};
