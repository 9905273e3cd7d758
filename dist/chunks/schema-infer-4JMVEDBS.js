import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  MIN_DOMAIN_COUNT
} from "./chunk-WWMGPTOC.js";
import {
  re2Pattern
} from "./chunk-KZNYQM7F.js";
import {
  kindOf
} from "./chunk-CZJ54TB3.js";
import {
  sqlIdent,
  sqlString
} from "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-36UX5SSD.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/data/schema-infer.ts
function closedDomain(s) {
  return s.values !== void 0 && s.distinct <= MAX_DOMAIN && Object.values(s.values).every((count) => count >= MIN_DOMAIN_COUNT);
}
var PATTERNS = [
  ["^[0-9]+$", "digits"],
  ["^[A-Z]+$", "upper-case letters"],
  ["^[a-z]+$", "lower-case letters"],
  ["^[A-Za-z]+$", "letters"],
  ["^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "UUID"],
  ["^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "e-mail address"],
  ["^[A-Za-z0-9]+$", "letters and digits"],
  ["^[A-Za-z0-9_.-]+$", "identifier"],
  ["^\\S+$", "no whitespace"]
];
async function inferSchema(db, source, stats, options = {}) {
  const properties = {};
  for (const info of source.columns) {
    const s = stats.columns[info.name];
    properties[info.name] = await inferColumn(db, source.table, info.name, info.type, s, options);
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `Row of ${source.path}`,
    description: `Inferred by mlci from ${stats.rows} rows. Edit freely: ranges, domains and x-mlci-* limits are checked by \`mlci validate-data --schema\`.`,
    type: "object",
    properties,
    required: source.columns.map((c) => c.name),
    additionalProperties: false
  };
}
async function inferColumn(db, table, name, type, s, options) {
  const nullable = s.missing > 0;
  const withNull = (t) => nullable ? [t, "null"] : t;
  const out = {};
  if (s.kind === "numeric") {
    const integer = /INT/.test(type);
    out.type = withNull(integer ? "integer" : "number");
    if (typeof s.min === "number") out[options.ranges ? "minimum" : "x-mlci-observed-min"] = s.min;
    if (typeof s.max === "number") out[options.ranges ? "maximum" : "x-mlci-observed-max"] = s.max;
    out["x-mlci-allow-nan"] = (s.nan ?? 0) > 0;
    out["x-mlci-allow-inf"] = (s.pos_inf ?? 0) + (s.neg_inf ?? 0) > 0;
  } else if (s.kind === "datetime") {
    out.type = withNull("string");
    out.format = type === "DATE" ? "date" : type.startsWith("TIME") && !type.startsWith("TIMESTAMP") ? "time" : "date-time";
    if (typeof s.min === "string") out["x-mlci-min"] = s.min;
    if (typeof s.max === "string") out["x-mlci-max"] = s.max;
  } else if (s.kind === "boolean") {
    out.type = withNull("boolean");
  } else if (jsonType(type) !== "string") {
    const json = jsonType(type);
    if (json) out.type = withNull(json);
    if (kindOf(type) === "numeric" && closedDomain(s)) {
      out.enum = Object.keys(s.values).map(Number).sort((a, b) => a - b);
      if (nullable) out.enum.push(null);
    }
  } else {
    out.type = withNull("string");
    if (closedDomain(s)) {
      out.enum = Object.keys(s.values).sort();
      if (nullable) out.enum.push(null);
    } else {
      const pattern = await commonPattern(db, table, name);
      if (pattern) out.pattern = pattern;
      if (s.length) {
        out[options.ranges ? "minLength" : "x-mlci-observed-min-length"] = s.length.min;
        out[options.ranges ? "maxLength" : "x-mlci-observed-max-length"] = s.length.max;
      }
    }
  }
  out["x-mlci-kind"] = s.kind;
  if (s.count > 0 && s.present === s.count) out["x-mlci-min-present"] = 1;
  return out;
}
function jsonType(type) {
  if (kindOf(type) === "numeric") return /INT/.test(type) ? "integer" : "number";
  if (type.endsWith("]")) return "array";
  if (type.startsWith("STRUCT") || type.startsWith("MAP")) return "object";
  if (type === "JSON") return void 0;
  return "string";
}
async function commonPattern(db, table, name) {
  const x = `CAST(${sqlIdent(name)} AS VARCHAR)`;
  const checks = PATTERNS.map(([p]) => `bool_and(regexp_matches(${x}, ${sqlString(re2Pattern(p))}))`).join(
    ", "
  );
  const row = (await db.runAndReadAll(`SELECT ${checks} FROM ${sqlIdent(table)} WHERE ${sqlIdent(name)} IS NOT NULL`)).getRows()[0];
  const i = row.findIndex((v) => v === true);
  return i >= 0 ? PATTERNS[i][0] : void 0;
}
export {
  MAX_DOMAIN,
  MIN_DOMAIN_COUNT,
  inferSchema
};
