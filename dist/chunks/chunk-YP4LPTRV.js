import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/config/parse.ts
function parseNumber(text, name, bounds = {}) {
  if (text === void 0) return void 0;
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (n === 0 && /[1-9]/.test(text.split(/[eE]/)[0]))
    throw new InputError(`${name}: got "${text}", a number too small to tell from 0 (it would be read as 0)`);
  return bounded(text, name, n, "a number", bounds);
}
var DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
function parseInteger(text, name, bounds = {}) {
  if (text === void 0) return void 0;
  const n = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN;
  return bounded(text, name, Number.isSafeInteger(n) ? n : NaN, "a whole number", bounds);
}
function bounded(text, name, n, kind, bounds) {
  const { min, max, exclusiveMin } = bounds;
  const ok = Number.isFinite(n) && (min === void 0 || (exclusiveMin ? n > min : n >= min)) && (max === void 0 || n <= max);
  if (!ok) throw new InputError(`${name}: got "${text}", expected ${describeBounds(kind, bounds)}`);
  return n;
}
function parseProbability(text, name) {
  if (text === void 0) return void 0;
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 1)) throw new InputError(`${name}: got "${text}", expected a probability in [0, 1]`);
  return n;
}
function parseSeed(text, name) {
  return parseInteger(text, name, { min: 0 });
}
var TASKS = ["binary", "multiclass", "regression"];
function parseTask(text, name) {
  if (text === void 0) return void 0;
  const task = text.trim();
  if (!TASKS.includes(task))
    throw new InputError(`${name}: got "${text}", expected ${TASKS.join(", ")}`);
  return task;
}
function parseList(text, _name) {
  if (text === void 0) return void 0;
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function parseBoolean(text, name) {
  if (text === void 0) return void 0;
  const value = text.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  throw new InputError(`${name}: got "${text}", expected true or false`);
}
function parseFormat(text, name) {
  if (text === void 0) return void 0;
  if (text === "csv" || text === "jsonl" || text === "parquet") return text;
  throw new InputError(`${name}: got "${text}", expected csv, jsonl or parquet`);
}
function parseDelimiter(text, name) {
  if (text === void 0) return void 0;
  const d = text === "\\t" || text === "tab" ? "	" : text;
  if (d.length !== 1) throw new InputError(`${name}: got "${text}", expected one character (or \\t)`);
  return d;
}
function describeBounds(what, { min, max, exclusiveMin }) {
  if (min !== void 0 && max !== void 0) return `${what} in ${exclusiveMin ? "(" : "["}${min}, ${max}]`;
  if (min !== void 0) return `${what} ${exclusiveMin ? ">" : "≥"} ${min}`;
  if (max !== void 0) return `${what} ≤ ${max}`;
  return what;
}

export {
  parseNumber,
  parseInteger,
  parseProbability,
  parseSeed,
  parseTask,
  parseList,
  parseBoolean,
  parseFormat,
  parseDelimiter
};
