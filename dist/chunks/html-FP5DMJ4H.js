import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  higherIsBetter
} from "./chunk-6AWGVSZV.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  writeFileAtomic
} from "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/report/html/index.ts
import { basename, join } from "node:path";

// src/report/html/escape.ts
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;"
};
function escapeHtml(text) {
  const clean = String(text ?? "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "�");
  return clean.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}
function slugId(prefix, text, index) {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return `${prefix}-${index}${slug ? `-${slug}` : ""}`;
}

// src/report/html/inputs.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}
function numbers(value) {
  if (!Array.isArray(value)) return null;
  return value.map((v) => typeof v === "number" ? v : NaN);
}
function pick(record, ...keys) {
  if (!record) return void 0;
  for (const key of keys) if (record[key] !== void 0) return record[key];
  return void 0;
}
function metricRecord(value) {
  const metrics = {};
  const reasons = {};
  if (!isRecord(value)) return { metrics, reasons };
  for (const [name, v] of Object.entries(value)) {
    if (isRecord(v)) {
      metrics[name] = num(v.value);
      const reason = str(v.reason);
      if (reason) reasons[name] = reason;
    } else metrics[name] = num(v);
  }
  return { metrics, reasons };
}
function xy(value, xKeys, yKeys) {
  if (Array.isArray(value)) {
    const x2 = [];
    const y2 = [];
    for (const point of value) {
      if (!isRecord(point)) continue;
      const px = num(pick(point, ...xKeys));
      const py = num(pick(point, ...yKeys));
      if (px !== null && py !== null) {
        x2.push(px);
        y2.push(py);
      }
    }
    return x2.length > 1 ? { x: x2, y: y2 } : null;
  }
  if (!isRecord(value)) return null;
  const xs = numbers(pick(value, ...xKeys));
  const ys = numbers(pick(value, ...yKeys));
  if (!xs || !ys || xs.length !== ys.length) return null;
  const x = [];
  const y = [];
  xs.forEach((v, i) => {
    if (Number.isFinite(v) && Number.isFinite(ys[i])) {
      x.push(v);
      y.push(ys[i]);
    }
  });
  return x.length > 1 ? { x, y } : null;
}
function readCalibration(value) {
  const record = isRecord(value) ? value : Array.isArray(value) ? { bins: value } : null;
  if (!record || !Array.isArray(record.bins)) return null;
  const bins = [];
  for (const bin of record.bins) {
    if (!isRecord(bin)) continue;
    const meanPredicted = num(
      pick(bin, "mean_predicted", "mean_predicted_probability", "prob_pred", "confidence")
    );
    const fractionPositive = num(
      pick(bin, "fraction_positive", "fraction_of_positives", "prob_true", "accuracy")
    );
    const rows = num(pick(bin, "rows", "count", "n")) ?? 0;
    if (meanPredicted !== null && fractionPositive !== null && rows > 0)
      bins.push({ meanPredicted, fractionPositive, rows });
  }
  if (bins.length === 0) return null;
  return {
    ece: num(pick(record, "expected_calibration_error", "ece")),
    of: str(record.of),
    bins
  };
}
function readConfusion(value) {
  if (Array.isArray(value)) value = { counts: value };
  if (!isRecord(value)) return null;
  const counts = pick(value, "counts", "matrix", "values");
  if (!Array.isArray(counts) || counts.length === 0) return null;
  const matrix = counts.map((row) => Array.isArray(row) ? row.map((v) => num(v) ?? 0) : []);
  if (matrix.some((row) => row.length !== matrix.length)) return null;
  const labels = Array.isArray(value.labels) ? value.labels.map((l) => str(l) ?? "") : matrix.map((_, i) => String(i));
  if (labels.length !== matrix.length) return null;
  return { labels, counts: matrix };
}
function readModel(value, role, top) {
  const model = isRecord(value) ? value : {};
  const { metrics, reasons } = metricRecord(model.metrics);
  const given = pick(model, "undefined_reasons", "reasons");
  if (isRecord(given)) {
    for (const [k, v] of Object.entries(given)) if (str(v)) reasons[k] = str(v);
  }
  const curves = isRecord(model.curves) ? model.curves : model;
  const byRole = (key) => {
    const top_ = top[key];
    return isRecord(top_) ? top_[role] : void 0;
  };
  const roc = pick(curves, "roc", "roc_curve") ?? (isRecord(top.curves) ? pick(top.curves, role) : void 0);
  const pr = pick(curves, "pr", "precision_recall", "precision_recall_curve");
  const rocCurves = isRecord(roc) && isRecord(roc.roc) ? roc.roc : roc;
  return {
    role,
    name: str(pick(model, "name", "model", "source", "path", "version")),
    metrics,
    reasons,
    roc: xy(rocCurves, ["fpr", "false_positive_rate", "x"], ["tpr", "true_positive_rate", "y"]),
    pr: xy(pr ?? (isRecord(roc) ? roc.pr : void 0), ["recall", "x"], ["precision", "y"]),
    calibration: readCalibration(pick(model, "calibration", "reliability") ?? byRole("calibration")),
    confusion: readConfusion(pick(model, "confusion_matrix", "confusion") ?? byRole("confusion_matrix"))
  };
}
function readInterval(value) {
  if (Array.isArray(value) && num(value[0]) !== null && num(value[1]) !== null)
    return { low: value[0], high: value[1], confidence: null, withinNoise: null };
  if (!isRecord(value)) return null;
  const low = num(pick(value, "low", "lower"));
  const high = num(pick(value, "high", "upper"));
  if (low === null || high === null) return null;
  const within = pick(value, "within_noise", "includes_zero");
  return {
    low,
    high,
    confidence: num(value.confidence),
    withinNoise: typeof within === "boolean" ? within : low <= 0 && high >= 0
  };
}
function readDeltas(value) {
  const deltas = /* @__PURE__ */ new Map();
  if (Array.isArray(value)) {
    for (const d of value) if (isRecord(d) && str(d.metric)) deltas.set(str(d.metric), d);
  } else if (isRecord(value)) {
    for (const [metric, d] of Object.entries(value)) deltas.set(metric, isRecord(d) ? d : { absolute: d });
  }
  return deltas;
}
function readGates(value) {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((g) => {
    const status = str(pick(g, "status", "outcome"));
    const passedRaw = pick(g, "passed", "pass", "ok");
    const skipped = g.skipped === true || status === "skipped";
    const slice = isRecord(g.slice) ? ` [${str(g.slice.column) ?? "?"}=${str(g.slice.value) ?? "?"}]` : "";
    return {
      metric: `${str(g.metric) ?? "(unnamed)"}${slice}`,
      rule: str(pick(g, "kind", "rule", "type", "gate")) ?? "",
      threshold: num(pick(g, "threshold", "limit", "bound")),
      // The gates record what was compared with the threshold: a value, a drop, a rise or a relative change.
      value: num(pick(g, "observed", "value", "actual", "candidate")),
      passed: skipped ? null : typeof passedRaw === "boolean" ? passedRaw : status === null ? null : status === "pass",
      message: str(pick(g, "reason", "message", "detail"))
    };
  });
}
function metricsOf(value) {
  if (!isRecord(value)) return {};
  return metricRecord(isRecord(value.metrics) ? value.metrics : value).metrics;
}
function readSlices(value) {
  const rows = [];
  const push = (column, sliceValue, entry) => {
    const candidate = metricsOf(entry.candidate ?? entry.metrics);
    const baseline = entry.baseline === void 0 || entry.baseline === null ? null : metricsOf(entry.baseline);
    rows.push({
      column,
      value: sliceValue,
      rows: num(pick(entry, "rows", "count", "n")),
      skipped: str(entry.skipped),
      candidate,
      baseline
    });
  };
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isRecord(entry)) continue;
      const column = str(pick(entry, "column", "slice", "feature"));
      if (column === null) continue;
      if (Array.isArray(entry.values) || Array.isArray(entry.groups)) {
        for (const group of entry.values ?? entry.groups)
          if (isRecord(group)) push(column, str(group.value) ?? "null", group);
      } else push(column, str(entry.value) ?? "null", entry);
    }
  } else if (isRecord(value)) {
    for (const [column, groups] of Object.entries(value)) {
      if (Array.isArray(groups)) {
        for (const group of groups) if (isRecord(group)) push(column, str(group.value) ?? "null", group);
      } else if (isRecord(groups)) {
        for (const [v, group] of Object.entries(groups)) if (isRecord(group)) push(column, v, group);
      }
    }
  }
  return rows;
}
function readEvaluation(json) {
  const top = isRecord(json) ? json : {};
  const candidate = readModel(top.candidate, "candidate", top);
  const baseline = isRecord(top.baseline) ? readModel(top.baseline, "baseline", top) : null;
  const deltas = readDeltas(pick(top, "deltas", "delta", "comparison"));
  const names = [...Object.keys(candidate.metrics)];
  for (const name of Object.keys(baseline?.metrics ?? {})) if (!names.includes(name)) names.push(name);
  const metrics = names.map((metric) => {
    const d = deltas.get(metric);
    const c = candidate.metrics[metric] ?? null;
    const b = baseline?.metrics[metric] ?? null;
    const given = num(pick(d, "absolute", "delta", "difference", "change"));
    const delta = given ?? (c !== null && b !== null ? c - b : null);
    const givenRelative = num(pick(d, "relative", "relative_change"));
    const relative = givenRelative ?? (delta !== null && b !== null && b !== 0 ? delta / Math.abs(b) : null);
    return {
      metric,
      candidate: c,
      baseline: b,
      delta,
      relative,
      interval: readInterval(pick(d, "interval", "ci", "bootstrap", "confidence_interval"))
    };
  });
  const model = top.model;
  const verdict = isRecord(top.verdict) ? top.verdict : { verdict: top.verdict };
  return {
    task: str(pick(top, "task")) ?? (isRecord(model) ? str(model.task) : null),
    modelName: str(top.model_name) ?? (isRecord(model) ? str(model.name) : str(model)),
    rows: num(pick(top, "rows")) ?? (isRecord(top.data) ? num(top.data.rows) : null),
    verdict: str(verdict.verdict),
    rubberStamp: top.rubber_stamp === true || verdict.rubber_stamp === true,
    summary: str(top.summary) ?? str(verdict.summary),
    candidate,
    baseline,
    metrics,
    gates: readGates(top.gates),
    slices: readSlices(top.slices ?? (isRecord(top.candidate) ? top.candidate.slices : void 0)),
    history: Array.isArray(top.history) ? top.history.filter(isRecord).map((h, i) => ({ label: str(h.label) ?? `#${i + 1}`, metrics: metricsOf(h.metrics) })) : []
  };
}
function readBins(value) {
  if (Array.isArray(value)) {
    const bins = value.filter(isRecord).map((b) => ({
      lower: num(pick(b, "lower", "start", "left", "from", "low")),
      upper: num(pick(b, "upper", "end", "right", "to", "high")),
      count: num(pick(b, "count", "rows", "n", "frequency")) ?? 0
    }));
    const ok = bins.filter((b) => b.lower !== null && b.upper !== null);
    return ok.length > 0 ? { kind: "numeric", bins: ok } : null;
  }
  if (!isRecord(value)) return null;
  if (Array.isArray(value.bins)) return readBins(value.bins);
  const edges = numbers(pick(value, "edges", "bin_edges", "breaks"));
  const counts = numbers(pick(value, "counts", "frequencies", "hist"));
  if (!edges || !counts || edges.length !== counts.length + 1 || counts.length === 0) return null;
  return {
    kind: "numeric",
    bins: counts.map((count, i) => ({
      lower: edges[i],
      upper: edges[i + 1],
      count: Number.isFinite(count) ? count : 0
    }))
  };
}
function readCategories(value) {
  const categories = [];
  const other = 0;
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isRecord(entry)) continue;
      const v = str(pick(entry, "value", "category", "label"));
      const c = num(pick(entry, "count", "rows", "frequency", "n"));
      if (v !== null && c !== null) categories.push({ value: v, count: c });
    }
  } else if (isRecord(value)) {
    if (value.values !== void 0 || value.counts !== void 0 || value.top !== void 0) {
      const inner = readCategories(pick(value, "values", "counts", "top"));
      if (inner?.kind === "categorical") {
        const o = num(pick(value, "other", "other_count"));
        return { ...inner, other: o ?? inner.other };
      }
      return inner;
    }
    for (const [v, c] of Object.entries(value))
      if (num(c) !== null) categories.push({ value: v, count: c });
  }
  return categories.length > 0 ? { kind: "categorical", categories, other } : null;
}
function readDistribution(value) {
  if (!isRecord(value)) return readBins(value) ?? readCategories(value);
  const histogram = pick(value, "histogram", "bins", "hist");
  if (histogram !== void 0) {
    const d = readBins(histogram);
    if (d) return d;
  }
  const listed = pick(value, "values", "categories", "top_values", "value_counts", "frequencies", "top");
  const categories = Array.isArray(listed) && listed.every((v) => typeof v === "number") ? void 0 : listed;
  if (categories !== void 0) {
    const d = readCategories(categories);
    const rows = num(pick(value, "count", "rows"));
    const missing = num(pick(value, "missing", "missing_count", "nulls", "null_count")) ?? 0;
    if (d?.kind === "categorical" && rows !== null) {
      const listed2 = d.categories.reduce((a, c) => a + c.count, 0) + d.other;
      return { ...d, other: d.other + Math.max(0, rows - missing - listed2) };
    }
    if (d) return d;
  }
  const nested = pick(value, "distribution");
  if (nested !== void 0) return readDistribution(nested);
  return readBins(value);
}
function columnEntries(value) {
  if (Array.isArray(value))
    return value.filter(isRecord).flatMap((c) => {
      const name = str(pick(c, "name", "column"));
      return name === null ? [] : [[name, c]];
    });
  if (isRecord(value)) return Object.entries(value).filter((e) => isRecord(e[1]));
  return [];
}
function formatStat(value) {
  const n = num(value);
  if (n !== null) return Number.isInteger(n) ? String(n) : n.toPrecision(4);
  return typeof value === "string" ? value : null;
}
var SUMMARY_KEYS = [
  ["rows", ["count", "rows"]],
  ["missing", ["missing", "missing_count", "nulls", "null_count"]],
  ["distinct", ["distinct", "unique", "distinct_count", "cardinality"]],
  ["mean", ["mean"]],
  ["std", ["std", "stddev"]],
  ["min", ["min"]],
  ["median", ["median", "p50"]],
  ["max", ["max"]]
];
function summarise(stats) {
  if (!stats) return [];
  const out = [];
  for (const [label, keys] of SUMMARY_KEYS) {
    const v = formatStat(pick(stats, ...keys));
    if (v !== null) out.push({ label, value: v });
  }
  return out;
}
function readDrift(value) {
  if (!isRecord(value)) return null;
  const drifted = pick(value, "drifted", "drift_detected", "detected");
  const statistic = num(pick(value, "statistic", "stat", "score", "value"));
  if (typeof drifted !== "boolean" && statistic === null) return null;
  return {
    test: str(pick(value, "test", "stattest", "method")) ?? "drift",
    statistic,
    pValue: num(pick(value, "p_value", "pvalue")),
    threshold: num(value.threshold),
    drifted: drifted === true
  };
}
function readSharedBins(value) {
  if (!isRecord(value)) return null;
  const ref = numbers(value.reference);
  const cur = numbers(value.current);
  if (!ref || !cur || ref.length !== cur.length || ref.length === 0) return null;
  const edges = numbers(value.edges);
  if (edges && edges.length === ref.length + 1) {
    const bins = (counts) => ({
      kind: "numeric",
      bins: counts.map((count, i) => ({
        lower: edges[i],
        upper: edges[i + 1],
        count: Number.isFinite(count) ? count : 0
      }))
    });
    return { reference: bins(ref), current: bins(cur) };
  }
  if (Array.isArray(value.categories) && value.categories.length === ref.length) {
    const names = value.categories.map((c) => str(c) ?? "null");
    const cats = (counts) => ({
      kind: "categorical",
      categories: names.map((n, i) => ({ value: n, count: Number.isFinite(counts[i]) ? counts[i] : 0 })),
      other: 0
    });
    return { reference: cats(ref), current: cats(cur) };
  }
  return null;
}
function driftEntries(driftRoot) {
  if (!isRecord(driftRoot)) return columnEntries(driftRoot);
  const nested = driftRoot.columns;
  const isNesting = isRecord(nested) && !("test" in nested) && !("drifted" in nested);
  return columnEntries(isNesting ? nested : driftRoot);
}
function readValidation(json, referenceStatistics) {
  const top = isRecord(json) ? json : {};
  const stats = new Map(
    columnEntries(top.columns ?? (isRecord(top.statistics) ? top.statistics.columns : void 0))
  );
  const reference = isRecord(top.reference) ? top.reference : null;
  const given = isRecord(referenceStatistics) ? referenceStatistics.columns : void 0;
  const referenceStats = new Map(columnEntries(given ?? reference?.columns));
  const driftRoot = top.drift;
  const driftMap = new Map(driftEntries(driftRoot));
  const names = [...stats.keys()];
  for (const name of driftMap.keys()) if (!names.includes(name)) names.push(name);
  const columns = names.map((name) => {
    const s = stats.get(name);
    const d = driftMap.get(name);
    const shared = readSharedBins(pick(d, "distribution", "bins"));
    const dRef = pick(d, "reference", "reference_distribution", "ref");
    const dCur = pick(d, "current", "current_distribution", "cur");
    return {
      name,
      type: str(pick(s, "kind", "type", "dtype")) ?? str(pick(d, "kind", "type")),
      summary: summarise(s),
      drift: readDrift(d),
      reference: shared?.reference ?? (dRef !== void 0 ? readDistribution(dRef) : null) ?? (referenceStats.has(name) ? readDistribution(referenceStats.get(name)) : null),
      current: shared?.current ?? (dCur !== void 0 ? readDistribution(dCur) : null) ?? (s ? readDistribution(s) : null)
    };
  });
  const anomalies = Array.isArray(top.anomalies) ? top.anomalies.filter(isRecord).map((a) => ({
    code: str(pick(a, "code", "type")) ?? "ANOMALY",
    column: str(a.column),
    severity: str(a.severity) ?? "error",
    description: str(pick(a, "message", "description", "detail")) ?? ""
  })) : [];
  const dataset = top.dataset_drift ?? (isRecord(driftRoot) ? pick(driftRoot, "dataset", "dataset_drift") : void 0);
  let datasetDrift = null;
  if (isRecord(dataset))
    datasetDrift = {
      drifted: pick(dataset, "drifted_dataset", "detected", "drifted") === true,
      share: num(pick(dataset, "share", "drifted_share", "share_of_drifted_columns"))
    };
  return {
    verdict: str(top.verdict),
    rows: num(pick(top, "rows", "row_count")) ?? (isRecord(top.data) ? num(top.data.rows) : null),
    referenceRows: num(pick(reference, "rows", "row_count")) ?? (isRecord(referenceStatistics) ? num(referenceStatistics.rows) : null),
    columns,
    anomalies,
    datasetDrift
  };
}

// src/report/html/text-width.ts
var ASCII_WIDTHS = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556,
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778,
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556,
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556,
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584
];
var SAFETY = 1.18;
function estimateTextWidth(text, fontSize, bold = false) {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code >= 32 && code <= 126) units += ASCII_WIDTHS[code - 32];
    else if (code >= 4352)
      units += 1e3;
    else units += 600;
  }
  return units / 1e3 * fontSize * SAFETY * (bold ? 1.08 : 1);
}
function vegaTextWidth(item, text) {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? "" : String(text).trim();
  if (size <= 0 || line === "") return 0;
  const weight = item.fontWeight;
  const bold = weight === "bold" || weight === "bolder" || typeof weight === "number" && weight >= 600 || Number(weight) >= 600;
  const width = estimateTextWidth(line, size, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

// src/report/html/specs.ts
var PALETTE = {
  candidate: "#0072B2",
  baseline: "#D55E00",
  reference: "#E69F00",
  current: "#0072B2",
  chance: "#7f7f7f"
};
var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
var BASE_CONFIG = {
  font: FONT,
  background: "white",
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: 600, anchor: "start", subtitleFontSize: 11, subtitleColor: "#444" },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    gridColor: "#e6e6e6",
    labelColor: "#333"
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: "bottom", direction: "horizontal" }
};
var SQUARE = 260;
function modelScale(models2) {
  const domain = models2.map((m) => m.role);
  return {
    domain,
    range: domain.map((r) => PALETTE[r])
  };
}
var DASHES = { candidate: [1, 0], baseline: [6, 4] };
function modelLegend(models2) {
  return {
    color: { field: "series", type: "nominal", title: "model", scale: modelScale(models2) },
    strokeDash: {
      field: "series",
      type: "nominal",
      title: "model",
      scale: { domain: models2.map((m) => m.role), range: models2.map((m) => DASHES[m.role]) }
    }
  };
}
function fmt(value, digits = 3) {
  return value === null || value === void 0 ? "n/a" : value.toFixed(digits);
}
var chanceLine = (points) => ({
  data: { values: points.map(([x, y]) => ({ x, y })) },
  mark: { type: "line", color: PALETTE.chance, strokeDash: [2, 3], strokeWidth: 1 },
  encoding: {
    x: { field: "x", type: "quantitative" },
    y: { field: "y", type: "quantitative" }
  }
});
function curveSpec(models2, curve, options) {
  const values = models2.flatMap((m) => {
    const c = curve(m);
    return c ? c.x.map((x, i) => ({ series: m.role, order: i, x, y: c.y[i] })) : [];
  });
  const layers = [];
  if (options.chance) layers.push(chanceLine(options.chance));
  layers.push({
    data: { values },
    mark: { type: "line", strokeWidth: 2, interpolate: options.interpolate },
    encoding: {
      x: { field: "x", type: "quantitative", title: options.xTitle, scale: { domain: [0, 1] } },
      y: { field: "y", type: "quantitative", title: options.yTitle, scale: { domain: [0, 1] } },
      order: { field: "order", type: "quantitative" },
      ...modelLegend(models2)
    }
  });
  return {
    title: { text: options.title, subtitle: options.subtitle },
    description: options.description,
    width: SQUARE,
    height: SQUARE,
    layer: layers
  };
}
function rocSpec(models2) {
  const withCurve = models2.filter((m) => m.roc);
  return curveSpec(withCurve, (m) => m.roc, {
    title: "ROC curve",
    subtitle: withCurve.map((m) => `${m.role}: ROC AUC ${fmt(m.metrics.roc_auc)}`),
    description: `Receiver operating characteristic: true positive rate against false positive rate for ${withCurve.map((m) => `the ${m.role} (ROC AUC ${fmt(m.metrics.roc_auc)})`).join(" and ")}. The dotted diagonal is a random classifier.`,
    xTitle: "False positive rate",
    yTitle: "True positive rate",
    chance: [
      [0, 0],
      [1, 1]
    ],
    interpolate: "linear"
  });
}
function prSpec(models2) {
  const withCurve = models2.filter((m) => m.pr);
  return curveSpec(withCurve, (m) => m.pr, {
    title: "Precision–recall curve",
    subtitle: withCurve.map((m) => `${m.role}: average precision ${fmt(m.metrics.average_precision)}`),
    description: `Precision against recall for ${withCurve.map((m) => `the ${m.role} (average precision ${fmt(m.metrics.average_precision)})`).join(" and ")}.`,
    xTitle: "Recall",
    yTitle: "Precision",
    chance: null,
    interpolate: "step-before"
  });
}
function calibrationSpec(models2) {
  const withBins = models2.filter((m) => m.calibration);
  const values = withBins.flatMap(
    (m) => (m.calibration?.bins ?? []).map((b, i) => ({
      series: m.role,
      order: i,
      x: b.meanPredicted,
      y: b.fractionPositive,
      rows: b.rows
    }))
  );
  const of = withBins[0]?.calibration?.of === "top_class_confidence" ? "top-class confidence" : "predicted probability";
  return {
    title: {
      text: "Calibration (reliability diagram)",
      subtitle: withBins.map(
        (m) => `${m.role}: expected calibration error ${fmt(m.calibration?.ece ?? null)}`
      )
    },
    description: `Observed fraction of positives against mean ${of} per bin for ${withBins.map((m) => `the ${m.role} (expected calibration error ${fmt(m.calibration?.ece ?? null)})`).join(" and ")}. The dotted diagonal is perfect calibration.`,
    width: SQUARE,
    height: SQUARE,
    layer: [
      chanceLine([
        [0, 0],
        [1, 1]
      ]),
      {
        data: { values },
        encoding: {
          x: { field: "x", type: "quantitative", title: `Mean ${of}`, scale: { domain: [0, 1] } },
          y: {
            field: "y",
            type: "quantitative",
            title: "Observed fraction positive",
            scale: { domain: [0, 1] }
          },
          order: { field: "order", type: "quantitative" },
          ...modelLegend(withBins)
        },
        layer: [
          { mark: { type: "line", strokeWidth: 2 } },
          {
            mark: { type: "point", filled: true, size: 40 },
            encoding: {
              shape: {
                field: "series",
                type: "nominal",
                title: "model",
                scale: {
                  domain: withBins.map((m) => m.role),
                  range: ["circle", "square"].slice(0, withBins.length)
                }
              }
            }
          }
        ]
      }
    ]
  };
}
function confusionSpec(model) {
  const cm = model.confusion;
  const values = cm.counts.flatMap((row, t) => {
    const total2 = row.reduce((a, b) => a + b, 0);
    return row.map((count, p) => ({
      truth: cm.labels[t],
      predicted: cm.labels[p],
      count,
      share: total2 > 0 ? count / total2 : 0
    }));
  });
  const side = Math.max(140, Math.min(360, cm.labels.length * 56));
  const total = values.reduce((a, v) => a + v.count, 0);
  const correct = values.filter((v) => v.truth === v.predicted).reduce((a, v) => a + v.count, 0);
  return {
    title: {
      text: `Confusion matrix — ${model.role}`,
      subtitle: `${correct} of ${total} rows on the diagonal`
    },
    description: `Confusion matrix of the ${model.role} over ${cm.labels.length} classes: rows are true classes, columns predicted classes; ${correct} of ${total} rows are classified correctly.`,
    width: side,
    height: side,
    data: { values },
    encoding: {
      x: {
        field: "predicted",
        type: "ordinal",
        title: "Predicted class",
        sort: cm.labels,
        axis: { labelAngle: 0 }
      },
      y: { field: "truth", type: "ordinal", title: "True class", sort: cm.labels }
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          color: {
            field: "share",
            type: "quantitative",
            title: "share of true class",
            scale: { scheme: "blues", domain: [0, 1] },
            legend: { format: ".0%", orient: "right", direction: "vertical", gradientLength: 120 }
          }
        }
      },
      {
        mark: { type: "text", fontSize: 12, fontWeight: 600 },
        encoding: {
          text: { field: "count", type: "quantitative", format: ",d" },
          color: { condition: { test: "datum.share > 0.55", value: "white" }, value: "#111" }
        }
      }
    ]
  };
}
function sliceSpec(column, metric, rows, models2) {
  const values = rows.flatMap((r) => {
    const out = [];
    const c = r.candidate[metric];
    if (typeof c === "number") out.push({ slice: r.value, series: "candidate", value: c, rows: r.rows });
    const b = r.baseline?.[metric];
    if (typeof b === "number") out.push({ slice: r.value, series: "baseline", value: b, rows: r.rows });
    return out;
  });
  const present = models2.filter((m) => values.some((v) => v.series === m.role));
  return {
    title: {
      text: `${metric} by ${column}`,
      subtitle: `${rows.length} slice${rows.length === 1 ? "" : "s"}`
    },
    description: `${metric} of ${present.map((m) => `the ${m.role}`).join(" and ")} for each value of the column ${column}.`,
    width: 300,
    height: { step: present.length > 1 ? 15 : 18 },
    data: { values },
    encoding: {
      y: { field: "slice", type: "nominal", title: column, sort: rows.map((r) => r.value) },
      yOffset: { field: "series", type: "nominal", scale: { domain: present.map((m) => m.role) } },
      x: { field: "value", type: "quantitative", title: metric, axis: { tickCount: 5 } }
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: { color: { field: "series", type: "nominal", title: "model", scale: modelScale(present) } }
      },
      {
        // The value at the end of each bar: close values are read, not guessed from bar lengths.
        mark: { type: "text", align: "left", dx: 3, fontSize: 10, color: "#222" },
        encoding: { text: { field: "value", type: "quantitative", format: ".3f" } }
      }
    ]
  };
}
function shares(distribution, series) {
  if (distribution.kind === "numeric") {
    const total2 = distribution.bins.reduce((a, b) => a + b.count, 0);
    return distribution.bins.map((b) => ({
      series,
      lower: b.lower,
      upper: b.upper,
      share: total2 > 0 ? b.count / total2 : 0
    }));
  }
  const total = distribution.categories.reduce((a, c) => a + c.count, 0) + distribution.other;
  const rows = distribution.categories.map((c) => ({
    series,
    category: c.value,
    share: total > 0 ? c.count / total : 0
  }));
  if (distribution.other > 0) rows.push({ series, category: "(other)", share: distribution.other / total });
  return rows;
}
function distributionSpec(column, reference, current, driftLine2) {
  const parts = [
    ...reference ? [{ d: reference, series: "reference" }] : [],
    ...current ? [{ d: current, series: "current" }] : []
  ];
  const domain = parts.map((p) => p.series);
  const color = {
    field: "series",
    type: "nominal",
    title: "data",
    scale: { domain, range: domain.map((s) => PALETTE[s]) }
  };
  const numeric = parts.every((p) => p.d.kind === "numeric");
  const values = parts.flatMap((p) => shares(p.d, p.series));
  const description = `Distribution of the column ${column}: ${domain.join(" and ")} data as shares of rows. ${driftLine2}`;
  if (numeric) {
    const x = { field: "lower", type: "quantitative", title: column, scale: { zero: false, nice: false } };
    const y = {
      field: "share",
      type: "quantitative",
      title: "share of rows",
      axis: { format: ".0%" },
      stack: null
    };
    return {
      title: { text: column, subtitle: driftLine2 },
      description,
      width: 280,
      height: 150,
      data: { values },
      encoding: { x, x2: { field: "upper" }, y },
      layer: [
        {
          transform: [{ filter: "datum.series === 'reference'" }],
          mark: { type: "rect", fillOpacity: 0.55, stroke: "white", strokeWidth: 0.5 },
          encoding: { color }
        },
        {
          transform: [{ filter: "datum.series === 'current'" }],
          // Fixed colours: the reference layer's legend already names both series.
          mark: {
            type: "rect",
            fill: PALETTE.current,
            fillOpacity: 0.12,
            stroke: PALETTE.current,
            strokeWidth: 1.75
          }
        }
      ]
    };
  }
  const order = [];
  for (const v of values)
    if (typeof v.category === "string" && !order.includes(v.category)) order.push(v.category);
  const widest = Math.max(0, ...order.map((c) => estimateTextWidth(c.slice(0, 20), 11)));
  const minStep = parts.length > 1 ? 16 : 22;
  const step = Math.min(36, Math.max(minStep, Math.ceil((widest + 10) / (parts.length * 1.1))));
  const upright = order.length <= 8 && widest + 6 <= step * parts.length * 1.1;
  return {
    title: { text: column, subtitle: driftLine2 },
    description,
    width: { step },
    height: 150,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "category",
        type: "nominal",
        title: column,
        sort: order,
        axis: { labelAngle: upright ? 0 : -35, labelLimit: 120 }
      },
      xOffset: { field: "series", type: "nominal", scale: { domain } },
      y: { field: "share", type: "quantitative", title: "share of rows", axis: { format: ".0%" } },
      color
    }
  };
}
function historySpec(metric, points) {
  const values = points.map((p, order) => ({
    label: p.label,
    order,
    value: p.value,
    series: p.label === "candidate" ? "candidate" : "registered"
  }));
  const last = points[points.length - 1];
  return {
    title: { text: `${metric} across versions`, subtitle: `${last.label}: ${last.value.toFixed(4)}` },
    description: `${metric} of the last ${points.length - 1} registered versions and the candidate: ${points.map((p) => `${p.label} ${p.value.toFixed(4)}`).join(", ")}.`,
    width: Math.max(200, Math.min(420, points.length * 40)),
    height: 160,
    data: { values },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        title: "version",
        sort: points.map((p) => p.label),
        axis: { labelAngle: 0 }
      },
      y: { field: "value", type: "quantitative", title: metric, scale: { zero: false } }
    },
    layer: [
      { mark: { type: "line", color: PALETTE.chance, strokeWidth: 1.5 } },
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: ["registered", "candidate"], range: [PALETTE.baseline, PALETTE.candidate] }
          },
          shape: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: ["registered", "candidate"], range: ["square", "circle"] }
          }
        }
      }
    ]
  };
}

// src/report/html/render.ts
var libraries = null;
function loadLibraries() {
  libraries ??= (async () => {
    const vega = await import("./vega.module-DYGBBAYL.js");
    const vl = await import("./build-UYZVB3C5.js");
    vega.textMetrics.width = vegaTextWidth;
    return [vega, vl];
  })();
  return libraries;
}
async function renderChart(spec, id) {
  const [vega, vl] = await loadLibraries();
  const full = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", config: BASE_CONFIG, ...spec };
  const compiled = vl.compile(full).spec;
  const loader = vega.loader({ mode: "file" });
  loader.load = async (uri) => {
    throw new Error(`report charts must not load data (${uri})`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader });
  let svg;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  svg = localIds(svg, id);
  const title = titleOf(spec);
  const description = typeof spec.description === "string" ? spec.description : title;
  const a11y = `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`;
  svg = svg.replace(
    /^<svg\b([^>]*)>/,
    (_m, attributes) => `<svg${attributes} id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">${a11y}`
  );
  return { svg, title, description };
}
function titleOf(spec) {
  const t = spec.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof t.text === "string") {
    const subtitle = t.subtitle;
    const sub = Array.isArray(subtitle) ? subtitle.join("; ") : typeof subtitle === "string" ? subtitle : "";
    return sub ? `${t.text} (${sub})` : t.text;
  }
  return "chart";
}
function localIds(svg, chartId) {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  if (ids.length === 0) return svg;
  const renamed = new Map(ids.map((old, k) => [old, `${chartId}-${k}`]));
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(
    `(id="|url\\(#|href="#)(${[...renamed.keys()].map(escape).join("|")})(?=[")])`,
    "g"
  );
  return svg.replace(pattern, (_m, prefix, old) => `${prefix}${renamed.get(old)}`);
}

// src/report/html/sections.ts
var ChartSink = class {
  constructor(onChart = () => {
  }) {
    this.onChart = onChart;
  }
  onChart;
  count = 0;
  /** Renders a spec into a <figure> with an optional caption (already escaped HTML). */
  async figure(spec, name, caption = "", className = "") {
    const id = slugId("chart", name, ++this.count);
    const chart = await renderChart(spec, id);
    this.onChart(this.count);
    const cls = className ? ` class="${className}"` : "";
    return `<figure${cls} data-chart="${id}">${chart.svg}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
  }
};
function unavailable(what, why) {
  return `<p class="unavailable" data-unavailable="${escapeHtml(what)}">${escapeHtml(what)} not available: ${escapeHtml(why)}</p>`;
}
function formatNumber(value, digits = 4) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "—";
  if (Number.isInteger(value) && Math.abs(value) >= 2) return value.toLocaleString("en-US");
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  return value.toFixed(digits);
}
function signed(value, digits = 4) {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatNumber(Math.abs(value), digits)}`;
}
function percent(value) {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${(Math.abs(value) * 100).toFixed(2)} %`;
}
function deltaClass(row) {
  if (row.delta === null || row.delta === 0) return "muted";
  const improved = higherIsBetter(row.metric) ? row.delta > 0 : row.delta < 0;
  return improved ? "better" : "worse";
}
function gatesSection(evaluation) {
  if (evaluation.gates.length === 0) return unavailable("Gates", "evaluation.json lists no gates");
  const rows = evaluation.gates.map((g) => {
    const status = g.passed === null ? '<span class="skipped">– skipped</span>' : g.passed ? '<span class="ok">✔ pass</span>' : '<span class="bad">✖ fail</span>';
    return `<tr><td>${escapeHtml(g.metric)}</td><td class="text">${escapeHtml(g.rule)}</td><td>${formatNumber(g.threshold)}</td><td>${formatNumber(g.value)}</td><td class="text">${status}</td><td class="text">${escapeHtml(g.message ?? "")}</td></tr>`;
  }).join("");
  return `<div class="table-wrap"><table><caption>Gates decide the verdict; a change gate is skipped when there is no baseline.</caption><thead><tr><th scope="col">metric</th><th scope="col" class="text">rule</th><th scope="col">threshold</th><th scope="col">value</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
function metricsSection(evaluation) {
  if (evaluation.metrics.length === 0)
    return unavailable("Metrics", "evaluation.json carries no candidate.metrics");
  const hasBaseline = evaluation.baseline !== null;
  const hasInterval = evaluation.metrics.some((m) => m.interval);
  const head = [
    '<th scope="col">metric</th>',
    '<th scope="col">candidate</th>',
    hasBaseline ? '<th scope="col">baseline</th><th scope="col">Δ</th><th scope="col">relative</th>' : "",
    hasInterval ? '<th scope="col">interval of Δ</th><th scope="col" class="text">noise?</th>' : ""
  ].join("");
  const rows = evaluation.metrics.map((m) => {
    const reason = evaluation.candidate.reasons[m.metric];
    const cand = m.candidate === null && reason ? `<span class="muted" title="${escapeHtml(reason)}">n/a</span>` : formatNumber(m.candidate);
    const cells = [
      `<td>${escapeHtml(m.metric)}${higherIsBetter(m.metric) ? "" : ' <span class="muted">(lower is better)</span>'}</td>`,
      `<td>${cand}</td>`
    ];
    if (hasBaseline) {
      const cls = deltaClass(m);
      cells.push(
        `<td>${formatNumber(m.baseline)}</td>`,
        `<td class="${cls}">${signed(m.delta)}</td>`,
        `<td class="${cls}">${percent(m.relative)}</td>`
      );
    }
    if (hasInterval) {
      const i = m.interval;
      cells.push(
        i ? `<td>[${signed(i.low)}, ${signed(i.high)}]${i.confidence ? ` <span class="muted">${Math.round(i.confidence * 100)} %</span>` : ""}</td>` : "<td>—</td>",
        `<td class="text">${i ? i.withinNoise ? "within noise" : "<strong>real change</strong>" : ""}</td>`
      );
    }
    return `<tr>${cells.join("")}</tr>`;
  }).join("");
  const note = hasBaseline ? "Δ is candidate − baseline; green is an improvement, red a regression, whichever direction the metric prefers." : "No baseline: this is a first run, the candidate is shown alone.";
  return `<div class="table-wrap"><table><caption>${escapeHtml(note)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
function models(evaluation) {
  return evaluation.baseline ? [evaluation.candidate, evaluation.baseline] : [evaluation.candidate];
}
async function curvesSection(evaluation, sink) {
  if (evaluation.task === "regression")
    return unavailable("ROC and precision–recall curves", "the task is regression");
  const all = models(evaluation);
  const parts = [];
  const missing = (m) => evaluation.task === "multiclass" ? `${m} (binary tasks only)` : m;
  if (all.some((m) => m.roc)) parts.push(await sink.figure(rocSpec(all), "roc"));
  else parts.push(unavailable("ROC curve", missing("evaluation.json carries no curves.roc")));
  if (all.some((m) => m.pr)) parts.push(await sink.figure(prSpec(all), "precision-recall"));
  else parts.push(unavailable("Precision–recall curve", missing("evaluation.json carries no curves.pr")));
  const lacking = all.filter((m) => !m.roc && !m.pr).map((m) => m.role);
  const note = lacking.length > 0 && lacking.length < all.length ? `<p class="note">No curves recorded for the ${escapeHtml(lacking.join(" and "))}.</p>` : "";
  return `<div class="charts">${parts.join("")}</div>${note}`;
}
async function calibrationSection(evaluation, sink) {
  if (evaluation.task === "regression") return unavailable("Calibration plot", "the task is regression");
  const all = models(evaluation);
  if (!all.some((m) => m.calibration))
    return unavailable("Calibration plot", "evaluation.json carries no calibration.bins");
  return `<div class="charts">${await sink.figure(calibrationSpec(all), "calibration")}</div>`;
}
async function confusionSection(evaluation, sink) {
  if (evaluation.task === "regression") return unavailable("Confusion matrix", "the task is regression");
  const all = models(evaluation).filter((m) => m.confusion);
  if (all.length === 0) return unavailable("Confusion matrix", "evaluation.json carries no confusion_matrix");
  const figures = [];
  for (const m of all) figures.push(await sink.figure(confusionSpec(m), `confusion-${m.role}`));
  return `<div class="charts">${figures.join("")}</div>`;
}
var SLICE_METRIC_PREFERENCE = ["roc_auc", "roc_auc_ovr", "f1", "f1_macro", "accuracy", "r2", "rmse", "mae"];
function sliceMetric(evaluation) {
  const available = new Set(
    evaluation.slices.flatMap(
      (s) => Object.entries(s.candidate).filter(([, v]) => v !== null).map(([k]) => k)
    )
  );
  for (const g of evaluation.gates) if (available.has(g.metric)) return g.metric;
  for (const m of SLICE_METRIC_PREFERENCE) if (available.has(m)) return m;
  return available.values().next().value ?? null;
}
async function slicesSection(evaluation, sink) {
  if (evaluation.slices.length === 0)
    return unavailable("Per-slice metrics", "evaluation.json carries no slices");
  const metric = sliceMetric(evaluation);
  if (metric === null) return unavailable("Per-slice metrics", "the slices carry no defined metric");
  const byColumn = /* @__PURE__ */ new Map();
  for (const s of evaluation.slices) byColumn.set(s.column, [...byColumn.get(s.column) ?? [], s]);
  const figures = [];
  for (const [column, all] of byColumn) {
    const rows = all.filter((r) => !r.skipped);
    const skipped = all.filter((r) => r.skipped);
    const skippedNote = skipped.length > 0 ? `<br>Not scored: ${skipped.map((r) => `${escapeHtml(r.value)} (${escapeHtml(r.skipped)})`).join(" · ")}` : "";
    if (rows.length === 0) {
      figures.push(`<p class="unavailable">${escapeHtml(column)}: no slice was scored.${skippedNote}</p>`);
      continue;
    }
    const caption = rows.map((r) => `${escapeHtml(r.value)}${r.rows !== null ? ` (${r.rows.toLocaleString("en-US")} rows)` : ""}`).join(" · ") + skippedNote;
    figures.push(
      await sink.figure(sliceSpec(column, metric, rows, models(evaluation)), `slice-${column}`, caption)
    );
  }
  return `<div class="charts">${figures.join("")}</div>`;
}
async function historySection(evaluation, sink) {
  if (evaluation.history.length < 2) return "";
  const metrics = [...new Set(evaluation.history.flatMap((h) => Object.keys(h.metrics)))].slice(0, 4);
  const figures = [];
  for (const metric of metrics) {
    const points = evaluation.history.flatMap((h) => {
      const v = h.metrics[metric];
      return typeof v === "number" ? [{ label: h.label, value: v }] : [];
    });
    if (points.length >= 2) figures.push(await sink.figure(historySpec(metric, points), `history-${metric}`));
  }
  return figures.length > 0 ? `<div class="charts">${figures.join("")}</div>` : "";
}
function driftLine(column) {
  const d = column.drift;
  if (!d) return "no drift test recorded";
  const parts = [d.drifted ? "DRIFT" : "no drift", d.test];
  if (d.statistic !== null) parts.push(`statistic ${formatNumber(d.statistic, 3)}`);
  if (d.pValue !== null) parts.push(`p ${formatNumber(d.pValue, 3)}`);
  if (d.threshold !== null) parts.push(`threshold ${formatNumber(d.threshold, 3)}`);
  return parts.join(" · ");
}
function anomaliesSection(validation) {
  if (validation.anomalies.length === 0) return '<p class="note">No anomalies.</p>';
  const rows = validation.anomalies.map(
    (a) => `<tr><td class="text"><code>${escapeHtml(a.code)}</code></td><td class="text">${escapeHtml(a.column ?? "—")}</td><td class="text sev-${escapeHtml(a.severity.toLowerCase())}">${escapeHtml(a.severity)}</td><td class="text">${escapeHtml(a.description)}</td></tr>`
  ).join("");
  return `<div class="table-wrap"><table><caption>${validation.anomalies.length} anomal${validation.anomalies.length === 1 ? "y" : "ies"}</caption><thead><tr><th scope="col" class="text">code</th><th scope="col" class="text">column</th><th scope="col" class="text">severity</th><th scope="col" class="text">description</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
async function driftSection(validation, sink) {
  if (validation.columns.length === 0)
    return unavailable("Column distributions", "validation.json lists no columns");
  const tested = validation.columns.filter((c) => c.drift);
  const table = tested.length === 0 ? unavailable("Drift tests", "validation.json carries no drift results (no reference given)") : `<div class="table-wrap"><table><caption>${tested.filter((c) => c.drift?.drifted).length} of ${tested.length} columns drifted</caption><thead><tr><th scope="col">column</th><th scope="col" class="text">test</th><th scope="col">statistic</th><th scope="col">p-value</th><th scope="col">threshold</th><th scope="col" class="text">drift</th></tr></thead><tbody>${tested.map((c) => {
    const d = c.drift;
    return `<tr><td><a href="#${slugId("col", c.name, validation.columns.indexOf(c))}">${escapeHtml(c.name)}</a></td><td class="text">${escapeHtml(d.test)}</td><td>${formatNumber(d.statistic)}</td><td>${formatNumber(d.pValue)}</td><td>${formatNumber(d.threshold)}</td><td class="text">${d.drifted ? '<span class="bad">✖ drifted</span>' : '<span class="ok">✔ stable</span>'}</td></tr>`;
  }).join("")}</tbody></table></div>`;
  const figures = [];
  for (const [i, column] of validation.columns.entries()) {
    const anchor = slugId("col", column.name, i);
    const stats = column.summary.map((s) => `${escapeHtml(s.label)} ${escapeHtml(s.value)}`).join(" · ");
    const flag = column.drift ? `<span class="flag ${column.drift.drifted ? 'drifted">✖ drifted' : 'stable">✔ stable'}</span> ` : "";
    const caption = `${flag}${escapeHtml(column.type ?? "")}${stats ? `<span class="stats">${stats}</span>` : ""}`;
    if (!column.reference && !column.current) {
      figures.push(
        `<figure id="${anchor}"><figcaption><strong>${escapeHtml(column.name)}</strong>: distribution not available: validation.json records no histogram or value counts for this column. ${caption}</figcaption></figure>`
      );
      continue;
    }
    const spec = distributionSpec(column.name, column.reference, column.current, driftLine(column));
    const fig = await sink.figure(
      spec,
      `dist-${column.name}`,
      caption,
      column.drift?.drifted ? "drifted" : ""
    );
    figures.push(fig.replace("<figure", `<figure id="${anchor}"`));
  }
  const onlyCurrent = validation.columns.every((c) => !c.reference);
  const sizes = validation.rows !== null ? `<p class="note">Current data: ${formatNumber(validation.rows, 0)} rows${validation.referenceRows !== null ? `; reference: ${formatNumber(validation.referenceRows, 0)} rows` : ""}. Bars are shares of rows, so samples of different sizes compare.</p>` : "";
  const currentOnly = onlyCurrent ? '<p class="note">No reference distribution recorded: the charts show the current data only (give the reference’s statistics.json with --reference-statistics).</p>' : "";
  return `${sizes}${table}${currentOnly}<h3>Distributions</h3><div class="charts">${figures.join("")}</div>`;
}

// src/report/html/style.ts
var REPORT_CSS = `
:root { --fg:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa;
  --pass:#0a7d3b; --fail:#b3261e; --warn:#8a5a00; --accent:#0072B2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding-bottom: 16px;
  border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 24px; margin: 0; flex: 1 1 auto; }
header.top .meta { color: var(--muted); font-size: 13px; width: 100%; }
header.top .meta p { margin: 2px 0; }
.badges { display: flex; flex-wrap: wrap; gap: 8px; }
.verdict { display: inline-flex; align-items: center; gap: 8px; padding: 6px 14px; border-radius: 999px;
  font-weight: 700; font-size: 15px; border: 2px solid currentColor; }
.verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); } .verdict.warn { color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 18px 0 8px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
nav.toc { margin: 16px 0 8px; font-size: 14px; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0; }
nav.toc a { color: var(--accent); }
section { margin-top: 34px; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 8px; }
p.note { color: var(--muted); margin: 6px 0; }
p.unavailable { color: var(--muted); font-style: italic; background: var(--panel); border: 1px dashed var(--line);
  border-radius: 6px; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 4px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
td.text, th.text { text-align: left; }
thead th { background: var(--panel); font-weight: 600; }
.table-wrap { overflow-x: auto; }
.better { color: var(--pass); } .worse { color: var(--fail); } .muted { color: var(--muted); }
.ok { color: var(--pass); font-weight: 600; } .bad { color: var(--fail); font-weight: 600; }
.skipped { color: var(--muted); font-weight: 600; }
.sev-error { color: var(--fail); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 18px 22px; align-items: flex-start; }
figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 8px; background: #fff;
  max-width: 100%; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figure.drifted { border-color: var(--fail); box-shadow: inset 4px 0 0 var(--fail); }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; max-width: 420px; }
figcaption .stats { display: block; }
.flag { font-weight: 700; }
.flag.drifted { color: var(--fail); } .flag.stable { color: var(--pass); }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
a:focus-visible, figure:focus-within { outline: 3px solid var(--accent); outline-offset: 2px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { break-before: auto; }
  h2 { break-after: avoid; }
  figure, table, .card { break-inside: avoid; page-break-inside: avoid; }
  figure { border-color: #999; }
  .card { background: none; }
  thead th { background: none; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;

// src/report/html/index.ts
function badge(label, verdict, rubberStamp = false) {
  const v = (verdict ?? "").toLowerCase();
  if (v === "fail") return `<span class="verdict fail" role="status">✖ ${escapeHtml(label)}: fail</span>`;
  if (v === "pass" && rubberStamp)
    return `<span class="verdict warn" role="status" title="first run without a baseline: change gates skipped">✔ ${escapeHtml(label)}: pass (rubber stamp)</span>`;
  if (v === "pass") return `<span class="verdict pass" role="status">✔ ${escapeHtml(label)}: pass</span>`;
  return `<span class="verdict warn" role="status">? ${escapeHtml(label)}: ${escapeHtml(verdict ?? "no verdict")}</span>`;
}
function verdictBadges(evaluation, validation) {
  const badges = [];
  if (evaluation) badges.push(badge("model", evaluation.verdict, evaluation.rubberStamp));
  if (validation) badges.push(badge("data", validation.verdict));
  return `<div class="badges">${badges.join("")}</div>`;
}
function card(label, value) {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${value}</div></div>`;
}
function cards(evaluation, validation) {
  const out = [];
  if (evaluation) {
    if (evaluation.task) out.push(card("task", escapeHtml(evaluation.task)));
    const failed = evaluation.gates.filter((g) => g.passed === false).length;
    out.push(card("gates failed", `${failed} / ${evaluation.gates.length}`));
    if (evaluation.rows !== null) out.push(card("evaluation rows", formatNumber(evaluation.rows, 0)));
  }
  if (validation) {
    const tested = validation.columns.filter((c) => c.drift);
    if (tested.length > 0)
      out.push(
        card("drifted columns", `${tested.filter((c) => c.drift?.drifted).length} / ${tested.length}`)
      );
    const dataset = validation.datasetDrift;
    if (dataset) {
      const share = dataset.share !== null ? ` <span class="muted">(${Math.round(dataset.share * 100)} %)</span>` : "";
      out.push(card("dataset drift", `${dataset.drifted ? "yes" : "no"}${share}`));
    }
    out.push(card("anomalies", String(validation.anomalies.length)));
  }
  return `<div class="cards">${out.join("")}</div>`;
}
function section(id, title, body) {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(title)}</h2>${body}</section>`;
}
async function buildReport(inputs) {
  const evaluation = inputs.evaluation === void 0 ? null : readEvaluation(inputs.evaluation);
  const validation = inputs.validation === void 0 ? null : readValidation(inputs.validation, inputs.referenceStatistics);
  const progress = inputs.progress ?? silentProgress;
  progress.start("rendering charts");
  const sink = new ChartSink((count) => progress.update(count));
  const sections = [];
  if (evaluation) {
    sections.push({ id: "gates", title: "Gates", body: gatesSection(evaluation) });
    sections.push({ id: "metrics", title: "Metrics against the baseline", body: metricsSection(evaluation) });
    sections.push({
      id: "curves",
      title: "ROC and precision–recall",
      body: await curvesSection(evaluation, sink)
    });
    sections.push({
      id: "calibration",
      title: "Calibration",
      body: await calibrationSection(evaluation, sink)
    });
    sections.push({
      id: "confusion",
      title: "Confusion matrix",
      body: await confusionSection(evaluation, sink)
    });
    sections.push({ id: "slices", title: "Slices", body: await slicesSection(evaluation, sink) });
    const history = await historySection(evaluation, sink);
    if (history) sections.push({ id: "history", title: "History", body: history });
  } else {
    sections.push({
      id: "evaluation",
      title: "Evaluation",
      body: unavailable("Evaluation", "no evaluation.json was given (mlci report --evaluation FILE)")
    });
  }
  if (validation) {
    sections.push({ id: "anomalies", title: "Data anomalies", body: anomaliesSection(validation) });
    sections.push({
      id: "drift",
      title: "Data drift and distributions",
      body: await driftSection(validation, sink)
    });
  } else {
    sections.push({
      id: "data",
      title: "Data validation",
      body: unavailable("Data validation", "no validation.json was given (mlci report --validation FILE)")
    });
  }
  const name = evaluation?.modelName ?? (evaluation?.candidate.name ? basename(evaluation.candidate.name) : null);
  const title = `mlci report${name ? ` — ${name}` : ""}`;
  const generated = (inputs.generatedAt ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const sources = [
    inputs.sources?.evaluation ? `evaluation: ${inputs.sources.evaluation}` : null,
    inputs.sources?.validation ? `validation: ${inputs.sources.validation}` : null,
    inputs.sources?.referenceStatistics ? `reference statistics: ${inputs.sources.referenceStatistics}` : null
  ].filter((s) => s !== null).map((s) => escapeHtml(s)).join(" · ");
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="mlci">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="top">
<h1>${escapeHtml(title)}</h1>
${verdictBadges(evaluation, validation)}
<div class="meta">${evaluation?.summary ? `<p>${escapeHtml(evaluation.summary)}</p>` : ""}<p>Generated ${escapeHtml(generated)}${sources ? ` from ${sources}` : ""}</p></div>
</header>
${cards(evaluation, validation)}
<nav class="toc" aria-label="Sections"><ol>${toc}</ol></nav>
${sections.map((s) => section(s.id, s.title, s.body)).join("\n")}
<footer>Charts: Vega-Lite, rendered to SVG when the report was built; this file loads nothing from the network.</footer>
</main>
</body>
</html>
`;
  progress.finish(`${sink.count} charts`);
  const missing = [...html.matchAll(/data-unavailable="([^"]*)"/g)].map((m) => m[1]);
  return { html, bytes: Buffer.byteLength(html), charts: sink.count, unavailable: missing };
}
async function writeReport(inputs, outDir) {
  const report = await buildReport(inputs);
  const path = join(outDir, "report.html");
  await writeFileAtomic(path, report.html);
  return { ...report, path };
}
export {
  buildReport,
  readEvaluation,
  readValidation,
  writeReport
};
