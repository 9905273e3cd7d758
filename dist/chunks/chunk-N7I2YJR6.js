import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/data/statistics.ts
var QUANTILES = [
  ["p1", 0.01],
  ["p5", 0.05],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p95", 0.95],
  ["p99", 0.99]
];
var VALUE_CAP = 1e4;
var SUMMARY_POINTS = 2e3;
var HISTOGRAM_BINS = 20;
function isStatistics(value) {
  return typeof value === "object" && value !== null && value.format === "mlci-statistics" && typeof value.columns === "object";
}

export {
  QUANTILES,
  VALUE_CAP,
  SUMMARY_POINTS,
  HISTOGRAM_BINS,
  isStatistics
};
