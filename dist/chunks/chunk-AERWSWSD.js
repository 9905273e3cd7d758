import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/config/load-test-defaults.js
var DEFAULT_LOAD_TEST_HEADROOM = 2;
var DEFAULT_LOAD_TEST_DURATION_S = 10;
var DEFAULT_LOAD_TEST_RAMP = Object.freeze([0.25, 0.5]);
var DEFAULT_LOAD_TEST_MAX_ERROR_RATE = 0.01;
var DEFAULT_LOAD_TEST_MAX_P99_RATIO = 1.5;
var DEFAULT_LOAD_TEST_P99_SLACK_MS = 2;

// src/loadtest/slice-ratio.ts
var Z_95 = 1.6448536269514722;
function sliceRatio(candidate, stable) {
  const ratios = [];
  for (const c of candidate) for (const s of stable) ratios.push(c / Math.max(s, 1e-3));
  ratios.sort((a, b) => a - b);
  const n = candidate.length;
  const m = stable.length;
  const k = Math.floor(n * m / 2 - Z_95 * Math.sqrt(n * m * (n + m + 1) / 12));
  return { estimate: median(ratios), lowerBound: k >= 1 ? ratios[k - 1] : null };
}
function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// src/loadtest/objectives.ts
function withDefaults(given = {}) {
  return {
    maxP99Ms: given.maxP99Ms,
    minRps: given.minRps,
    maxErrorRate: given.maxErrorRate ?? DEFAULT_LOAD_TEST_MAX_ERROR_RATE,
    maxP99RatioVsStable: given.maxP99RatioVsStable ?? DEFAULT_LOAD_TEST_MAX_P99_RATIO,
    p99SlackMs: given.p99SlackMs ?? DEFAULT_LOAD_TEST_P99_SLACK_MS
  };
}
var ms = (x) => `${x.toFixed(2)} ms`;
function checkObjectives(point, objectives) {
  const c = point.candidate;
  const checks = [];
  if (objectives.maxP99Ms !== void 0) {
    const limit = objectives.maxP99Ms;
    checks.push({
      objective: "max_p99_ms",
      limit,
      value: c.latency_ms.p99,
      passed: c.latency_ms.p99 <= limit,
      detail: `candidate p99 ${ms(c.latency_ms.p99)} at ${point.rate} req/s (limit ${ms(limit)})`
    });
  }
  if (objectives.minRps !== void 0) {
    const limit = objectives.minRps;
    checks.push({
      objective: "min_rps",
      limit,
      value: c.achieved_rps,
      passed: c.achieved_rps >= limit,
      detail: `candidate answered ${c.achieved_rps.toFixed(1)} req/s of ${point.rate} asked (at least ${limit})`
    });
  }
  checks.push({
    objective: "max_error_rate",
    limit: objectives.maxErrorRate,
    value: c.error_rate,
    passed: c.error_rate <= objectives.maxErrorRate,
    detail: `${c.errors} of ${c.requests} candidate requests failed (${(100 * c.error_rate).toFixed(2)} %, limit ${(100 * objectives.maxErrorRate).toFixed(2)} %)`
  });
  if (point.stable) checks.push(ratioCheck(point, objectives));
  return checks;
}
function ratioCheck(point, objectives) {
  const candidate = point.candidate.latency_ms.p99;
  const stable = point.stable.latency_ms.p99;
  const limit = objectives.maxP99RatioVsStable;
  const slices = point.slice_p99_ms;
  const sliced = slices !== null && slices.candidate.length > 0 && slices.stable.length > 0;
  const c = sliced ? median(slices.candidate) : candidate;
  const s = sliced ? median(slices.stable) : stable;
  const ratio = sliced ? sliceRatio(slices.candidate, slices.stable) : { estimate: c / Math.max(s, 1e-3), lowerBound: null };
  const slower = ratio.lowerBound === null || ratio.lowerBound > 1;
  const over = sliced ? `median slice p99 ${ms(c)} vs ${ms(s)} over ${slices.candidate.length} and ${slices.stable.length} slices, median ratio of the ${slices.candidate.length * slices.stable.length} slice pairs` : "no slices, ratio";
  const bound = ratio.lowerBound === null ? "" : `, 95 % lower bound ${ratio.lowerBound.toFixed(2)}× (${slower ? "" : "not "}measurably slower than stable)`;
  return {
    objective: "max_p99_ratio_vs_stable",
    limit,
    value: ratio.estimate,
    passed: ratio.estimate <= limit || !slower || c - s <= objectives.p99SlackMs,
    detail: `candidate p99 ${ms(candidate)} vs stable ${ms(stable)}; ${over} ${ratio.estimate.toFixed(2)}×${bound} (fails above ${limit}× when measurably slower and not within ${objectives.p99SlackMs} ms of stable)`
  };
}

export {
  DEFAULT_LOAD_TEST_HEADROOM,
  DEFAULT_LOAD_TEST_DURATION_S,
  DEFAULT_LOAD_TEST_RAMP,
  withDefaults,
  checkObjectives
};
