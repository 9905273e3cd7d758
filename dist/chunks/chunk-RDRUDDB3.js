import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/evaluation/metrics/result.ts
function defined(value, note) {
  return note ? { value, note } : { value };
}
function undefinedMetric(reason) {
  return { value: null, reason };
}

// src/evaluation/metrics/classification.ts
function accuracyScore(cm, classes) {
  let total = 0;
  let correct = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) total += cm[t * classes + p];
    correct += cm[t * classes + t];
  }
  return total > 0 ? defined(correct / total) : undefinedMetric("no rows");
}
function balancedAccuracyScore(cm, classes) {
  let sum = 0;
  let present = 0;
  for (let t = 0; t < classes; t++) {
    let support = 0;
    for (let p = 0; p < classes; p++) support += cm[t * classes + p];
    if (support > 0) {
      sum += cm[t * classes + t] / support;
      present++;
    }
  }
  return present > 0 ? defined(sum / present) : undefinedMetric("no rows");
}
function positiveCounts(cm) {
  return { tp: cm[3], predicted: cm[1] + cm[3], actual: cm[2] + cm[3] };
}
function precisionScore(cm) {
  const { tp, predicted } = positiveCounts(cm);
  return predicted > 0 ? defined(tp / predicted) : undefinedMetric("no row is predicted positive (0/0)");
}
function recallScore(cm) {
  const { tp, actual } = positiveCounts(cm);
  return actual > 0 ? defined(tp / actual) : undefinedMetric("no positive label in the data (0/0)");
}
function f1Score(cm) {
  const { tp, predicted, actual } = positiveCounts(cm);
  if (predicted === 0 && actual === 0) return undefinedMetric("no positive label and no positive prediction");
  const precision = predicted > 0 ? tp / predicted : 0;
  const recall = actual > 0 ? tp / actual : 0;
  return defined(fScore(precision, recall));
}
function fScore(precision, recall) {
  const denominator = precision + recall;
  return 2 * precision * recall / (denominator === 0 ? 1 : denominator);
}
function perClass(cm, classes) {
  const out = {
    labels: [],
    precision: [],
    recall: [],
    f1: [],
    support: [],
    noPredictions: [],
    noSupport: []
  };
  for (let k = 0; k < classes; k++) {
    let actual = 0;
    let predicted = 0;
    for (let j = 0; j < classes; j++) {
      actual += cm[k * classes + j];
      predicted += cm[j * classes + k];
    }
    if (actual === 0 && predicted === 0) continue;
    const tp = cm[k * classes + k];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = actual > 0 ? tp / actual : 0;
    if (predicted === 0) out.noPredictions.push(k);
    if (actual === 0) out.noSupport.push(k);
    out.labels.push(k);
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(fScore(precision, recall));
    out.support.push(actual);
  }
  return out;
}
function average(values, weights) {
  if (!weights) {
    let sum2 = 0;
    for (const v of values) sum2 += v;
    return sum2 / values.length;
  }
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * weights[i];
    total += weights[i];
  }
  return sum / total;
}
function zeroDivisionNote(what, classes, why) {
  if (classes.length === 0) return void 0;
  return `${what} undefined for class${classes.length > 1 ? "es" : ""} ${classes.join(", ")} (${why}); counted as 0 as scikit-learn does`;
}
function averaged(cm, classes, how, score) {
  const pc = perClass(cm, classes);
  if (pc.labels.length === 0) return undefinedMetric("no rows");
  return defined(
    average(score.values(pc), how === "weighted" ? pc.support : null),
    zeroDivisionNote(score.what, score.zeroed(pc), score.why)
  );
}
var PRECISION = {
  values: (pc) => pc.precision,
  zeroed: (pc) => pc.noPredictions,
  what: "precision",
  why: "never predicted"
};
var RECALL = {
  values: (pc) => pc.recall,
  zeroed: (pc) => pc.noSupport,
  what: "recall",
  why: "absent from the labels"
};
var F1 = {
  values: (pc) => pc.f1,
  zeroed: (pc) => pc.noPredictions.filter((k) => pc.noSupport.includes(k)),
  what: "F1",
  why: "neither present nor predicted"
};
function precisionAveraged(cm, classes, how) {
  return averaged(cm, classes, how, PRECISION);
}
function recallAveraged(cm, classes, how) {
  return averaged(cm, classes, how, RECALL);
}
function f1Averaged(cm, classes, how) {
  return averaged(cm, classes, how, F1);
}
function confusionMatrix(cm, labels) {
  const c = labels.length;
  const counts = [];
  for (let t = 0; t < c; t++) counts.push(Array.from(cm.subarray(t * c, (t + 1) * c)));
  return { labels, counts };
}

// src/evaluation/metrics/regression.ts
var MAPE_EPS = 2 ** -52;
function overflowed(sum, what) {
  return Number.isFinite(sum) ? null : undefinedMetric(`the sum of ${what} overflows float64 (scikit-learn gives inf or nan)`);
}
function rootMeanSquaredError(s) {
  if (s.rows <= 0) return undefinedMetric("no rows");
  return overflowed(s.squaredError, "squared errors") ?? defined(Math.sqrt(s.squaredError / s.rows));
}
function meanAbsoluteError(s) {
  if (s.rows <= 0) return undefinedMetric("no rows");
  return overflowed(s.absoluteError, "absolute errors") ?? defined(s.absoluteError / s.rows);
}
function meanAbsolutePercentageError(s) {
  if (s.rows <= 0) return undefinedMetric("no rows");
  return overflowed(s.absolutePercentageError, "relative errors") ?? defined(s.absolutePercentageError / s.rows);
}
function r2Score(s) {
  if (s.rows < 2) return undefinedMetric("R² needs at least two rows");
  if (s.totalSquares === 0) return undefinedMetric("the label is constant, so R² is undefined");
  return overflowed(s.squaredError, "squared errors") ?? overflowed(s.totalSquares, "the label's squared deviations from its mean") ?? defined(1 - s.squaredError / s.totalSquares);
}

// src/evaluation/metrics/catalog.ts
var CLASSIFIERS = ["binary", "multiclass"];
var ALL = ["binary", "multiclass", "regression"];
var UNIT = [0, 1];
var NON_NEGATIVE = [0, Infinity];
var confusion = (fn) => ({
  from: "confusion",
  fn
});
var regression = (fn) => ({ from: "regression", fn });
var METRIC_CATALOG = [
  { name: "accuracy", tasks: CLASSIFIERS, direction: "higher", bootstrappable: true, primary: true, range: UNIT, source: confusion(accuracyScore) },
  { name: "balanced_accuracy", tasks: CLASSIFIERS, direction: "higher", bootstrappable: true, range: UNIT, source: confusion(balancedAccuracyScore) },
  { name: "precision", tasks: ["binary"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion(precisionScore) },
  { name: "recall", tasks: ["binary"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion(recallScore) },
  { name: "f1", tasks: ["binary"], direction: "higher", bootstrappable: true, primary: true, range: UNIT, source: confusion(f1Score) },
  { name: "precision_macro", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion((cm, c) => precisionAveraged(cm, c, "macro")) },
  { name: "recall_macro", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion((cm, c) => recallAveraged(cm, c, "macro")) },
  { name: "f1_macro", tasks: ["multiclass"], direction: "higher", bootstrappable: true, primary: true, range: UNIT, source: confusion((cm, c) => f1Averaged(cm, c, "macro")) },
  { name: "precision_weighted", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion((cm, c) => precisionAveraged(cm, c, "weighted")) },
  { name: "recall_weighted", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion((cm, c) => recallAveraged(cm, c, "weighted")) },
  { name: "f1_weighted", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: confusion((cm, c) => f1Averaged(cm, c, "weighted")) },
  { name: "roc_auc", tasks: ["binary"], direction: "higher", bootstrappable: true, primary: true, range: UNIT, source: { from: "ranking" } },
  { name: "average_precision", tasks: ["binary"], direction: "higher", bootstrappable: true, range: UNIT, source: { from: "ranking" } },
  { name: "roc_auc_ovr", tasks: ["multiclass"], direction: "higher", bootstrappable: true, range: UNIT, source: { from: "ranking" } },
  { name: "log_loss", tasks: CLASSIFIERS, direction: "lower", bootstrappable: true, primary: true, range: NON_NEGATIVE, source: { from: "probabilistic" } },
  { name: "brier_score", tasks: ["binary"], direction: "lower", bootstrappable: true, range: UNIT, source: { from: "probabilistic" } },
  { name: "rmse", tasks: ["regression"], direction: "lower", bootstrappable: true, primary: true, range: NON_NEGATIVE, source: regression(rootMeanSquaredError) },
  { name: "mae", tasks: ["regression"], direction: "lower", bootstrappable: true, primary: true, range: NON_NEGATIVE, source: regression(meanAbsoluteError) },
  { name: "r2", tasks: ["regression"], direction: "higher", bootstrappable: true, primary: true, range: [-Infinity, 1], source: regression(r2Score) },
  { name: "mape", tasks: ["regression"], direction: "lower", bootstrappable: true, range: NON_NEGATIVE, source: regression(meanAbsolutePercentageError) },
  { name: "expected_calibration_error", tasks: CLASSIFIERS, direction: "lower", bootstrappable: true, range: UNIT, source: { from: "model" } },
  { name: "latency_ms_per_1000_rows", tasks: ALL, direction: "lower", bootstrappable: false, measured: "timed", range: NON_NEGATIVE, source: { from: "model" } },
  { name: "model_size_bytes", tasks: ALL, direction: "lower", bootstrappable: false, measured: "exact", range: NON_NEGATIVE, source: { from: "model" } },
  // Not a metric of evaluation.json's `metrics`, but compared by reports with the same rule.
  { name: "load_ms", tasks: [], direction: "lower", bootstrappable: false, measured: "timed", range: NON_NEGATIVE, source: { from: "model" } }
];
var BY_NAME = new Map(METRIC_CATALOG.map((m) => [m.name, m]));
function metricSpec(name) {
  return BY_NAME.get(name);
}
function namesFor(task, keep) {
  return METRIC_CATALOG.filter((m) => m.tasks.includes(task) && keep(m)).map((m) => m.name);
}
var byTask = (keep) => ({
  binary: namesFor("binary", keep),
  multiclass: namesFor("multiclass", keep),
  regression: namesFor("regression", keep)
});
var METRICS_BY_TASK = byTask(
  (m) => m.source.from !== "model"
);
var MODEL_METRICS_BY_TASK = byTask(
  (m) => m.source.from === "model"
);
var PRIMARY_METRICS = byTask((m) => m.primary === true);
var SLICE_TABLE_WIDTH = 4;
function sliceTableMetrics(task, gated) {
  const unique = [...new Set(gated)];
  return (unique.length > 0 ? unique : [...PRIMARY_METRICS[task]]).slice(0, SLICE_TABLE_WIDTH);
}
function higherIsBetter(metric) {
  return BY_NAME.get(metric)?.direction !== "lower";
}
function metricDirection(metric) {
  return BY_NAME.get(metric)?.direction ?? null;
}
function measuredBy(metric) {
  return BY_NAME.get(metric)?.measured;
}
function isBootstrappable(metric) {
  return BY_NAME.get(metric)?.bootstrappable ?? false;
}
var MetricRangeError = class extends Error {
};
function assertMetricRanges(values, where) {
  for (const [name, value] of Object.entries(values)) {
    const spec = BY_NAME.get(name);
    if (!spec || value === null) continue;
    const [low, high] = spec.range;
    if (!Number.isFinite(value) || value < low || value > high) {
      throw new MetricRangeError(
        `${where}: ${name} = ${value} is outside its range [${low}, ${high}]; refusing to write it`
      );
    }
  }
}

export {
  defined,
  undefinedMetric,
  confusionMatrix,
  MAPE_EPS,
  METRIC_CATALOG,
  metricSpec,
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  sliceTableMetrics,
  higherIsBetter,
  metricDirection,
  measuredBy,
  isBootstrappable,
  assertMetricRanges
};
