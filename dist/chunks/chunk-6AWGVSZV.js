import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/model/metrics/types.ts
var METRICS_BY_TASK = {
  binary: [
    "accuracy",
    "balanced_accuracy",
    "precision",
    "recall",
    "f1",
    "roc_auc",
    "average_precision",
    "log_loss",
    "brier_score"
  ],
  multiclass: [
    "accuracy",
    "balanced_accuracy",
    "precision_macro",
    "recall_macro",
    "f1_macro",
    "precision_weighted",
    "recall_weighted",
    "f1_weighted",
    "roc_auc_ovr",
    "log_loss"
  ],
  regression: ["rmse", "mae", "r2", "mape"]
};
var LOWER_IS_BETTER = /* @__PURE__ */ new Set([
  "log_loss",
  "brier_score",
  "rmse",
  "mae",
  "mape",
  "expected_calibration_error",
  "latency_ms_per_1000_rows",
  "model_size_bytes",
  "load_ms"
]);
function higherIsBetter(metric) {
  return !LOWER_IS_BETTER.has(metric);
}
function defined(value, note) {
  return note ? { value, note } : { value };
}
function undefinedMetric(reason) {
  return { value: null, reason };
}

export {
  METRICS_BY_TASK,
  higherIsBetter,
  defined,
  undefinedMetric
};
