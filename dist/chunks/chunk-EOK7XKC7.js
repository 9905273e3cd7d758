import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  definedOnly
} from "./chunk-IFKVXW54.js";
import {
  kserveRuntimeCheck,
  requireOnnxRuntime
} from "./chunk-O4ZO3HQR.js";
import {
  KServeTarget,
  rolloutManifests
} from "./chunk-MOGPTYAV.js";
import {
  rolloutMarkdown
} from "./chunk-ID7SMOMK.js";
import {
  ModelServer
} from "./chunk-5CQEG7ME.js";
import {
  registrySource
} from "./chunk-JZ26DGLW.js";
import {
  adminCall,
  pacedLoad,
  readReplayFile,
  replayBodies,
  requestJson
} from "./chunk-TJ7LOYJS.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  ksTest,
  lgamma,
  ndtr,
  walkSamples
} from "./chunk-LIOCLVGO.js";
import {
  DEFAULT_CANARY_ANALYSIS,
  DEFAULT_CANARY_STEPS,
  DEFAULT_FAILURE_LIMIT
} from "./chunk-6UZB7YRZ.js";
import {
  checkSteps
} from "./chunk-USV7Y6Q5.js";
import {
  durationMs
} from "./chunk-5FF76VVQ.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  InputError,
  describeError
} from "./chunk-HRKM2MUG.js";

// src/stages/deploy.ts
import { randomBytes } from "node:crypto";
import { join as join2 } from "node:path";

// src/deploy/stats.ts
function mannWhitneyGreater(x, y) {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  const pooled = new Float64Array(n1 + n2);
  for (let i = 0; i < n1; i++) pooled[i] = x[i];
  for (let j = 0; j < n2; j++) pooled[n1 + j] = y[j];
  const order = Array.from(pooled.keys()).sort((a, b) => pooled[a] - pooled[b]);
  const n = n1 + n2;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && pooled[order[end]] === pooled[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (order[k] < n1) rankSumX += rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  const u = rankSumX - n1 * (n1 + 1) / 2;
  const s = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (u - n1 * n2 / 2 - 0.5) / s;
  const pValue = s > 0 ? ndtr(-z) : 1;
  return { statistic: u, pValue };
}
function fisherGreater(events1, others1, events2, others2) {
  const n1 = events1 + others1;
  const total = n1 + events2 + others2;
  const events = events1 + events2;
  const logChoose = (n, k) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
  const denominator = logChoose(total, n1);
  let pValue = 0;
  for (let k = events1; k <= Math.min(n1, events); k++) {
    pValue += Math.exp(logChoose(events, k) + logChoose(total - events, n1 - k) - denominator);
  }
  const odds = events1 * others2 / (others1 * events2);
  return { statistic: Number.isNaN(odds) ? NaN : odds, pValue: Math.min(1, pValue) };
}
function tTestGreater(values, mean0) {
  const n = values.length;
  if (n < 2) return { statistic: NaN, pValue: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (sd === 0) return { statistic: mean > mean0 ? Infinity : -Infinity, pValue: mean > mean0 ? 0 : 1 };
  const t = (mean - mean0) / (sd / Math.sqrt(n));
  return { statistic: t, pValue: studentSf(t, n - 1) };
}
function binomialGreater(k, n, p0) {
  const pValue = k <= 0 ? 1 : k > n ? 0 : incompleteBeta(k, n - k + 1, p0);
  return { statistic: n > 0 ? k / n : NaN, pValue };
}
function studentSf(t, df) {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t > 0 ? tail : 1 - tail;
}
function incompleteBeta(a, b, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x > (a + 1) / (a + b + 2)) return 1 - front * betaFraction(b, a, 1 - x) / b;
  return front * betaFraction(a, b, x) / a;
}
function betaFraction(a, b, x) {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1e4; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}
function median(values) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// src/deploy/divergence.ts
function pairedDivergence(pairs, kind, limit) {
  if (kind === "class") {
    const changed = pairs.filter(([c, s]) => c !== s).length;
    return {
      ...binomialGreater(changed, pairs.length, limit),
      effect: pairs.length > 0 ? changed / pairs.length : NaN,
      effectName: "share of requests whose class changed",
      testName: "exact binomial test"
    };
  }
  const scale = kind === "value" ? standardDeviation(pairs.map((p2) => p2[1])) : 1;
  const changes = pairs.map(([c, s]) => Math.abs(c - s) / (scale > 0 ? scale : 1));
  const mean = changes.reduce((a, b) => a + b, 0) / Math.max(1, changes.length);
  return {
    ...tTestGreater(changes, limit),
    effect: changes.length > 0 ? mean : NaN,
    effectName: kind === "value" ? "mean |change| in standard deviations of stable" : "mean |change of p(positive)|",
    testName: "one-sided t-test"
  };
}
function unpairedDivergence(canary, stable) {
  const walk = walkSamples(canary, stable);
  const ks = ksTest(walk.maxS, walk.minS, canary.length, stable.length);
  return {
    statistic: ks.statistic,
    pValue: ks.p_value,
    effect: ks.statistic,
    effectName: "Kolmogorov–Smirnov distance",
    testName: "two-sample Kolmogorov–Smirnov test"
  };
}
function standardDeviation(values) {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

// src/deploy/analysis.ts
var DEFAULT_THRESHOLDS = { ...DEFAULT_CANARY_ANALYSIS };
function inconclusive(name, condition, detail) {
  return { name, status: "inconclusive", value: null, condition, detail, test: null };
}
function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function analyse(window, thresholds, baseline, latency = {}) {
  const canary = window.canary;
  if (!canary) throw new Error("analyse: the window has no canary");
  const t = thresholds;
  const enough = (w, min) => w.requests >= min;
  const stable = enough(window.stable, t.minRequests) || !baseline ? window.stable : baseline;
  const concurrent = window.stable.latencyMs.length >= t.minLatencySamples;
  const medians = [median(window.stable.latencyMs), baseline ? median(baseline.latencyMs) : NaN];
  const before = baseline && baseline.latencyMs.length >= t.minLatencySamples ? medians[1] : NaN;
  const stableMedian = before < medians[0] || Number.isNaN(medians[0]) ? before : medians[0];
  const metrics = [
    errorMetric(canary, stable, t),
    concurrent ? latencyMetric(canary, window.stable, stableMedian, t, stableMedian === before) : latency.againstBaseline && baseline && !Number.isNaN(before) ? latencyMetric(canary, baseline, before, t, true) : unjudgedLatency(canary, window.stable, t, latency.judgedEarlier ?? false),
    divergenceMetric(canary, stable, t)
  ];
  const failed = metrics.filter((m) => m.status === "fail");
  const unsure = metrics.filter((m) => m.status === "inconclusive");
  const verdict = failed.length > 0 ? "fail" : unsure.length > 0 ? "inconclusive" : "pass";
  return {
    verdict,
    metrics,
    reason: verdict === "fail" ? failed.map((m) => m.detail).join("; ") : verdict === "inconclusive" ? `inconclusive: ${unsure.map((m) => m.detail).join("; ")}` : "all metrics passed",
    canary: {
      version: canary.version,
      requests: canary.requests,
      errors: canary.errors,
      p99Ms: quantile(canary.latencyMs, 0.99)
    },
    stable: {
      version: stable.version,
      requests: stable.requests,
      errors: stable.errors,
      p99Ms: quantile(concurrent || !baseline ? window.stable.latencyMs : baseline.latencyMs, 0.99)
    }
  };
}
function errorMetric(canary, stable, t) {
  const n = canary.requests;
  const m = stable.requests + stable.shadow.requests;
  const errors = canary.errors;
  const stableErrors = stable.errors + stable.shadow.errors;
  const condition = `≤ ${pct(t.maxErrorRate)} above stable`;
  const sizes = `${errors} errors in ${n} canary requests vs ${stableErrors} in ${m} stable`;
  if (n === 0 || m === 0) {
    const missing = n === 0 ? `${t.minRequests} canary requests needed` : "no stable requests to compare with";
    return inconclusive("error_rate", condition, `error_rate: ${sizes}, ${missing}`);
  }
  const excess = errors / n - stableErrors / m;
  const fisher = fisherGreater(errors, n - errors, stableErrors, m - stableErrors);
  const significant = fisher.pValue < t.alpha;
  const failed = significant && excess > t.maxErrorRate;
  const status = failed ? "fail" : n >= t.minRequests ? "pass" : "inconclusive";
  const verdict = failed ? `canary errs more often (p ${p(fisher.pValue)} < ${t.alpha}) and ${pct(excess)} more than stable > ${pct(t.maxErrorRate)} allowed` : status === "pass" ? significant ? `more errors (p ${p(fisher.pValue)}) but only ${pct(excess)} above stable, within ${pct(t.maxErrorRate)}` : `no significant excess (p ${p(fisher.pValue)} ≥ ${t.alpha})` : `${n} of the ${t.minRequests} canary requests needed`;
  return {
    name: "error_rate",
    status,
    value: excess,
    condition,
    detail: `error_rate: Fisher's exact test, ${sizes}: ${verdict}`,
    test: {
      name: "Fisher's exact test",
      n: [n, m],
      statistic: fisher.statistic,
      pValue: fisher.pValue,
      alpha: t.alpha
    }
  };
}
function latencyMetric(canary, reference, stableMedian, t, medianBefore) {
  const n = canary.latencyMs.length;
  const m = reference.latencyMs.length;
  const sizes = `${n} canary vs ${m} stable latencies`;
  if (n < t.minLatencySamples || m < t.minLatencySamples) {
    return inconclusive(
      "p99_latency",
      `${t.minLatencySamples} latencies each side`,
      `p99_latency: ${sizes}, ${t.minLatencySamples} needed each side`
    );
  }
  const limit = Math.max(t.maxP99Ratio * stableMedian, stableMedian + t.p99SlackMs);
  const canaryMedian = median(canary.latencyMs);
  const mw = mannWhitneyGreater(canary.latencyMs, reference.latencyMs);
  const significant = mw.pValue < t.alpha;
  const failed = significant && canaryMedian > limit;
  const base = `${ms(stableMedian)}${medianBefore ? " (stable before the rollout)" : ""}`;
  const condition = `median ≤ max(${t.maxP99Ratio} × ${base}, ${ms(stableMedian)} + ${t.p99SlackMs} ms) = ${ms(limit)}`;
  const test = significant ? `canary slower (U ${mw.statistic}, p ${p(mw.pValue)} < ${t.alpha})` : `not significantly slower (U ${mw.statistic}, p ${p(mw.pValue)} ≥ ${t.alpha})`;
  return {
    name: "p99_latency",
    status: failed ? "fail" : "pass",
    value: canaryMedian,
    condition,
    detail: `p99_latency: Mann–Whitney U, ${sizes}: ${test}, canary median ${ms(canaryMedian)} ${canaryMedian > limit ? ">" : "≤"} ${condition.slice("median ≤ ".length)}; p99 ${ms(quantile(canary.latencyMs, 0.99))} vs ${ms(quantile(reference.latencyMs, 0.99))}`,
    test: {
      name: "Mann–Whitney U test",
      n: [n, m],
      statistic: mw.statistic,
      pValue: mw.pValue,
      alpha: t.alpha
    }
  };
}
function unjudgedLatency(canary, stable, t, judgedEarlier) {
  const m = stable.latencyMs.length;
  const few = m === 0 ? "no stable requests in this window" : `only ${m} stable latenc${m === 1 ? "y" : "ies"} in this window (${t.minLatencySamples} needed)`;
  const sizes = `${few} to compare ${canary.latencyMs.length} canary latencies with under the same load`;
  if (judgedEarlier) {
    return {
      name: "p99_latency",
      status: "pass",
      value: null,
      condition: "passed at an earlier step that left stable enough traffic",
      detail: `p99_latency: ${sizes}; passed at an earlier step`,
      test: null
    };
  }
  return inconclusive(
    "p99_latency",
    `${t.minLatencySamples} latencies each side`,
    `p99_latency: ${sizes}, and no earlier step judged it: give the first step a share that leaves stable traffic (e.g. --steps 10,50,100) or a longer interval`
  );
}
function divergenceMetric(canary, stable, t) {
  const paired = canary.pairs.length > 0 && canary.pairs.length >= 0.9 * Math.min(canary.requests, 5e3);
  const [n, m] = paired ? [canary.pairs.length, canary.pairs.length] : [canary.scores.length, stable.scores.length];
  const sizes = paired ? `paired on ${n} requests both versions scored` : `${n} canary vs ${m} stable predictions`;
  const condition = `≤ ${t.maxDivergence}`;
  if (n < 2 || m < 2) return inconclusive("divergence", condition, `divergence: ${sizes}`);
  const d = paired ? pairedDivergence(canary.pairs, canary.scoreKind, t.maxDivergence) : unpairedDivergence(canary.scores, stable.scores);
  const significant = d.pValue < t.alpha;
  const failed = significant && d.effect > t.maxDivergence;
  const status = failed ? "fail" : n >= t.minRequests ? "pass" : "inconclusive";
  const verdict = status === "inconclusive" ? `${n} of the ${t.minRequests} needed` : `${d.effectName} ${round(d.effect)} ${d.effect > t.maxDivergence ? ">" : "≤"} ${t.maxDivergence}, ${d.testName.includes("t-test") ? `t ${round(d.statistic)}, ` : ""}p ${p(d.pValue)} ${significant ? "<" : "≥"} ${t.alpha}`;
  return {
    name: "divergence",
    status,
    value: d.effect,
    condition,
    detail: `divergence: ${d.testName}, ${sizes}: ${verdict}`,
    test: { name: d.testName, n: [n, m], statistic: d.statistic, pValue: d.pValue, alpha: t.alpha }
  };
}
function ms(value) {
  return `${value.toFixed(2)} ms`;
}
function pct(share) {
  return `${(share * 100).toFixed(share !== 0 && Math.abs(share) < 0.01 ? 2 : 1)} %`;
}
function p(value) {
  return value < 1e-4 ? value.toExponential(1) : value.toPrecision(2);
}
function round(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

// src/deploy/rollout.ts
import { performance } from "node:perf_hooks";
async function runRollout(target, options) {
  const steps = checkSteps(options.steps);
  if (options.intervalMs !== void 0) checkInterval(options.intervalMs, "interval");
  const started = (/* @__PURE__ */ new Date()).toISOString();
  const sleep = options.sleep ?? ((ms2) => new Promise((resolve2) => setTimeout(resolve2, ms2)));
  const firstStep = options.resumeStep ?? 0;
  const mixed = target.latencyAgainstBaseline ?? false;
  let shortfall = options.traffic ? sampleShortfall(steps, firstStep, options.traffic.rate, options, mixed) : null;
  const initial = await target.state();
  const promotedBefore = checkStart(target, options, initial);
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
  if (promotedBefore) return finish2("promoted", promotedBefore);
  const observe = (intervalMs, step) => observeInterval(target, options, sleep, intervalMs, step);
  await announce(shortfall, options);
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
    const replayRate = options.traffic?.rate ?? null;
    const baselineMs = options.intervalMs ?? (replayRate ? derivedIntervalMs(replayRate, 100, options.thresholds) : PROBE_MS);
    const started2 = performance.now();
    await observe(baselineMs, 0);
    const baseline = (await target.stats()).stable;
    const rate = replayRate ?? (baseline.requests > 0 ? baseline.requests / ((performance.now() - started2) / 1e3) : null);
    if (!options.traffic && rate !== null) {
      shortfall = sampleShortfall(steps, firstStep, rate, options, mixed);
      await announce(shortfall, options);
    }
    for (let index = options.resumeStep ?? 0; index < steps.length; index++) {
      const weight = steps[index];
      await options.onEvent?.({ kind: "step", step: index + 1, weight, of: steps.length });
      await target.setCanary(options.version, weight, options.shadow);
      const intervalMs = options.intervalMs ?? (rate ? derivedIntervalMs(rate, weight, options.thresholds) : FALLBACK_INTERVAL_MS);
      await options.onEvent?.({ kind: "interval", step: index + 1, weight, intervalMs, rate });
      for (let attempt = 1; ; attempt++) {
        const replay = await observe(intervalMs, index + 1);
        const window = await target.stats();
        const analysis = analyse(window, options.thresholds, baseline, {
          judgedEarlier: index > 0,
          againstBaseline: target.latencyAgainstBaseline
        });
        const report = { step: index + 1, weight, attempt, analysis, replay };
        analyses.push(report);
        await options.onEvent?.({ kind: "analysis", report });
        if (analysis.verdict === "pass") {
          failures = 0;
          break;
        }
        if (analysis.verdict === "inconclusive") {
          const why = shortfall?.warn?.step === index ? `; ${shortfall.warn.message}` : "";
          return finish2("paused", `step ${index + 1} (${weight} %): ${analysis.reason}${why}`, {
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
function checkStart(target, options, initial) {
  if (initial.stable.version === options.version) {
    if (!initial.canary)
      return `v${options.version} is already the stable version on ${target.description}: an earlier rollout promoted it there and stopped before the alias moved`;
    throw new InputError(
      `v${options.version} is already the stable version on ${target.description}, and v${initial.canary.version} is its canary: another rollout is under way`
    );
  }
  if (options.resumeStep !== void 0 && initial.canary && initial.canary.version !== options.version) {
    throw new InputError(
      `cannot resume: ${target.description} has canary v${initial.canary.version}, not v${options.version}`
    );
  }
  return null;
}
async function announce(shortfall, options) {
  if (shortfall?.refuse) throw new InputError(shortfall.refuse);
  if (shortfall?.warn) await options.onEvent?.({ kind: "warning", message: shortfall.warn.message });
}
var MIN_INTERVAL_MS = 100;
function checkInterval(ms2, where) {
  if (!(ms2 >= MIN_INTERVAL_MS)) {
    throw new InputError(
      `${where}: ${ms2} ms is too short for an analysis to see any traffic (at least ${MIN_INTERVAL_MS} ms; without it the interval follows the traffic rate)`
    );
  }
  return ms2;
}
function sampleShortfall(steps, from, rate, options, mixed) {
  const t = options.thresholds;
  const sample = (index) => {
    const intervalMs = options.intervalMs ?? derivedIntervalMs(rate, steps[index], t);
    const total = rate * intervalMs / 1e3;
    const share = mixed ? 100 : steps[index];
    return { intervalMs, canary: total * share / 100, stable: total * (100 - share) / 100 };
  };
  const shortfall = {};
  const first = sample(from);
  if (!mixed && from === 0 && first.stable < t.minLatencySamples && first.canary >= t.minRequests) {
    shortfall.refuse = `step 1 (${steps[0]} %) leaves stable about ${Math.floor(first.stable)} requests in its ${seconds(first.intervalMs)} interval, fewer than the ${t.minLatencySamples} latencies needed to judge the canary's latency against stable under the same load (no earlier step can judge it): start with a step that leaves stable more traffic, e.g. 10,50,100`;
  }
  for (let index = from; index < steps.length; index++) {
    const { intervalMs, canary } = sample(index);
    if (canary >= t.minRequests) continue;
    shortfall.warn = {
      step: index,
      message: `at ${rate.toPrecision(3)} requests/s, step ${index + 1} (${steps[index]} %) gives the canary about ${Math.floor(canary)} requests in its ${seconds(intervalMs)} interval, fewer than the ${t.minRequests} an analysis needs (min_requests): it will pause as inconclusive; raise the rate or the interval`
    };
    break;
  }
  return shortfall.refuse || shortfall.warn ? shortfall : null;
}
function seconds(ms2) {
  return `${Number((ms2 / 1e3).toPrecision(3))} s`;
}
var PROBE_MS = 1e4;
var FALLBACK_INTERVAL_MS = 6e4;
var MARGIN = 1.25;
function derivedIntervalMs(rate, weight, thresholds) {
  const need = Math.max(thresholds.minRequests, thresholds.minLatencySamples);
  const perSecond = rate * weight / 100;
  return Math.round(Math.min(6e5, Math.max(1e3, 1e3 * need * MARGIN / perSecond)));
}
function watchInterval(target, options, step, intervalMs) {
  const every = options.progressEveryMs ?? 5e3;
  if (!options.onEvent || intervalMs <= every) return { stop: () => void 0 };
  const end = performance.now() + intervalMs;
  const timer = setInterval(() => {
    void target.stats().then(
      (w) => options.onEvent?.({
        kind: "progress",
        step,
        canaryRequests: w.canary?.requests ?? 0,
        stableRequests: w.stable.requests,
        leftMs: Math.max(0, end - performance.now())
      })
    ).catch(() => void 0);
  }, every);
  return { stop: () => clearInterval(timer) };
}
async function observeInterval(target, options, sleep, intervalMs, step) {
  await target.resetStats();
  const watch = watchInterval(target, options, step, intervalMs);
  try {
    if (!options.traffic) {
      await sleep(intervalMs);
      return void 0;
    }
    const count = Math.max(1, Math.round(options.traffic.rate * intervalMs / 1e3));
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
  } finally {
    watch.stop();
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
      p99SlackMs: d.analysis?.p99_slack_ms,
      maxDivergence: d.analysis?.max_divergence,
      minRequests: d.analysis?.min_requests,
      alpha: d.analysis?.alpha
    },
    replay: d.replay,
    rate: d.rate,
    kserve: d.kserve?.storage_uri ? {
      namespace: d.kserve.namespace,
      storageUri: d.kserve.storage_uri,
      runtime: d.kserve.runtime,
      onnxruntime: d.kserve.onnxruntime
    } : void 0
  };
}
async function deployCanary(input) {
  const options = { ...input, recorder: bestEffort(input.recorder, input.progress) };
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
    const { loadTestBeforeTraffic, withLoadTest } = await import("./loadtest-R7GVP5ZD.js");
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
    return (await import("./loadtest-R7GVP5ZD.js")).withLoadTest(done, loadTest);
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
      const promotedThere = state.stable.version === options.version && !state.canary;
      if (!promotedThere && state.canary?.version !== options.version) {
        throw new InputError(
          `nothing to resume: no state file at ${stateFile} and v${options.version} is not the canary on ${target.description}`
        );
      }
      if (!promotedThere) {
        const index = steps.findIndex((s) => s >= state.canary.weight);
        resumeStep = index < 0 ? steps.length - 1 : index;
      }
    }
  }
  await options.recorder?.start({
    ...recorderStart(options, run.alias, "canary"),
    description: `canary ${options.model}@v${options.version} on ${target.description}`
  });
  return runRollout(target, {
    version: options.version,
    steps,
    intervalMs: options.intervalMs,
    failureLimit: options.failureLimit ?? DEFAULT_FAILURE_LIMIT,
    thresholds: { ...DEFAULT_THRESHOLDS, ...definedOnly(options.thresholds) },
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
      } else if (event.kind === "interval") {
        const rate2 = event.rate === null ? "no traffic measured" : `${event.rate.toFixed(1)} requests/s`;
        options.progress?.info(`  observing for ${seconds2(event.intervalMs)} (${rate2})`);
      } else if (event.kind === "progress") {
        options.progress?.info(
          `  … ${event.canaryRequests} canary and ${event.stableRequests} stable requests so far, ${seconds2(event.leftMs)} left`
        );
      } else if (event.kind === "warning") {
        options.progress?.info(`warning: ${event.message}`);
      } else if (event.kind === "analysis") {
        const attempt = event.report.attempt > 1 ? ` (try ${event.report.attempt})` : "";
        options.progress?.info(
          `  analysis${attempt}: ${event.report.analysis.verdict} (${event.report.analysis.reason})`
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
  const state = report.outcome === "promoted" ? "success" : report.outcome === "rolled_back" ? "failure" : "queued";
  await options.recorder?.update(
    state,
    truncate(`${report.outcome.replace("_", " ")}: ${report.reason}`, 140)
  );
  return result;
}
function bestEffort(recorder, progress) {
  if (!recorder) return void 0;
  const guard = (what) => async (work) => {
    try {
      await work();
    } catch (error) {
      progress?.info(
        `warning: the deployment record was not ${what}: ${describeError(error).split("\n")[0]}`
      );
    }
  };
  return {
    start: (info) => guard("started")(() => recorder.start(info)),
    update: (state, description) => guard(`updated to ${state}`)(() => recorder.update(state, description))
  };
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
    rolloutManifests(
      options.model,
      options.version,
      options.kserve,
      options.steps ?? [...DEFAULT_CANARY_STEPS],
      stable2.version
    );
    const runtime = await kserveRuntimeCheck(
      options.registry,
      options.model,
      options.version,
      options.kserve
    );
    if (runtime) requireOnnxRuntime(runtime);
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
    processMetrics: false,
    ...options.serve
  });
  return { target: new ServerTarget(server.url, token, options.model), close: () => server.close() };
}
function seconds2(ms2) {
  return `${(ms2 / 1e3).toFixed(ms2 < 1e4 ? 1 : 0)} s`;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export {
  checkInterval,
  defaultStateFile,
  checkServerUrl,
  deploySettings,
  deployCanary
};
