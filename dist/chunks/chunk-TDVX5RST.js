import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/sketch/hll.ts
var P = 12;
var M = 1 << P;
var Hll = class _Hll {
  registers;
  constructor(registers) {
    this.registers = registers ?? new Uint8Array(M);
  }
  /** Adds a 64-bit hash given as two 32-bit halves. */
  addHash(hi, lo) {
    const index = hi >>> 32 - P;
    const rest = hi << P >>> 0;
    let rank;
    if (rest !== 0) rank = Math.clz32(rest) + 1;
    else rank = 32 - P + (lo === 0 ? 33 : Math.clz32(lo) + 1);
    if (rank > this.registers[index]) this.registers[index] = rank;
  }
  /** Adds a finite double. */
  addNumber(value) {
    scratch.setFloat64(0, value === 0 ? 0 : value);
    const a = scratch.getUint32(0);
    const b = scratch.getUint32(4);
    const hi = fmix32((a ^ Math.imul(b, 2654435761)) >>> 0);
    this.addHash(hi, fmix32((b ^ Math.imul(hi ^ a, 2246822519) ^ 668265263) >>> 0));
  }
  /** Merges another sketch into this one. */
  merge(other) {
    for (let i = 0; i < M; i++)
      if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
  }
  /** The estimated number of distinct values. */
  estimate() {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      sum += Math.pow(2, -this.registers[i]);
      if (this.registers[i] === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / M);
    const raw = alpha * M * M / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }
  /** Serialises the registers. */
  toJSON() {
    return { p: P, registers: Buffer.from(this.registers).toString("base64") };
  }
  /** Restores a serialised sketch; an InputError (it comes from a file) when it is not one. */
  static fromJSON(sketch) {
    const { p, registers } = sketch ?? {};
    if (p !== P) throw new InputError(`HyperLogLog with p=${String(p)} cannot be merged (expected ${P})`);
    const bytes = typeof registers === "string" ? Buffer.from(registers, "base64") : void 0;
    if (!bytes || bytes.length !== M || bytes.some((r) => r > 64 - P + 1))
      throw new InputError(
        `HyperLogLog registers must be ${M} base64-encoded ranks of at most ${64 - P + 1}`
      );
    return new _Hll(new Uint8Array(bytes));
  }
};
var scratch = new DataView(new ArrayBuffer(8));
function fmix32(h0) {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}

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
function bad(file, field, expected) {
  throw new InputError(`${file}: "${field}" must be ${expected}`);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var isCount = (v) => Number.isSafeInteger(v) && v >= 0;
var isFinite = (v) => typeof v === "number" && Number.isFinite(v);
function checkCount(file, field, v, optional = false) {
  if (!(optional && v === void 0) && !isCount(v)) bad(file, field, "a whole number ≥ 0");
}
function checkNumbers(file, field, v, weight = false) {
  const ok = (x) => weight ? isFinite(x) && x >= 0 : isFinite(x);
  if (!Array.isArray(v) || !v.every(ok))
    bad(file, field, `a list of ${weight ? "weights ≥ 0" : "finite numbers"}`);
}
function checkCounts(file, field, v) {
  if (!isObject(v) || !Object.values(v).every(isCount)) bad(file, field, "an object of whole numbers ≥ 0");
}
function checkDistribution(file, field, d) {
  if (!isObject(d) || d.kind !== "exact" && d.kind !== "quantiles")
    bad(file, field, "an exact or quantiles distribution");
  checkNumbers(file, `${field}.values`, d.values);
  checkNumbers(file, `${field}.counts`, d.counts, true);
  if (d.counts.length !== d.values.length) bad(file, `${field}.counts`, "as long as its values");
  const e = d.rank_error;
  if (e !== void 0 && !(isFinite(e) && e >= 0 && e <= 1))
    bad(file, `${field}.rank_error`, "a number in [0, 1]");
}
function checkHistogram(file, field, h) {
  if (!isObject(h)) bad(file, field, "an object");
  checkNumbers(file, `${field}.edges`, h.edges);
  if (!Array.isArray(h.counts) || !h.counts.every(isCount) || h.counts.length !== Math.max(0, h.edges.length - 1))
    bad(file, `${field}.counts`, "one whole number ≥ 0 per bin");
  checkCount(file, `${field}.below`, h.below, true);
  checkCount(file, `${field}.above`, h.above, true);
}
function checkTop(file, field, top) {
  const ok = (t) => isObject(t) && (typeof t.value === "string" || isFinite(t.value)) && isCount(t.count);
  if (!Array.isArray(top) || !top.every(ok)) bad(file, field, "a list of {value, count}");
}
var KINDS = /* @__PURE__ */ new Set(["numeric", "categorical", "boolean", "datetime"]);
var COUNTS = ["nan", "pos_inf", "neg_inf", "zeros", "finite"];
function checkMoments(file, field, c) {
  for (const key of ["mean", "std", "m2", "sum"])
    if (c[key] !== void 0 && c[key] !== null && !isFinite(c[key]))
      bad(file, `${field}.${key}`, "a finite number");
  if ((c.finite ?? 0) === 0) return;
  for (const key of ["min", "max", "mean", "m2", "sum"])
    if (!isFinite(c[key])) bad(file, `${field}.${key}`, "a finite number (the column has finite values)");
}
function checkColumn(file, field, c, rows) {
  if (!isObject(c)) bad(file, field, "an object");
  if (!KINDS.has(c.kind)) bad(file, `${field}.kind`, "numeric, categorical, boolean or datetime");
  if (typeof c.type !== "string") bad(file, `${field}.type`, "a string");
  for (const key of ["count", "missing", "present", "distinct"]) checkCount(file, `${field}.${key}`, c[key]);
  if (c.count !== rows) bad(file, `${field}.count`, `the file's rows (${rows})`);
  if (c.missing + c.present !== rows) bad(file, `${field}.missing`, "rows − present");
  for (const key of COUNTS) checkCount(file, `${field}.${key}`, c[key], true);
  for (const key of ["min", "max"])
    if (![void 0, null].includes(c[key]) && typeof c[key] !== "string" && !isFinite(c[key]))
      bad(file, `${field}.${key}`, "a finite number, a string or null");
  checkMoments(file, field, c);
  if (typeof c.distinct_exact !== "boolean") bad(file, `${field}.distinct_exact`, "true or false");
  if (c.distinct_bound !== void 0 && c.distinct_bound !== "lower")
    bad(file, `${field}.distinct_bound`, '"lower"');
  checkTop(file, `${field}.top`, c.top);
  if (c.values !== void 0) checkCounts(file, `${field}.values`, c.values);
  if (c.distribution !== void 0) checkDistribution(file, `${field}.distribution`, c.distribution);
  if (c.histogram !== void 0) checkHistogram(file, `${field}.histogram`, c.histogram);
  if (c.hll !== void 0)
    try {
      Hll.fromJSON(c.hll);
    } catch (error) {
      bad(file, `${field}.hll`, `a HyperLogLog sketch mlci wrote (${error.message})`);
    }
  const length = c.length;
  if (length !== void 0 && !(isObject(length) && isCount(length.min) && isCount(length.max)))
    bad(file, `${field}.length`, "{min, max}");
}
function checkStatistics(value, file) {
  if (!isStatistics(value) || !isObject(value))
    throw new InputError(`${file}: not an mlci statistics.json (no "format": "mlci-statistics")`);
  const s = value;
  if (s.version !== 1)
    bad(file, "version", `1 (this mlci reads version 1, the file has ${JSON.stringify(s.version)})`);
  const source = s.source;
  if (!isObject(source) || typeof source.path !== "string" || typeof source.format !== "string")
    bad(file, "source", "an object with a path, files and format");
  checkCount(file, "source.files", source.files);
  checkCount(file, "rows", s.rows);
  checkCount(file, "duplicate_rows", s.duplicate_rows);
  if (!isObject(s.columns)) bad(file, "columns", "an object of column statistics");
  for (const [name, c] of Object.entries(s.columns))
    checkColumn(file, `columns.${name}`, c, s.rows);
  if (s.label !== void 0) {
    if (!isObject(s.label) || typeof s.label.column !== "string")
      bad(file, "label", "an object with a column");
    checkCounts(file, "label.distribution", s.label.distribution);
  }
  if (s.merged_from !== void 0 && !(isCount(s.merged_from) && s.merged_from > 0))
    bad(file, "merged_from", "a whole number ≥ 1");
  return value;
}

export {
  Hll,
  QUANTILES,
  VALUE_CAP,
  SUMMARY_POINTS,
  HISTOGRAM_BINS,
  isStatistics,
  checkStatistics
};
