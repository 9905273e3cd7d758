// Defaults written once. Plain JavaScript so that scripts/schema-src.mjs (the JSON Schema, hence
// docs/config.md) reads the same values as the loader, the stages and the CLI help.

/** Share of tested columns that must drift for dataset drift (Evidently's drift_share). */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** Canary traffic percentages when deploy.steps is not set. */
export const DEFAULT_CANARY_STEPS = Object.freeze([10, 50, 100]);

/** Consecutive failed canary analyses tolerated before a rollback: one noisy interval is retried, not fatal. */
export const DEFAULT_FAILURE_LIMIT = 1;

/**
 * Canary analysis defaults (src/deploy/analysis.ts documents each; mlci.yml deploy.analysis keys in
 * snake_case). minRequests: Fisher's test at alpha 0.01 then catches a canary failing 5 % of its
 * requests at a 10 % step with probability >= 0.995 per interval (bench/README.md, canary simulation).
 */
export const DEFAULT_CANARY_ANALYSIS = Object.freeze({
  alpha: 0.01,
  maxErrorRate: 0.01,
  maxP99Ratio: 1.5,
  p99SlackMs: 5,
  maxDivergence: 0.1,
  minRequests: 150,
  minLatencySamples: 20
});
