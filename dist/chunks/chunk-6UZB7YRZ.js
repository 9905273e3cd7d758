import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/config/defaults.js
var DEFAULT_DRIFT_SHARE = 0.5;
var DEFAULT_CANARY_STEPS = Object.freeze([10, 50, 100]);
var DEFAULT_FAILURE_LIMIT = 1;
var DEFAULT_CANARY_ANALYSIS = Object.freeze({
  alpha: 0.01,
  maxErrorRate: 0.01,
  maxP99Ratio: 1.5,
  p99SlackMs: 5,
  maxDivergence: 0.1,
  minRequests: 150,
  minLatencySamples: 20
});

export {
  DEFAULT_DRIFT_SHARE,
  DEFAULT_CANARY_STEPS,
  DEFAULT_FAILURE_LIMIT,
  DEFAULT_CANARY_ANALYSIS
};
