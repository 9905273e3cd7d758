import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget
} from "./chunk-DTACJ5RE.js";
import {
  rolloutMarkdown
} from "./chunk-I7FG3PSB.js";
import {
  ModelServer
} from "./chunk-2RV6W22Z.js";
import {
  registrySource
} from "./chunk-JZ26DGLW.js";
import {
  adminCall,
  pacedLoad,
  readReplayFile,
  replayBodies,
  requestJson
} from "./chunk-N7M6AQVJ.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  DEFAULT_CANARY_STEPS
} from "./chunk-SC6HFBH3.js";
import {
  checkSteps
} from "./chunk-IAVON22G.js";
import {
  durationMs
} from "./chunk-OX2YEAMM.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/deploy.ts
import { randomBytes } from "node:crypto";
import { join as join2 } from "node:path";

// src/deploy/divergence.ts
function jensenShannonDistance(p, q, base = 2) {
  if (p.length !== q.length) throw new Error("jensenShannonDistance: vectors differ in length");
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  if (sp <= 0 || sq <= 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log(a / m);
    if (b > 0) js += b * Math.log(b / m);
  }
  js /= 2;
  return Math.sqrt(Math.max(0, js) / Math.log(base));
}
function sharedHistograms(a, b, kind, bins = 10) {
  if (kind === "class") {
    const classes = [.../* @__PURE__ */ new Set([...a, ...b])].sort((x, y) => x - y);
    const index = new Map(classes.map((c, i) => [c, i]));
    const p2 = new Array(classes.length).fill(0);
    const q2 = new Array(classes.length).fill(0);
    for (const v of a) p2[index.get(v)] += 1;
    for (const v of b) q2[index.get(v)] += 1;
    return { p: p2, q: q2 };
  }
  let lo = 0;
  let hi = 1;
  if (kind === "value") {
    lo = Infinity;
    hi = -Infinity;
    for (const v of [a, b]) {
      for (const x of v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
  }
  const p = new Array(bins).fill(0);
  const q = new Array(bins).fill(0);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const bin = (x) => Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / width)));
  for (const x of a) p[bin(x)] += 1;
  for (const x of b) q[bin(x)] += 1;
  return { p, q };
}
function scoreDivergence(canary, stable, kind) {
  const { p, q } = sharedHistograms(canary, stable, kind);
  return jensenShannonDistance(p, q, 2);
}

// src/deploy/analysis.ts
var DEFAULT_THRESHOLDS = {
  maxErrorRate: 0.01,
  maxP99Ratio: 1.5,
  p99SlackMs: 5,
  maxDivergence: 0.1,
  minRequests: 100
};
function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function analyse(window, thresholds, baseline) {
  const canary = window.canary;
  if (!canary) throw new Error("analyse: the window has no canary");
  const t = thresholds;
  const metrics = [];
  const min = t.minRequests;
  const stable = window.stable.requests >= min || !baseline ? window.stable : baseline;
  const reference = baseline && baseline.latencyMs.length >= Math.min(min, 20) ? baseline : stable;
  const answered = canary.requests + canary.shadow.requests;
  const errors = canary.errors + canary.shadow.errors;
  metrics.push({
    name: "requests",
    status: canary.requests >= min ? "pass" : "inconclusive",
    value: canary.requests,
    condition: `≥ ${min}`,
    detail: `${canary.requests} canary requests (${canary.shadow.requests} more in shadow)`
  });
  const errorRate = answered > 0 ? errors / answered : null;
  const certainFailure = errors > t.maxErrorRate * Math.max(min, answered);
  metrics.push({
    name: "error_rate",
    status: errorRate !== null && errorRate > t.maxErrorRate && (answered >= min || certainFailure) ? "fail" : answered >= min ? "pass" : "inconclusive",
    value: errorRate,
    condition: `≤ ${t.maxErrorRate}`,
    detail: `${errors} errors in ${answered} requests`
  });
  const canaryP99 = quantile(canary.latencyMs, 0.99);
  const stableP99 = quantile(reference.latencyMs, 0.99);
  const limit = stableP99 === null ? null : Math.max(t.maxP99Ratio * stableP99, stableP99 + t.p99SlackMs);
  const latencyStatus = canaryP99 === null || limit === null || canary.latencyMs.length < min || reference.latencyMs.length < Math.min(min, 20) ? "inconclusive" : canaryP99 > limit ? "fail" : "pass";
  metrics.push({
    name: "p99_latency",
    status: latencyStatus,
    value: canaryP99,
    condition: stableP99 === null ? "no stable latency to compare with" : `≤ max(${t.maxP99Ratio} × ${ms(stableP99)}, ${ms(stableP99)} + ${t.p99SlackMs} ms) = ${ms(limit)}`,
    detail: `canary p99 ${canaryP99 === null ? "n/a" : ms(canaryP99)} vs stable p99 ${stableP99 === null ? "n/a" : ms(stableP99)}${reference === baseline ? " (stable before the rollout)" : ""}`
  });
  let divergence = null;
  let divergenceDetail;
  let enough;
  const paired = canary.pairs.length > 0 && (canary.pairs.length >= min || canary.requests >= min && canary.pairs.length >= 0.9 * canary.requests);
  if (paired) {
    divergence = scoreDivergence(
      canary.pairs.map((p) => p[0]),
      canary.pairs.map((p) => p[1]),
      canary.scoreKind
    );
    enough = true;
    divergenceDetail = `paired: both versions scored the same ${canary.pairs.length} requests`;
  } else {
    enough = canary.scores.length >= min && stable.scores.length >= min;
    if (canary.scores.length > 0 && stable.scores.length > 0) {
      divergence = scoreDivergence(canary.scores, stable.scores, canary.scoreKind);
    }
    divergenceDetail = `unpaired: ${canary.scores.length} canary vs ${stable.scores.length} stable predictions`;
  }
  metrics.push({
    name: "divergence",
    status: divergence === null || !enough ? "inconclusive" : divergence > t.maxDivergence ? "fail" : "pass",
    value: divergence,
    condition: `Jensen–Shannon distance ≤ ${t.maxDivergence}`,
    detail: divergenceDetail
  });
  const failed = metrics.filter((m) => m.status === "fail");
  const unsure = metrics.filter((m) => m.status === "inconclusive");
  const verdict = failed.length > 0 ? "fail" : unsure.length > 0 ? "inconclusive" : "pass";
  const describe = (m) => `${m.name} ${m.value === null ? "n/a" : round(m.value)} (${m.status === "inconclusive" ? m.detail : m.name === "divergence" ? `${m.condition}; ${m.detail}` : m.condition})`;
  return {
    verdict,
    metrics,
    reason: verdict === "fail" ? failed.map(describe).join("; ") : verdict === "inconclusive" ? `inconclusive: ${unsure.map(describe).join("; ")}` : "all metrics passed",
    canary: { version: canary.version, requests: canary.requests, errors: canary.errors, p99Ms: canaryP99 },
    stable: { version: stable.version, requests: stable.requests, errors: stable.errors, p99Ms: stableP99 }
  };
}
function ms(value) {
  return `${value.toFixed(2)} ms`;
}
function round(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

// src/deploy/rollout.ts
async function runRollout(target, options) {
  const steps = checkSteps(options.steps);
  const started = (/* @__PURE__ */ new Date()).toISOString();
  const sleep = options.sleep ?? ((ms2) => new Promise((resolve2) => setTimeout(resolve2, ms2)));
  const initial = await target.state();
  const resuming = options.resumeStep !== void 0;
  if (initial.stable.version === options.version) {
    throw new InputError(`v${options.version} is already the stable version on ${target.description}`);
  }
  if (resuming && initial.canary && initial.canary.version !== options.version) {
    throw new InputError(
      `cannot resume: ${target.description} has ${initial.canary ? `canary v${initial.canary.version}` : "no canary"}, not v${options.version}`
    );
  }
  const analyses = [];
  let failures = options.failures ?? 0;
  const finish2 = async (outcome, reason, pausedAt) => {
    await options.onEvent?.({ kind: "done", outcome, reason });
    return {
      version: options.version,
      stable: initial.stable.version,
      outcome,
      reason,
      steps,
      analyses,
      failures,
      pausedAt,
      started,
      finished: (/* @__PURE__ */ new Date()).toISOString()
    };
  };
  const observe = async () => {
    await target.resetStats();
    if (!options.traffic) {
      await sleep(options.intervalMs);
      return void 0;
    }
    const count = Math.max(1, Math.round(options.traffic.rate * options.intervalMs / 1e3));
    const summary = await pacedLoad({
      url: target.inferUrl,
      bodies: options.traffic.bodies,
      rate: options.traffic.rate,
      count,
      onResult: target.observe?.bind(target),
      // The server logs replayed rows apart, so monitoring production traffic does not see them.
      source: "replay"
    });
    return { sent: summary.sent, ok: summary.ok, failed: summary.failed };
  };
  await options.onEvent?.({ kind: "step", step: 0, weight: 0, of: steps.length });
  try {
    await target.setCanary(options.version, 0, options.shadow);
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    await target.rollback().catch(() => void 0);
    return finish2("rolled_back", `v${options.version} could not be loaded: ${error.message}`);
  }
  try {
    return await steer();
  } catch (error) {
    await target.rollback().catch(() => void 0);
    throw error;
  }
  async function steer() {
    await observe();
    const baseline = (await target.stats()).stable;
    for (let index = options.resumeStep ?? 0; index < steps.length; index++) {
      const weight = steps[index];
      await options.onEvent?.({ kind: "step", step: index + 1, weight, of: steps.length });
      await target.setCanary(options.version, weight, options.shadow);
      for (let attempt = 1; ; attempt++) {
        const replay = await observe();
        const window = await target.stats();
        const analysis = analyse(window, options.thresholds, baseline);
        const report = { step: index + 1, weight, attempt, analysis, replay };
        analyses.push(report);
        await options.onEvent?.({ kind: "analysis", report });
        if (analysis.verdict === "pass") break;
        if (analysis.verdict === "inconclusive") {
          return finish2("paused", `step ${index + 1} (${weight} %): ${analysis.reason}`, {
            step: index,
            weight
          });
        }
        failures += 1;
        if (failures > options.failureLimit) {
          await target.rollback();
          return finish2("rolled_back", `step ${index + 1} (${weight} %): ${analysis.reason}`);
        }
      }
    }
    await target.promote();
    return finish2("promoted", `all ${steps.length} steps passed (${steps.join(" → ")} %)`);
  }
}

// src/deploy/state.ts
import { readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
var STATE_FILE_NAME = "deploy-state.json";
function defaultStateFile(registry) {
  const dir = registry.dir;
  return typeof dir === "string" ? join(dirname(resolve(dir)), STATE_FILE_NAME) : resolve(".mlci", STATE_FILE_NAME);
}
async function writePauseState(path, state) {
  await writeJsonAtomic(path, state);
}
async function readPauseState(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text);
    if (typeof state.version !== "number" || typeof state.step !== "number")
      throw new Error("missing fields");
    return state;
  } catch (error) {
    throw new InputError(`${path}: not a deploy-canary state file (${error.message})`);
  }
}
async function clearPauseState(path) {
  await rm(path, { force: true });
}

// src/deploy/target.ts
function checkServerUrl(text, what) {
  let url;
  try {
    url = new URL(text);
  } catch {
    url = void 0;
  }
  if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(
      `${what}: "${text}" is not a URL such as http://127.0.0.1:8080 (a running mlci serve)`
    );
  }
  return text;
}
var ServerTarget = class {
  constructor(base, token, model) {
    this.base = base;
    this.token = token;
    this.model = model;
    if (!token)
      throw new InputError("the admin token is missing: pass --admin-token or set MLCI_ADMIN_TOKEN");
    checkServerUrl(base, "server");
    this.description = `mlci server ${base}`;
    this.inferUrl = new URL(`/v2/models/${encodeURIComponent(model)}/infer`, base).toString();
  }
  base;
  token;
  model;
  description;
  inferUrl;
  async state() {
    const state = await adminCall(this.base, this.token, "GET", "/admin/state");
    if (state.model !== this.model) {
      throw new InputError(`the server at ${this.base} serves model "${state.model}", not "${this.model}"`);
    }
    return state;
  }
  async setCanary(version, weight, shadow) {
    await adminCall(this.base, this.token, "POST", "/admin/canary", { version, weight, shadow });
  }
  async resetStats() {
    await adminCall(this.base, this.token, "POST", "/admin/stats/reset");
  }
  async stats() {
    return await adminCall(this.base, this.token, "GET", "/admin/stats");
  }
  async promote() {
    await adminCall(this.base, this.token, "POST", "/admin/promote");
  }
  async rollback() {
    await adminCall(this.base, this.token, "POST", "/admin/rollback");
  }
  async features() {
    const answer = await requestJson(
      "GET",
      new URL(`/v2/models/${encodeURIComponent(this.model)}`, this.base).toString()
    );
    const names = answer.body?.parameters?.feature_names;
    return Array.isArray(names) ? names : null;
  }
};

// src/stages/deploy.ts
function deploySettings(d = {}) {
  return {
    target: d.target ?? (d.server ? "server" : "local"),
    server: d.server,
    steps: d.steps,
    intervalMs: d.interval !== void 0 ? durationMs(d.interval, "deploy.interval") : void 0,
    failureLimit: d.failure_limit,
    thresholds: {
      maxErrorRate: d.analysis?.max_error_rate,
      maxP99Ratio: d.analysis?.max_p99_ratio,
      maxDivergence: d.analysis?.max_divergence,
      minRequests: d.analysis?.min_requests
    },
    replay: d.replay,
    rate: d.rate,
    kserve: d.kserve?.storage_uri ? { namespace: d.kserve.namespace, storageUri: d.kserve.storage_uri, runtime: d.kserve.runtime } : void 0
  };
}
async function deployCanary(options) {
  const alias = options.alias ?? PRODUCTION_ALIAS;
  const stateFile = options.stateFile ?? defaultStateFile(options.registry);
  checkTargetSettings(options);
  const record = await options.registry.resolve({ name: options.model, version: options.version });
  if (!record)
    throw new InputError(`model "${options.model}" has no version v${options.version} in the registry`);
  const stable = await options.registry.resolve({ name: options.model, alias });
  if (!options.resume && (!stable || stable.version === options.version)) {
    const reason = stable ? `v${options.version} is already ${alias}: nothing to roll out` : `first version: v${options.version} becomes ${alias} without a canary (there is no stable version to compare with)`;
    const report = immediateReport(options.version, stable?.version ?? 0, reason);
    options.progress?.info(reason);
    await options.recorder?.start(recorderStart(options, alias, stable ? "no change to" : "first version"));
    return finish(options, { alias, stateFile, steps: [], report, target: options.target, move: !stable });
  }
  if (options.target === "local" && !options.replay) {
    throw new InputError(
      "the local target has no production traffic to observe: pass --replay FILE (e.g. the test set)"
    );
  }
  const paused = options.resume ? await readPauseState(stateFile) : null;
  if (paused && (paused.model !== options.model || paused.version !== options.version)) {
    throw new InputError(
      `${stateFile} holds a paused rollout of ${paused.model}@v${paused.version}, not ${options.model}@v${options.version}`
    );
  }
  const steps = paused?.steps ?? options.steps ?? [...DEFAULT_CANARY_STEPS];
  let loadTest;
  if (options.loadTest && !options.resume) {
    const { loadTestBeforeTraffic, withLoadTest } = await import("./loadtest-BWYZ3YHZ.js");
    loadTest = await loadTestBeforeTraffic(options.loadTest, { ...options, alias });
    if (loadTest.exitCode !== 0) {
      const reason = `load test failed: ${loadTest.report.summary}`;
      const report = {
        ...immediateReport(options.version, stable.version, reason),
        outcome: "rolled_back"
      };
      await options.recorder?.start(recorderStart(options, alias, "load test of"));
      const done = await finish(options, {
        alias,
        stateFile,
        steps: [],
        report,
        target: "load test",
        move: false
      });
      return withLoadTest(done, loadTest);
    }
  }
  const { target, close } = options.makeTarget ? await options.makeTarget() : await openTarget(options, alias);
  try {
    const report = await rollOut(options, target, { steps, stateFile, paused, alias });
    const done = await finish(options, {
      alias,
      stateFile,
      steps,
      report,
      target: target.description,
      move: report.outcome === "promoted"
    });
    return (await import("./loadtest-BWYZ3YHZ.js")).withLoadTest(done, loadTest);
  } finally {
    await close();
  }
}
function checkTargetSettings(options) {
  if (options.target === "kserve" && !options.kserve?.storageUri)
    throw new InputError("target kserve needs --kserve-storage-uri (or deploy.kserve.storage_uri)");
  if (options.target === "server" && options.server !== void 0) checkServerUrl(options.server, "--server");
  if (options.steps) checkSteps(options.steps);
}
function immediateReport(version, stable, reason) {
  const now = (/* @__PURE__ */ new Date()).toISOString();
  return {
    version,
    stable,
    outcome: "promoted",
    reason,
    steps: [],
    analyses: [],
    failures: 0,
    started: now,
    finished: now
  };
}
function recorderStart(options, alias, what) {
  return {
    model: options.model,
    version: options.version,
    environment: alias,
    description: `${what} ${options.model}@v${options.version}`
  };
}
async function rollOut(options, target, run) {
  const { steps, stateFile, paused } = run;
  const rate = options.rate ?? 50;
  const bodies = options.replay ? replayBodies(await readReplayFile(options.replay, options.dropColumns ?? []), await target.features()) : void 0;
  let resumeStep;
  if (options.resume) {
    if (paused) resumeStep = paused.step;
    else {
      const state = await target.state();
      if (state.canary?.version !== options.version) {
        throw new InputError(
          `nothing to resume: no state file at ${stateFile} and v${options.version} is not the canary on ${target.description}`
        );
      }
      const index = steps.findIndex((s) => s >= state.canary.weight);
      resumeStep = index < 0 ? steps.length - 1 : index;
    }
  }
  await options.recorder?.start({
    ...recorderStart(options, run.alias, "canary"),
    description: `canary ${options.model}@v${options.version} on ${target.description}`
  });
  return runRollout(target, {
    version: options.version,
    steps,
    intervalMs: options.intervalMs ?? 6e4,
    failureLimit: options.failureLimit ?? 0,
    thresholds: { ...DEFAULT_THRESHOLDS, ...definedOnly(options.thresholds ?? {}) },
    shadow: options.shadow ?? true,
    traffic: bodies ? { bodies, rate } : void 0,
    resumeStep,
    failures: paused?.failures,
    onEvent: async (event) => {
      if (event.kind === "step" && event.step > 0) {
        options.progress?.info(
          `step ${event.step}/${event.of}: ${event.weight} % of traffic to v${options.version}`
        );
        await options.recorder?.update(
          "in_progress",
          `step ${event.step}/${event.of}: ${event.weight} % to v${options.version}`
        );
      } else if (event.kind === "analysis") {
        options.progress?.info(
          `  analysis: ${event.report.analysis.verdict} (${event.report.analysis.reason})`
        );
      }
    }
  });
}
async function finish(options, run) {
  const { alias, stateFile, report } = run;
  const files = [];
  let moved = null;
  if (run.move) {
    moved = await options.registry.promote(
      options.model,
      options.version,
      alias,
      options.by ?? "mlci deploy-canary",
      report.reason
    );
  }
  if (report.outcome === "paused") {
    await writePauseState(stateFile, {
      model: options.model,
      version: options.version,
      target: run.target,
      step: report.pausedAt.step,
      weight: report.pausedAt.weight,
      steps: run.steps,
      failures: report.failures,
      reason: report.reason,
      paused: report.finished
    });
    files.push(stateFile);
  } else if (run.steps.length > 0) await clearPauseState(stateFile);
  const state = report.outcome === "promoted" ? "success" : report.outcome === "rolled_back" ? "failure" : "queued";
  await options.recorder?.update(
    state,
    truncate(`${report.outcome.replace("_", " ")}: ${report.reason}`, 140)
  );
  const result = {
    model: options.model,
    target: run.target,
    report,
    alias: moved,
    files
  };
  if (options.out) {
    const aliasLine = moved ? `Alias \`${alias}\` moved from ${moved.from === null ? "nothing" : `v${moved.from}`} to v${moved.to}.` : `Alias \`${alias}\` left where it was.`;
    await writeJsonAtomic(join2(options.out, "deployment.json"), { ...result, files: void 0 });
    await writeFileAtomic(
      join2(options.out, "deployment.md"),
      rolloutMarkdown(options.model, report, run.target, aliasLine)
    );
    files.push(join2(options.out, "deployment.json"), join2(options.out, "deployment.md"));
  }
  return result;
}
async function openTarget(options, alias) {
  if (options.target === "server") {
    if (!options.server) throw new InputError("target server needs --server URL (a running `mlci serve`)");
    const token2 = options.adminToken ?? process.env.MLCI_ADMIN_TOKEN ?? "";
    return { target: new ServerTarget(options.server, token2, options.model), close: async () => void 0 };
  }
  if (options.target === "kserve") {
    if (!options.kserve)
      throw new InputError("target kserve needs the kserve settings (namespace, storage URI)");
    const stable2 = await options.registry.resolve({ name: options.model, alias });
    if (!stable2) throw new InputError(`model "${options.model}" has no "${alias}" version to keep as stable`);
    return {
      target: new KServeTarget(options.model, stable2.version, options.kserve),
      close: async () => void 0
    };
  }
  const stable = await options.registry.resolve({ name: options.model, alias });
  if (!stable) {
    throw new InputError(
      `model "${options.model}" has no "${alias}" version to compare with; promote a first version with mlci registry promote`
    );
  }
  const token = randomBytes(16).toString("hex");
  const server = await ModelServer.start({
    model: { name: options.model, version: stable.version },
    source: registrySource(options.registry),
    port: 0,
    adminToken: token,
    processMetrics: false
  });
  return { target: new ServerTarget(server.url, token, options.model), close: () => server.close() };
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export {
  defaultStateFile,
  checkServerUrl,
  deploySettings,
  deployCanary
};
