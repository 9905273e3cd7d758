// Defaults written once. Plain JavaScript so that scripts/schema-src.mjs (the JSON Schema, hence
// docs/config.md) reads the same values as the loader, the stages and the CLI help.

/** Share of tested columns that must drift for dataset drift (Evidently's drift_share). */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** Canary traffic percentages when deploy.steps is not set. */
export const DEFAULT_CANARY_STEPS = Object.freeze([10, 50, 100]);
