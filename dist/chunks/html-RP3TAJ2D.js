import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  verdictFromExact,
  verdictFromInterval
} from "./chunk-JVGBYGGF.js";
import {
  formatPercent,
  formatSigned,
  formatValue
} from "./chunk-ANVENSJ6.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  higherIsBetter,
  measuredBy
} from "./chunk-RDRUDDB3.js";
import {
  writeFileAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
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
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|(?<!-)-+$/g, "").slice(0, 40);
  return `${prefix}-${index}${slug ? `-${slug}` : ""}`;
}
var LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
function chartText(text) {
  return text.replace(LINE_BREAK, "⏎").replace(CONTROL, "�");
}

// src/report/html/check.ts
function describe(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
var Field = class _Field {
  constructor(file, path, value) {
    this.file = file;
    this.path = path;
    this.value = value;
  }
  file;
  path;
  value;
  /** The field `key` of this object (which must be an object). */
  at(key) {
    const path = this.path ? `${this.path}.${key}` : key;
    return new _Field(this.file, path, this.object()[key]);
  }
  fail(expected) {
    throw new InputError(
      `${this.file}: ${this.path || "(top level)"}: expected ${expected}, got ${describe(this.value)}`
    );
  }
  present() {
    return this.value !== void 0 && this.value !== null;
  }
  object() {
    const v = this.value;
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail("an object");
    return v;
  }
  /** The fields of an object (a map), each as a Field. */
  entries() {
    const record = this.object();
    return Object.keys(record).map((k) => [
      k,
      new _Field(this.file, this.path ? `${this.path}.${k}` : k, record[k])
    ]);
  }
  array() {
    if (!Array.isArray(this.value)) this.fail("an array");
    return this.value.map((v, i) => new _Field(this.file, `${this.path}[${i}]`, v));
  }
  number() {
    if (typeof this.value !== "number" || !Number.isFinite(this.value)) this.fail("a number");
    return this.value;
  }
  numberOrNull() {
    if (this.value === null) return null;
    if (typeof this.value !== "number" || !Number.isFinite(this.value)) this.fail("a number or null");
    return this.value;
  }
  string() {
    if (typeof this.value !== "string") this.fail("a string");
    return this.value;
  }
  boolean() {
    if (typeof this.value !== "boolean") this.fail("true or false");
    return this.value;
  }
  oneOf(values) {
    if (!values.includes(this.value))
      this.fail(`one of ${values.map((v) => JSON.stringify(v)).join(", ")}`);
    return this.value;
  }
  numbers() {
    return this.array().map((f) => f.number());
  }
  /** A map of names to numbers or null (metric values, counts). */
  numberMap() {
    return Object.fromEntries(this.entries().map(([k, f]) => [k, f.numberOrNull()]));
  }
  /** A map of names to strings (reasons, notes). */
  stringMap() {
    return Object.fromEntries(this.entries().map(([k, f]) => [k, f.string()]));
  }
  /** Runs `read` when the field is present (not undefined or null), else gives null. */
  optional(read) {
    return this.present() ? read(this) : null;
  }
};
function documentOf(file, value) {
  return new Field(file, "", value);
}

// src/report/html/evaluation-input.ts
var TASKS = ["binary", "multiclass", "regression"];
var VERDICTS = ["pass", "fail"];
var GATE_STATUSES = ["pass", "fail", "skipped"];
function readCurves(field) {
  const curves = field.optional((f) => f);
  if (!curves) return { roc: null, pr: null };
  const roc = curves.at("roc");
  const pr = curves.at("pr");
  const xy = (x, y, where) => {
    if (x.length !== y.length) where.fail(`arrays of one length (${x.length} and ${y.length})`);
    return x.length > 1 ? { x, y } : null;
  };
  return {
    roc: xy(roc.at("fpr").numbers(), roc.at("tpr").numbers(), roc),
    pr: xy(pr.at("recall").numbers(), pr.at("precision").numbers(), pr)
  };
}
function readCalibration(field) {
  return field.optional((c) => {
    const bins = c.at("bins").array().flatMap((bin) => {
      const meanPredicted = bin.at("mean_predicted").numberOrNull();
      const fractionPositive = bin.at("fraction_positive").numberOrNull();
      const rows = bin.at("rows").number();
      return meanPredicted !== null && fractionPositive !== null && rows > 0 ? [{ meanPredicted, fractionPositive, rows }] : [];
    });
    if (bins.length === 0) return null;
    return {
      ece: c.at("expected_calibration_error").numberOrNull(),
      of: c.at("of").oneOf(["positive_probability", "top_class_confidence"]),
      bins
    };
  });
}
function readConfusion(field) {
  return field.optional((cm) => {
    const labels = cm.at("labels").array().map((l) => l.string());
    const counts = cm.at("counts").array().map((row2) => row2.numbers());
    if (counts.length !== labels.length || counts.some((row2) => row2.length !== labels.length))
      cm.fail(`a ${labels.length} × ${labels.length} matrix of counts, one row and column per label`);
    return labels.length > 0 ? { labels, counts } : null;
  });
}
function readModel(field, role) {
  const model = field.at("source").present() ? field.at("source").string() : null;
  return {
    role,
    name: model,
    metrics: field.at("metrics").numberMap(),
    reasons: field.at("undefined_reasons").optional((f) => f.stringMap()) ?? {},
    ...readCurves(field.at("curves")),
    calibration: readCalibration(field.at("calibration")),
    confusion: readConfusion(field.at("confusion_matrix"))
  };
}
function readInterval(field) {
  return field.optional((i) => {
    const low = i.at("low").numberOrNull();
    const high = i.at("high").numberOrNull();
    if (low === null || high === null) return null;
    const interval = i;
    return {
      low,
      high,
      confidence: interval.at("confidence").number(),
      withinNoise: interval.at("within_noise").boolean()
    };
  });
}
function metricRows(deltas, candidate, baseline) {
  const given = new Map(deltas.optional((d) => d.entries()) ?? []);
  const names = [...Object.keys(candidate.metrics)];
  for (const name of Object.keys(baseline?.metrics ?? {})) if (!names.includes(name)) names.push(name);
  return names.map((metric) => {
    const d = given.get(metric);
    const c = candidate.metrics[metric] ?? null;
    const b = baseline?.metrics[metric] ?? null;
    const delta = d ? d.at("delta").numberOrNull() : c !== null && b !== null ? c - b : null;
    const relative = d ? d.at("relative").numberOrNull() : delta !== null && b !== null && b !== 0 ? delta / Math.abs(b) : null;
    return {
      metric,
      candidate: c,
      baseline: b,
      delta,
      relative,
      interval: d ? readInterval(d.at("interval")) : null
    };
  });
}
function readGate(g) {
  const slice = g.at("slice").optional((s) => ` [${s.at("column").string()}=${s.at("value").string()}]`);
  const status = g.at("status").oneOf(GATE_STATUSES);
  return {
    metric: `${g.at("metric").string()}${slice ?? ""}`,
    rule: g.at("kind").string(),
    threshold: g.at("threshold").number(),
    // What was compared with the threshold: a value, a drop, a rise or a relative change.
    value: g.at("observed").optional((f) => f.number()),
    passed: status === "skipped" ? null : status === "pass",
    message: g.at("reason").optional((f) => f.string())
  };
}
function readSlice(s) {
  return {
    column: s.at("column").string(),
    value: s.at("value").string(),
    rows: s.at("rows").number(),
    skipped: s.at("skipped").optional((f) => f.string()),
    candidate: s.at("candidate").optional((f) => f.numberMap()) ?? {},
    baseline: s.at("baseline").optional((f) => f.numberMap())
  };
}
function readEvaluation(json, file = "evaluation.json") {
  const doc = documentOf(file, json);
  doc.at("schema_version").oneOf([1]);
  const candidate = readModel(doc.at("candidate"), "candidate");
  const baseline = doc.at("baseline").optional((b) => readModel(b, "baseline"));
  const verdict = doc.at("verdict").oneOf(VERDICTS);
  return {
    task: doc.at("task").oneOf(TASKS),
    modelName: doc.at("model_name").optional((f) => f.string()),
    rows: doc.at("data").optional((d) => d.at("rows").number()),
    verdict,
    rubberStamp: doc.at("rubber_stamp").optional((f) => f.boolean()) ?? false,
    summary: doc.at("summary").optional((f) => f.string()),
    candidate,
    baseline,
    metrics: metricRows(doc.at("deltas"), candidate, baseline),
    gates: doc.at("gates").array().map(readGate),
    slices: doc.at("slices").optional((f) => f.array().map(readSlice)) ?? [],
    history: doc.at("history").optional(
      (f) => f.array().map((h) => ({ label: h.at("label").string(), metrics: h.at("metrics").numberMap() }))
    ) ?? []
  };
}

// src/report/html/validation-input.ts
function count(field) {
  return field.optional((f) => f.number()) ?? 0;
}
function numericDistribution(column) {
  return column.at("histogram").optional((h) => {
    const edges = h.at("edges").numbers();
    const counts = h.at("counts").numbers();
    if (edges.length !== counts.length + 1)
      h.fail(`one more edge than counts (${edges.length} and ${counts.length})`);
    if (counts.length === 0) return null;
    return {
      kind: "numeric",
      rows: column.at("count").number(),
      bins: counts.map((c, i) => ({ lower: edges[i], upper: edges[i + 1], count: c })),
      below: count(h.at("below")) + count(column.at("neg_inf")),
      above: count(h.at("above")) + count(column.at("pos_inf")),
      missing: count(column.at("missing")) + count(column.at("nan"))
    };
  });
}
function categoricalDistribution(column) {
  const listed = column.at("values").optional((v) => Object.entries(v.numberMap())) ?? column.at("top").optional(
    (t) => t.array().map((e) => [String(e.at("value").value), e.at("count").number()])
  ) ?? [];
  const categories = listed.map(([value, c]) => ({ value, count: c ?? 0 }));
  if (categories.length === 0) return null;
  const rows = column.at("count").number();
  const missing = count(column.at("missing"));
  const inListed = categories.reduce((a, c) => a + c.count, 0);
  return { kind: "categorical", rows, categories, other: Math.max(0, rows - missing - inListed), missing };
}
function distributionOf(column) {
  if (!column) return null;
  return column.at("kind").value === "numeric" ? numericDistribution(column) : numericDistribution(column) ?? categoricalDistribution(column);
}
function formatStat(value) {
  if (typeof value === "number" && Number.isFinite(value))
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return typeof value === "string" ? value : null;
}
function summarise(column) {
  const s = column.object();
  const shown = [
    ["rows", s.count],
    ["missing", s.missing],
    ["distinct", s.distinct],
    ["mean", s.mean],
    ["std", s.std],
    ["min", s.min],
    ["median", s.quantiles?.p50],
    ["max", s.max]
  ];
  return shown.flatMap(([label, v]) => {
    const value = formatStat(v);
    return value === null ? [] : [{ label, value }];
  });
}
function readDrift(d) {
  return {
    test: d.at("test").string(),
    statistic: d.at("statistic").numberOrNull(),
    pValue: d.at("p_value").numberOrNull(),
    threshold: d.at("threshold").number(),
    drifted: d.at("drifted").boolean()
  };
}
function statisticsColumns(json, file) {
  if (json === void 0) return /* @__PURE__ */ new Map();
  const doc = documentOf(file, json);
  doc.at("format").oneOf(["mlci-statistics"]);
  return new Map(doc.at("columns").entries());
}
function readValidation(json, referenceStatistics, currentStatistics, files = {}) {
  const doc = documentOf(files.validation ?? "validation.json", json);
  doc.at("format").oneOf(["mlci-validation"]);
  const stats = new Map(doc.at("columns").entries());
  const reference = statisticsColumns(
    referenceStatistics,
    files.referenceStatistics ?? "reference statistics"
  );
  const current = statisticsColumns(currentStatistics, files.currentStatistics ?? "statistics.json");
  const drift = new Map(doc.at("drift").optional((d) => d.entries()) ?? []);
  const names = [...stats.keys()];
  for (const name of drift.keys()) if (!names.includes(name)) names.push(name);
  const columns = names.map((name) => {
    const s = stats.get(name);
    const d = drift.get(name);
    return {
      name,
      type: s ? s.at("kind").string() : null,
      summary: s ? summarise(s) : [],
      drift: d ? readDrift(d) : null,
      reference: distributionOf(reference.get(name)),
      // statistics.json lists every category; validation.json keeps columns of up to 100.
      current: distributionOf(current.get(name)) ?? distributionOf(s)
    };
  });
  const anomalies = doc.at("anomalies").array().map((a) => ({
    code: a.at("code").string(),
    column: a.at("column").optional((f) => f.string()),
    severity: a.at("severity").oneOf(["error", "warning"]),
    description: a.at("message").string()
  }));
  return {
    verdict: doc.at("verdict").oneOf(["pass", "fail"]),
    rows: doc.at("data").at("rows").number(),
    referenceRows: doc.at("reference").optional((r) => r.at("rows").number()),
    columns,
    anomalies,
    datasetDrift: doc.at("dataset_drift").optional((dd) => ({
      drifted: dd.at("drifted_dataset").boolean(),
      share: dd.at("share").number()
    }))
  };
}

// src/report/html/loadtest-input.ts
function readMeasurement(m) {
  const latency = m.at("latency_ms");
  return {
    achievedRps: m.at("achieved_rps").number(),
    p50: latency.at("p50").number(),
    p95: latency.at("p95").number(),
    p99: latency.at("p99").number(),
    errorRate: m.at("error_rate").number()
  };
}
function readPoint(p) {
  const rate = p.at("rate").number();
  if (rate <= 0) p.at("rate").fail("a rate above 0");
  return {
    rate,
    candidate: readMeasurement(p.at("candidate")),
    stable: p.at("stable").optional((s) => readMeasurement(s))
  };
}
function readLoadTest(json, file = "loadtest.json") {
  const doc = documentOf(file, json);
  const version = (f) => f.optional((v) => v.at("version").numberOrNull()) ?? null;
  return {
    model: doc.at("model").string(),
    candidateVersion: version(doc.at("candidate")),
    stableVersion: version(doc.at("stable")),
    verdict: doc.at("verdict").oneOf(["pass", "fail"]),
    summary: doc.at("summary").string(),
    points: doc.at("points").array().map(readPoint),
    infrastructure: doc.at("infrastructure").array().map((c) => ({ name: c.at("name").string(), ...outcome(c) })),
    objectives: doc.at("objectives").array().map((o) => ({ objective: o.at("objective").string(), limit: o.at("limit").number(), ...outcome(o) }))
  };
}
function outcome(f) {
  return { passed: f.at("passed").boolean(), detail: f.at("detail").string() };
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
  const values = cm.counts.flatMap((row2, t) => {
    const total2 = row2.reduce((a, b) => a + b, 0);
    return row2.map((count2, p) => ({
      truth: cm.labels[t],
      predicted: cm.labels[p],
      count: count2,
      share: total2 > 0 ? count2 / total2 : 0
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

// src/report/html/loadtest-spec.ts
var LOAD_TEST_PERCENTILES = ["p50", "p95", "p99"];
var latencyText = (ms) => ms.toFixed(2);
function latencyRateValues(view) {
  return view.points.flatMap(
    (point) => ["candidate", "stable"].flatMap((series) => {
      const m = point[series];
      if (!m) return [];
      return LOAD_TEST_PERCENTILES.map((percentile) => ({
        series,
        percentile,
        rate: point.rate,
        ms: m[percentile],
        label: `${series} ${percentile} at ${point.rate} req/s: ${latencyText(m[percentile])} ms`
      }));
    })
  );
}
function latencyRateSpec(view) {
  const values = latencyRateValues(view);
  const series = view.points.some((p) => p.stable) ? ["candidate", "stable"] : ["candidate"];
  const rates = view.points.map((p) => p.rate);
  const target = view.points[view.points.length - 1];
  const named = (s) => s === "candidate" ? `candidate${view.candidateVersion === null ? "" : ` v${view.candidateVersion}`}` : `stable${view.stableVersion === null ? "" : ` v${view.stableVersion}`}`;
  return {
    title: {
      text: "Latency against request rate",
      subtitle: `at ${target.rate} req/s: candidate p99 ${latencyText(target.candidate.p99)} ms${target.stable ? `, stable p99 ${latencyText(target.stable.p99)} ms` : ""}`
    },
    description: `p50, p95 and p99 latency of ${series.map(named).join(" and ")} at ${rates.join(", ")} req/s (open loop).`,
    width: 420,
    height: 240,
    data: { values },
    encoding: {
      x: {
        field: "rate",
        type: "quantitative",
        title: "requests per second asked",
        scale: { zero: true },
        axis: { values: rates, format: "d" }
      },
      y: { field: "ms", type: "quantitative", title: "latency ms (from scheduled send)" },
      color: {
        field: "series",
        type: "nominal",
        title: "version",
        scale: {
          domain: series,
          range: series.map((s) => s === "candidate" ? PALETTE.candidate : PALETTE.baseline)
        },
        legend: { labelExpr: `datum.label === 'candidate' ? '${named("candidate")}' : '${named("stable")}'` }
      },
      strokeDash: {
        field: "percentile",
        type: "nominal",
        title: "percentile",
        scale: {
          domain: [...LOAD_TEST_PERCENTILES],
          range: [
            [1, 0],
            [6, 3],
            [2, 2]
          ]
        }
      },
      detail: { field: "percentile", type: "nominal" }
    },
    layer: [
      { mark: { type: "line", strokeWidth: 2 } },
      {
        mark: { type: "point", filled: true, size: 45 },
        encoding: {
          shape: {
            field: "percentile",
            type: "nominal",
            title: "percentile",
            scale: { domain: [...LOAD_TEST_PERCENTILES], range: ["circle", "square", "triangle-up"] }
          },
          description: { field: "label", type: "nominal" }
        }
      }
    ]
  };
}

// src/report/html/loadtest-section.ts
function row(series, rate, m) {
  const cells = LOAD_TEST_PERCENTILES.map((p) => `<td data-percentile="${p}">${latencyText(m[p])}</td>`).join(
    ""
  );
  return `<tr data-series="${series}" data-rate="${rate}"><td class="text">${series}</td><td>${rate}</td><td>${m.achievedRps.toFixed(1)}</td>${cells}<td>${(100 * m.errorRate).toFixed(2)} %</td></tr>`;
}
async function loadTestSection(view, sink) {
  const objectives = view.objectives.map(
    (o) => `<tr><td class="text">${escapeHtml(o.objective)}</td><td>${o.limit}</td><td class="text">${o.passed ? '<span class="ok">✔ pass</span>' : '<span class="bad">✖ fail</span>'}</td><td class="text">${escapeHtml(o.detail)}</td></tr>`
  ).join("");
  const checks = view.infrastructure.map(
    (c) => `<tr><td class="text">${escapeHtml(c.name)}</td><td class="text">${c.passed ? '<span class="ok">✔ pass</span>' : '<span class="bad">✖ fail</span>'}</td><td class="text">${escapeHtml(c.detail)}</td></tr>`
  ).join("");
  const parts = [
    `<p>${escapeHtml(view.summary)}</p>`,
    `<div class="table-wrap"><table data-table="infrastructure"><caption>Infrastructure checks: the candidate loads and answers in the serving stack it will run in.</caption><thead><tr><th scope="col" class="text">check</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${checks}</tbody></table></div>`,
    `<div class="table-wrap"><table><caption>Objectives, judged at the target rate.</caption><thead><tr><th scope="col" class="text">objective</th><th scope="col">limit</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${objectives}</tbody></table></div>`
  ];
  if (view.points.length === 0) {
    parts.push('<p class="muted">No load was sent (the infrastructure check failed).</p>');
    return parts.join("");
  }
  parts.push(
    await sink.figure(
      latencyRateSpec(view),
      "latency-rate",
      "Open loop: each request is due at its scheduled time whatever the server does, and its latency counts from then."
    )
  );
  const rows = view.points.flatMap((p) => [
    row("candidate", p.rate, p.candidate),
    ...p.stable ? [row("stable", p.rate, p.stable)] : []
  ]).join("");
  parts.push(
    `<div class="table-wrap"><table data-table="latency-rate"><caption>Latency in ms at each rate of the ramp.</caption><thead><tr><th scope="col" class="text">version</th><th scope="col">req/s asked</th><th scope="col">req/s answered</th><th scope="col">p50 ms</th><th scope="col">p95 ms</th><th scope="col">p99 ms</th><th scope="col">errors</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
  return parts.join("");
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

// src/report/html/distribution-spec.ts
var MISSING = "missing";
function edgeLabel(value) {
  return String(Number(value.toPrecision(4)));
}
function bars(d, series, range) {
  const bar = (rows, at) => ({
    series,
    rows,
    share: d.rows > 0 ? rows / d.rows : 0,
    ...at
  });
  const outside = [];
  if (d.kind === "numeric") {
    if (d.below > 0) outside.push(bar(d.below, { category: `below ${edgeLabel(range[0])}` }));
    if (d.above > 0) outside.push(bar(d.above, { category: `above ${edgeLabel(range[1])}` }));
    if (d.missing > 0) outside.push(bar(d.missing, { category: MISSING }));
    return { inRange: d.bins.map((b) => bar(b.count, { lower: b.lower, upper: b.upper })), outside };
  }
  const inRange = d.categories.map((c) => bar(c.count, { category: c.value }));
  if (d.other > 0) inRange.push(bar(d.other, { category: "(other)" }));
  if (d.missing > 0) inRange.push(bar(d.missing, { category: `(${MISSING})` }));
  return { inRange, outside };
}
var BAR_TOOLTIP = [
  { field: "series", type: "nominal", title: "data" },
  { field: "rows", type: "quantitative", title: "rows" },
  { field: "share", type: "quantitative", title: "share of all rows", format: ".1%" }
];
var SHARE_AXIS = {
  field: "share",
  type: "quantitative",
  title: "share of all rows",
  axis: { format: ".0%" },
  stack: null
};
function colourOf(domain) {
  return {
    field: "series",
    type: "nominal",
    title: "data",
    scale: { domain, range: domain.map((s) => PALETTE[s]) }
  };
}
function groupedBars(values, domain, xTitle, width) {
  const order = [];
  for (const v of values) if (v.category !== void 0 && !order.includes(v.category)) order.push(v.category);
  const widest = Math.max(0, ...order.map((c) => estimateTextWidth(c.slice(0, 20), 11)));
  const minStep = domain.length > 1 ? 16 : 22;
  const step = Math.min(36, Math.max(minStep, Math.ceil((widest + 10) / (domain.length * 1.1))));
  const upright = order.length <= 8 && widest + 6 <= step * domain.length * 1.1;
  return {
    width: width ?? { step },
    height: 150,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "category",
        type: "nominal",
        title: xTitle,
        sort: order,
        axis: { labelAngle: upright ? 0 : -35, labelLimit: 120 }
      },
      xOffset: { field: "series", type: "nominal", scale: { domain } },
      y: SHARE_AXIS,
      color: colourOf(domain),
      tooltip: BAR_TOOLTIP
    }
  };
}
function histogram(values, domain, column) {
  const x = { field: "lower", type: "quantitative", title: column, scale: { zero: false, nice: false } };
  return {
    width: 280,
    height: 150,
    data: { values },
    encoding: { x, x2: { field: "upper" }, y: SHARE_AXIS, tooltip: BAR_TOOLTIP },
    layer: [
      {
        transform: [{ filter: "datum.series === 'reference'" }],
        mark: { type: "rect", fillOpacity: 0.55, stroke: "white", strokeWidth: 0.5 },
        encoding: { color: colourOf(domain) }
      },
      {
        transform: [{ filter: "datum.series === 'current'" }],
        // Fixed colours: the reference layer's legend (or the side bars') already names both series.
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
function rowsLine(parts) {
  return parts.map((p) => `${p.series}: ${p.d.rows} rows`).join("; ");
}
function distributionSpec(column, reference, current, driftLine2) {
  const parts = [
    ...reference ? [{ d: reference, series: "reference" }] : [],
    ...current ? [{ d: current, series: "current" }] : []
  ];
  const domain = parts.map((p) => p.series);
  const edges = parts.flatMap(
    (p) => p.d.kind === "numeric" && p.d.bins.length > 0 ? [p.d.bins[0].lower, p.d.bins[p.d.bins.length - 1].upper] : []
  );
  const range = [Math.min(...edges), Math.max(...edges)];
  const split = parts.map((p) => bars(p.d, p.series, range));
  const inRange = split.flatMap((s) => s.inRange);
  const outside = split.flatMap((s) => s.outside);
  const description = `Distribution of the column ${column}: ${domain.join(" and ")} data as shares of all rows (${rowsLine(parts)}). ${driftLine2}`;
  const title = { text: column, subtitle: driftLine2 };
  if (!parts.every((p) => p.d.kind === "numeric"))
    return { title, description, ...groupedBars([...inRange, ...outside], domain, column) };
  const main = histogram(inRange, domain, column);
  if (outside.length === 0) return { title, description, ...main };
  return {
    title,
    description,
    hconcat: [main, groupedBars(outside, domain, "outside the bins")],
    resolve: { scale: { y: "shared" } }
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
async function renderChart(raw, id) {
  const [vega, vl] = await loadLibraries();
  const spec = chartStrings(raw);
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
function chartStrings(value) {
  if (typeof value === "string") return chartText(value);
  if (Array.isArray(value)) return value.map(chartStrings);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, chartStrings(v)]));
  return value;
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
  return formatValue(value, digits);
}
function signed(value, digits = 4) {
  if (value === null || !Number.isFinite(value)) return "—";
  return value === 0 ? "±0" : formatSigned(value, digits);
}
function percent(value) {
  if (value === null || !Number.isFinite(value)) return "—";
  return value === 0 ? "±0.00 %" : formatPercent(value);
}
function deltaClass(row2) {
  if (row2.delta === null || row2.delta === 0) return "muted";
  const i = row2.interval;
  const verdict = i ? verdictFromInterval(row2.metric, {
    ...i,
    confidence: i.confidence ?? 0,
    resamples: 0,
    within_noise: i.low <= 0 && i.high >= 0
  }) : measuredBy(row2.metric) === "exact" ? verdictFromExact(row2.metric, row2.delta) : null;
  return verdict === "better" || verdict === "worse" ? verdict : "muted";
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
  const sizes = validation.rows !== null ? `<p class="note">Current data: ${formatNumber(validation.rows, 0)} rows${validation.referenceRows !== null ? `; reference: ${formatNumber(validation.referenceRows, 0)} rows` : ""}. Bars are shares of all rows, so samples of different sizes compare; values outside the histogram’s bins and missing values have bars of their own, so each sample’s bars add up to its rows.</p>` : "";
  const currentOnly = onlyCurrent ? '<p class="note">No reference distribution recorded: the charts show the current data only (validate-data writes reference-statistics.json beside validation.json when it is given a reference; --reference-statistics names another file).</p>' : "";
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
function verdictBadges(evaluation, validation, loadtest) {
  const badges = [];
  if (evaluation) badges.push(badge("model", evaluation.verdict, evaluation.rubberStamp));
  if (validation) badges.push(badge("data", validation.verdict));
  if (loadtest) badges.push(badge("load test", loadtest.verdict));
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
  const evaluation = inputs.evaluation === void 0 ? null : readEvaluation(inputs.evaluation, inputs.sources?.evaluation);
  const validation = inputs.validation === void 0 ? null : readValidation(
    inputs.validation,
    inputs.referenceStatistics,
    inputs.currentStatistics,
    inputs.sources
  );
  const loadtest = inputs.loadtest === void 0 ? null : readLoadTest(inputs.loadtest, inputs.sources?.loadtest);
  const progress = inputs.progress ?? silentProgress;
  progress.start("rendering charts");
  const sink = new ChartSink((count2) => progress.update(count2));
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
  if (loadtest)
    sections.push({ id: "loadtest", title: "Load test", body: await loadTestSection(loadtest, sink) });
  const name = evaluation?.modelName ?? (evaluation?.candidate.name ? basename(evaluation.candidate.name) : null) ?? loadtest?.model ?? null;
  const title = `mlci report${name ? ` — ${name}` : ""}`;
  const generated = (inputs.generatedAt ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const sources = [
    inputs.sources?.evaluation ? `evaluation: ${inputs.sources.evaluation}` : null,
    inputs.sources?.validation ? `validation: ${inputs.sources.validation}` : null,
    inputs.sources?.referenceStatistics ? `reference statistics: ${inputs.sources.referenceStatistics}` : null,
    inputs.sources?.loadtest ? `load test: ${inputs.sources.loadtest}` : null
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
${verdictBadges(evaluation, validation, loadtest)}
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
