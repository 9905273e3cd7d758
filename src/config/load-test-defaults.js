// Defaults of the load test (deploy.load_test in mlci.yml), written once. Plain JavaScript so that
// scripts/schema-src.mjs (the JSON Schema, hence docs/config.md) reads the same values as the stage.

/** Target rate = the production server's observed rate × this, when no rate is set. */
export const DEFAULT_LOAD_TEST_HEADROOM = 2;
/** Seconds each version is driven at the target rate (alternating slices). */
export const DEFAULT_LOAD_TEST_DURATION_S = 10;
/** Fractions of the target rate measured first, for the latency-vs-rate curve. */
export const DEFAULT_LOAD_TEST_RAMP = Object.freeze([0.25, 0.5]);
/** Fail above this error rate at the target rate. */
export const DEFAULT_LOAD_TEST_MAX_ERROR_RATE = 0.01;
/** Fail when the candidate's p99 exceeds this × stable's p99 (and stable's + the slack). */
export const DEFAULT_LOAD_TEST_MAX_P99_RATIO = 1.5;
/**
 * A p99 difference below this many ms passes the ratio objective: sub-millisecond p99s of a shared
 * machine differ by scheduler pauses, not by the model.
 */
export const DEFAULT_LOAD_TEST_P99_SLACK_MS = 2;
