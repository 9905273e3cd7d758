import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/train/params.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
async function loadParamsFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError(`params file not found: ${path}`);
  }
  let value;
  try {
    value = path.toLowerCase().endsWith(".json") ? JSON.parse(text) : (0, import_yaml.parse)(text);
  } catch (error) {
    throw new InputError(
      `${path}: not valid ${path.endsWith(".json") ? "JSON" : "YAML"} (${firstLine(error)})`
    );
  }
  if (value === null || value === void 0) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(
      `${path}: expected a mapping of param names to values, got ${Array.isArray(value) ? "a list" : typeof value}`
    );
  }
  return value;
}
function parseOverrides(pairs, what = "--set") {
  const out = {};
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === "" || pair.startsWith("#")) continue;
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new InputError(`${what}: got "${raw}", expected key=value`);
    const key = pair.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/.test(key)) {
      throw new InputError(
        `${what}: "${key}" is not a param name (letters, digits, _ and -, dotted for nesting)`
      );
    }
    setOwn(out, key, parseScalar(pair.slice(eq + 1).trim()));
  }
  return out;
}
function parseScalar(text) {
  if (text === "") return "";
  try {
    const value = (0, import_yaml.parse)(text);
    if (value === null && !/^(null|~)$/i.test(text)) return text;
    if (value instanceof Date || typeof value === "object" && value !== null && !/^[[{]/.test(text))
      return text;
    return value;
  } catch {
    return text;
  }
}
function applyOverrides(params, overrides) {
  const out = structuredClone(params);
  for (const [key, value] of Object.entries(overrides)) {
    const path = key.split(".");
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : void 0;
      if (next === null || typeof next !== "object" || Array.isArray(next)) setOwn(node, part, {});
      node = node[part];
    }
    setOwn(node, path[path.length - 1], value);
  }
  return out;
}
function setOwn(node, key, value) {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}
function parseParams(text, name = 'input "params"') {
  const pairs = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    const pieces = splitTopLevel(line).map((piece) => piece.trim());
    for (const piece of pieces.filter((p) => p !== "")) {
      if (pieces.length > 1 && !piece.includes("="))
        throw new InputError(
          `${name}: got "${piece}" after a comma in "${line.trim()}", expected key=value (quote a value that holds a comma: note="a,b")`
        );
      pairs.push(piece);
    }
  }
  parseOverrides(pairs, name);
  return pairs;
}
var CLOSING = { "[": "]", "{": "}" };
function splitTopLevel(line) {
  const pieces = [];
  const open = [];
  let quote = null;
  let start = 0;
  let previous = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === "\\") i++;
      else if (quote === "'" && c === "'" && line[i + 1] === "'") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if ((c === '"' || c === "'") && /^[=[{,:]?$/.test(previous)) quote = c;
    else if (c in CLOSING) open.push(CLOSING[c]);
    else if ((c === "]" || c === "}") && open.pop() !== c) return [line];
    else if (c === "," && open.length === 0) {
      pieces.push(line.slice(start, i));
      start = i + 1;
    }
    if (c.trim() !== "") previous = c;
  }
  if (quote || open.length > 0) return [line];
  pieces.push(line.slice(start));
  return pieces;
}

export {
  loadParamsFile,
  parseOverrides,
  applyOverrides,
  parseParams
};
