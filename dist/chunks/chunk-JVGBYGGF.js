import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  metricDirection
} from "./chunk-RDRUDDB3.js";

// src/gate/noise.ts
var MIN_INTERVAL_ROWS = 100;
function byDirection(metric, up) {
  const direction = metricDirection(metric);
  if (direction === null) return "within_noise";
  return up === (direction === "higher") ? "better" : "worse";
}
function verdictFromInterval(metric, interval) {
  if (!interval || interval.low === null) return null;
  if (interval.low > 0) return byDirection(metric, true);
  if (interval.high < 0) return byDirection(metric, false);
  return "within_noise";
}
function verdictFromSpread(metric, candidate, baseline) {
  if (candidate.low > baseline.high) return byDirection(metric, true);
  if (candidate.high < baseline.low) return byDirection(metric, false);
  return "within_noise";
}
function verdictFromExact(metric, delta) {
  return delta === 0 ? "within_noise" : byDirection(metric, delta > 0);
}

export {
  MIN_INTERVAL_ROWS,
  verdictFromInterval,
  verdictFromSpread,
  verdictFromExact
};
