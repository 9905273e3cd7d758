import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/config/load-test-defaults.js
var DEFAULT_LOAD_TEST_HEADROOM = 2;
var DEFAULT_LOAD_TEST_DURATION_S = 10;
var DEFAULT_LOAD_TEST_RAMP = Object.freeze([0.25, 0.5]);
var DEFAULT_LOAD_TEST_MAX_ERROR_RATE = 0.01;
var DEFAULT_LOAD_TEST_MAX_P99_RATIO = 1.5;
var DEFAULT_LOAD_TEST_P99_SLACK_MS = 2;

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
  const pairs = point.slice_p99_ratios ?? [];
  const ratio = pairs.length > 0 ? median(pairs) : candidate / Math.max(stable, 1e-3);
  const withinSlack = candidate - stable <= objectives.p99SlackMs;
  return {
    objective: "max_p99_ratio_vs_stable",
    limit,
    value: ratio,
    passed: ratio <= limit || withinSlack,
    detail: `candidate p99 ${ms(candidate)} vs stable ${ms(stable)}; median ratio over ${pairs.length} slice pairs ${ratio.toFixed(2)}× (fails above ${limit}× unless within ${objectives.p99SlackMs} ms of stable)`
  };
}
function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export {
  DEFAULT_LOAD_TEST_HEADROOM,
  DEFAULT_LOAD_TEST_DURATION_S,
  DEFAULT_LOAD_TEST_RAMP,
  withDefaults,
  checkObjectives
};
