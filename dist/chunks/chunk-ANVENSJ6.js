import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/report/format.ts
var MINUS = "−";
var SUPERSCRIPT = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹"
};
var SMALL = 1e-3;
function scientific(magnitude) {
  const [mantissa, exponent] = magnitude.toExponential(1).split("e");
  const power = String(Number(exponent)).split("").map((c) => SUPERSCRIPT[c]).join("");
  return `${mantissa} × 10${power}`;
}
function magnitudeText(m, digits) {
  if (Number.isInteger(m)) return m.toLocaleString("en-US");
  if (m < SMALL) return scientific(m);
  if (m >= 1e3) return m.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  if (digits === 0) return Math.round(m).toLocaleString("en-US");
  return m.toFixed(digits);
}
function formatValue(x, digits = 4) {
  if (x === null || x === void 0) return "n/a";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : `${MINUS}∞`;
  const text = magnitudeText(Math.abs(x), digits);
  return x < 0 && text !== "0" ? `${MINUS}${text}` : text;
}
function formatSigned(x, digits = 4) {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return x > 0 ? "+∞" : `${MINUS}∞`;
  return `${x > 0 ? "+" : MINUS}${magnitudeText(Math.abs(x), digits)}`;
}
function formatPercent(fraction) {
  return `${formatSigned(fraction * 100, 2)} %`;
}
function countOf(n, singular, plural = `${singular}s`) {
  return `${formatValue(n)} ${n === 1 ? singular : plural}`;
}
function formatWithUnit(metric, x, signed = false) {
  if (x === null || x === void 0) return "n/a";
  const digits = unitDigits(metric, x);
  const text = signed ? formatSigned(x, digits) : formatValue(x, digits);
  const unit = unitOf(metric);
  if (!unit) return text;
  if (unit === "bytes") return `${text} ${Math.abs(x) === 1 ? "byte" : "bytes"}`;
  return `${text} ${unit}`;
}
function unitOf(metric) {
  if (metric.startsWith("latency_ms") || metric.endsWith("_ms")) return "ms";
  if (metric.endsWith("_bytes")) return "bytes";
  return "";
}
function unitDigits(metric, x) {
  if (unitOf(metric) !== "ms") return 4;
  const m = Math.abs(x);
  return m === 0 || m >= 100 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(m)));
}
function formatInterval(low, high, digits = 4) {
  return `[${formatSigned(low, digits)}, ${formatSigned(high, digits)}]`;
}
function formatPValue(p) {
  return formatValue(p);
}
function headline(summary) {
  return summary.replace(/^(pass|fail)\b/, (v) => v.toUpperCase());
}
function withoutVerdict(summary) {
  return summary.replace(/^(pass|fail)( \(rubber stamp\))?: /, "");
}

export {
  formatValue,
  formatSigned,
  formatPercent,
  countOf,
  formatWithUnit,
  unitOf,
  formatInterval,
  formatPValue,
  headline,
  withoutVerdict
};
