import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_LOAD_TEST_DURATION_S,
  DEFAULT_LOAD_TEST_HEADROOM,
  DEFAULT_LOAD_TEST_RAMP,
  withDefaults
} from "./chunk-AERWSWSD.js";
import {
  DEFAULT_LABEL,
  parseVersion,
  requestRegistry,
  requireModel,
  serveModelSettings
} from "./chunk-NXRPKPDD.js";
import {
  checkServerUrl
} from "./chunk-EOK7XKC7.js";
import "./chunk-IFKVXW54.js";
import "./chunk-O4ZO3HQR.js";
import "./chunk-MOGPTYAV.js";
import "./chunk-ID7SMOMK.js";
import "./chunk-5CQEG7ME.js";
import "./chunk-YUK5W3RX.js";
import "./chunk-GL4WARX4.js";
import "./chunk-JZ26DGLW.js";
import "./chunk-TJ7LOYJS.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-R2X24BNK.js";
import "./chunk-LIOCLVGO.js";
import "./chunk-6UZB7YRZ.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import "./chunk-USV7Y6Q5.js";
import {
  durationMs
} from "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/loadtest-request.ts
import { dirname, resolve } from "node:path";
function number(text, flag, min = 0, max = Infinity) {
  if (text === void 0) return void 0;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    const range = max < Infinity ? ` from ${min} to ${max}` : ` ≥ ${min}`;
    throw new InputError(`${flag}: got "${text}", expected a number${range}`);
  }
  return value;
}
function positive(text, flag) {
  const value = number(text, flag);
  if (value === 0) throw new InputError(`${flag}: got "${text}", expected a number above 0`);
  return value;
}
function ramp(text) {
  if (text === void 0) return void 0;
  if (text.trim() === "") return [];
  return text.split(",").map((s) => {
    const value = number(s.trim(), "--ramp", 0, 1);
    if (value === 0 || value === 1)
      throw new InputError(`--ramp: got "${s.trim()}", expected fractions of the rate between 0 and 1`);
    return value;
  });
}
function loadTestSettings(config, given = config?.deploy?.load_test ?? {}) {
  const o = given.objectives ?? {};
  return {
    rate: given.rate,
    headroom: given.headroom ?? DEFAULT_LOAD_TEST_HEADROOM,
    durationMs: durationMs(given.duration ?? DEFAULT_LOAD_TEST_DURATION_S, "deploy.load_test.duration"),
    ramp: given.ramp ?? [...DEFAULT_LOAD_TEST_RAMP],
    objectives: withDefaults({
      maxP99Ms: o.max_p99_ms,
      minRps: o.min_rps,
      maxErrorRate: o.max_error_rate,
      maxP99RatioVsStable: o.max_p99_ratio_vs_stable,
      p99SlackMs: o.p99_slack_ms
    }),
    serve: serveModelSettings(config)
  };
}
function loadTestRows(config) {
  return config?.deploy?.replay ?? config?.evaluate?.data ?? config?.data?.eval;
}
async function buildLoadTestRequest(flags, config, context = {}) {
  const model = requireModel(flags.model, config);
  if (!flags.version && !flags.url)
    throw new InputError("--version is required (e.g. --version v4), or --url of a running server");
  const version = flags.version ? parseVersion(flags.version) : void 0;
  if (flags.url !== void 0) checkServerUrl(flags.url, "--url");
  if (flags.stableUrl !== void 0) checkServerUrl(flags.stableUrl, "--stable-url");
  if (flags.stableUrl !== void 0 && flags.url === void 0)
    throw new InputError("--stable-url compares with a running candidate: pass --url too");
  const productionServer = flags.productionUrl ?? config?.deploy?.server;
  if (productionServer !== void 0)
    checkServerUrl(
      productionServer,
      flags.productionUrl !== void 0 ? "--production-url" : "deploy.server"
    );
  const settings = loadTestSettings(config);
  const root = context.configPath ? dirname(resolve(context.configPath)) : process.cwd();
  const configured = loadTestRows(config);
  const replay = flags.replay ?? (configured ? resolve(root, configured) : void 0);
  if (!replay)
    throw new InputError(
      "--replay FILE is required (or deploy.replay, evaluate.data or data.eval in mlci.yml)"
    );
  const registry = await requestRegistry(context, flags.registry, config);
  const o = settings.objectives;
  return built("loadtest", {
    model,
    version,
    url: flags.url,
    stableUrl: flags.stableUrl,
    registry,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    rate: positive(flags.rate, "--rate") ?? settings.rate,
    productionServer,
    headroom: number(flags.headroom, "--headroom", 1) ?? settings.headroom,
    durationMs: flags.duration !== void 0 ? durationMs(
      /^\d+(\.\d+)?$/.test(flags.duration) ? Number(flags.duration) : flags.duration,
      "--duration"
    ) : settings.durationMs,
    ramp: ramp(flags.ramp) ?? settings.ramp,
    replay,
    dropColumns: [flags.label ?? config?.model.label ?? DEFAULT_LABEL],
    objectives: {
      maxP99Ms: positive(flags.maxP99Ms, "--max-p99-ms") ?? o.maxP99Ms,
      minRps: positive(flags.minRps, "--min-rps") ?? o.minRps,
      maxErrorRate: number(flags.maxErrorRate, "--max-error-rate", 0, 1) ?? o.maxErrorRate,
      maxP99RatioVsStable: positive(flags.maxP99Ratio, "--max-p99-ratio") ?? o.maxP99RatioVsStable,
      p99SlackMs: number(flags.p99SlackMs, "--p99-slack-ms") ?? o.p99SlackMs
    },
    serve: settings.serve,
    out: flags.out
  });
}
function loadTestStepRequest(config, deploy) {
  if (!config?.deploy?.load_test) return void 0;
  const replay = deploy.replay ?? loadTestRows(config);
  if (!replay)
    throw new InputError(
      "deploy.load_test needs request rows: set deploy.replay (or evaluate.data, data.eval)"
    );
  return {
    ...loadTestSettings(config),
    productionServer: deploy.server,
    replay,
    dropColumns: deploy.dropColumns,
    kserve: deploy.kserve
  };
}
export {
  buildLoadTestRequest,
  loadTestRows,
  loadTestSettings,
  loadTestStepRequest
};
