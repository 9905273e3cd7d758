import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  BinCounter,
  engineHll,
  equalWidthEdges
} from "./chunk-RZF5HKRA.js";
import {
  Hll,
  QUANTILES,
  SUMMARY_POINTS,
  VALUE_CAP,
  checkStatistics
} from "./chunk-TDVX5RST.js";
import {
  connection,
  sqlIdent
} from "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import {
  readInput,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/data/merge.ts
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";

// src/data/sketch/categorical.ts
var SAFE_TYPE = /^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\d*\])*$/;
var tables = 0;
async function sketchListed(values, type, where) {
  if (!SAFE_TYPE.test(type))
    throw new InputError(`${where}: type "${type}" cannot be re-hashed to merge above the value cap`);
  const db = await connection();
  const name = `mlci_merge_values_${tables++}`;
  const table = sqlIdent(name);
  await db.run(`CREATE OR REPLACE TABLE ${table} (v VARCHAR)`);
  try {
    const appender = await db.createAppender(name);
    try {
      for (const v of values) {
        appender.appendVarchar(v);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return await registers(table, type, where);
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
async function registers(table, type, where) {
  try {
    return await engineHll(await connection(), `SELECT hash(CAST(v AS ${type})) AS h FROM ${table}`);
  } catch (error) {
    throw new InputError(`${where}: a listed value is not a ${type} (${error.message})`);
  }
}

// src/data/sketch/quantiles.ts
function lerp(a, b, t) {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
function pool(distributions) {
  const pairs = [];
  for (const d of distributions) d.values.forEach((v, i) => pairs.push([v, d.counts[i]]));
  pairs.sort((a, b) => a[0] - b[0]);
  const values = [];
  const counts = [];
  for (const [v, c] of pairs) {
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1] += c;
    else {
      values.push(v);
      counts.push(c);
    }
  }
  return { values, counts };
}
function quantilesOf(values, counts, n) {
  const out = {};
  for (const [name, p] of QUANTILES) {
    if (n === 0) {
      out[name] = null;
      continue;
    }
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    let cum = 0;
    let a = NaN;
    let b = NaN;
    for (let i = 0; i < values.length && Number.isNaN(b); i++) {
      cum += counts[i];
      if (Number.isNaN(a) && lo < cum) a = values[i];
      if (hi < cum) b = values[i];
    }
    if (Number.isNaN(b)) b = values[values.length - 1];
    if (Number.isNaN(a)) a = b;
    out[name] = lerp(a, b, h - lo);
  }
  return out;
}
function compress(values, counts, n) {
  const k = Math.min(SUMMARY_POINTS, Math.max(1, Math.round(n)));
  const out = [];
  let cum = 0;
  let i = 0;
  for (let j = 0; j < k; j++) {
    const target = (j + 0.5) * n / k;
    while (i < values.length - 1 && cum + counts[i] <= target) {
      cum += counts[i];
      i++;
    }
    out.push(values[i]);
  }
  return out;
}

// src/data/merge.ts
function sameEdges(hs) {
  return hs.every(
    (h) => h.edges.length === hs[0].edges.length && h.edges.every((e, i) => e === hs[0].edges[i])
  );
}
var SIGNED = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"];
var UNSIGNED = ["UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"];
function widenType(kind, types) {
  const distinct = [...new Set(types)];
  if (distinct.length === 1) return distinct[0];
  const signed = distinct.map((t) => SIGNED.indexOf(t));
  const unsigned = distinct.map((t) => UNSIGNED.indexOf(t));
  if (distinct.every((_, i) => signed[i] >= 0 || unsigned[i] >= 0)) {
    if (unsigned.every((u) => u >= 0)) return UNSIGNED[Math.max(...unsigned)];
    const width = Math.max(...distinct.map((_, i) => signed[i] >= 0 ? signed[i] : unsigned[i] + 1));
    return width < SIGNED.length ? SIGNED[width] : "DOUBLE";
  }
  if (kind === "numeric") return "DOUBLE";
  if (kind === "datetime")
    return distinct.some((t) => /TIME ZONE|TIMESTAMPTZ/i.test(t)) ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
  return "VARCHAR";
}
function numericMoments(out, parts) {
  let mean = 0;
  let m2 = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    out.count += p.count;
    out.missing += p.missing;
    out.present += p.present;
    out.nan += p.nan ?? 0;
    out.pos_inf += p.pos_inf ?? 0;
    out.neg_inf += p.neg_inf ?? 0;
    out.zeros += p.zeros ?? 0;
    const nb = p.finite ?? 0;
    if (nb === 0) continue;
    const na = out.finite;
    const n2 = na + nb;
    const delta = (p.mean ?? 0) - mean;
    mean += delta * nb / n2;
    m2 += (p.m2 ?? 0) + delta * delta * na * nb / n2;
    sum += p.sum ?? 0;
    out.finite = n2;
    min = Math.min(min, p.min);
    max = Math.max(max, p.max);
  }
  const n = out.finite;
  if (n > 0) Object.assign(out, { min, max, mean, m2, sum, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : null });
}
function numericSketch(parts) {
  const hll = new Hll();
  for (const p of parts) {
    if (p.hll) hll.merge(Hll.fromJSON(p.hll));
    else if (p.distribution?.kind === "exact") for (const v of p.distribution.values) hll.addNumber(v);
  }
  return hll;
}
function numericTop(parts) {
  const top = /* @__PURE__ */ new Map();
  const add = (value, count) => {
    const key = String(value);
    const entry = top.get(key);
    if (entry) entry.count += count;
    else top.set(key, { value, count });
  };
  for (const p of parts) {
    const d = p.distribution;
    if (d?.kind === "exact") d.values.forEach((v, i) => add(v, d.counts[i]));
    else for (const t of p.top) add(t.value, t.count);
  }
  return [...top.values()].sort((a, b) => b.count - a.count || byValue(a.value, b.value)).slice(0, 10);
}
function byValue(a, b) {
  if (typeof a === "string" && typeof b === "string" && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return Number(a) - Number(b);
}
function numericHistogram(out, finiteParts, pooled) {
  const hists = finiteParts.filter((p) => p.histogram).map((p) => p.histogram);
  if (hists.length === finiteParts.length && hists.length > 0 && sameEdges(hists)) {
    const counts = hists[0].counts.map((_, i) => hists.reduce((s, h) => s + h.counts[i], 0));
    const histogram = { edges: hists[0].edges, counts };
    const below = hists.reduce((s, h) => s + (h.below ?? 0), 0);
    const above = hists.reduce((s, h) => s + (h.above ?? 0), 0);
    if (below) histogram.below = below;
    if (above) histogram.above = above;
    out.histogram = histogram;
    return;
  }
  const counter = new BinCounter(equalWidthEdges(out.min, out.max));
  pooled.values.forEach((v, i) => counter.add(v, pooled.counts[i]));
  out.histogram = { edges: counter.edges, counts: Array.from(counter.counts) };
}
function mergeNumeric(name, parts) {
  const stats = parts.map((p) => p.stats);
  const out = {
    kind: "numeric",
    type: "",
    count: 0,
    missing: 0,
    present: 0,
    nan: 0,
    pos_inf: 0,
    neg_inf: 0,
    zeros: 0,
    finite: 0,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  numericMoments(out, stats);
  const n = out.finite;
  if (n === 0) return out;
  const finiteParts = parts.filter((p) => (p.stats.finite ?? 0) > 0);
  const lacking = finiteParts.find((p) => !p.stats.distribution);
  if (lacking)
    throw new InputError(
      `${lacking.file}: "columns.${name}.distribution" is missing; re-create the shard with this version of mlci`
    );
  const dists = finiteParts.map((p) => p.stats.distribution);
  const pooled = pool(dists);
  const allExact = dists.every((d) => d.kind === "exact");
  const hll = numericSketch(finiteParts.map((p) => p.stats));
  if (allExact && pooled.values.length <= VALUE_CAP) {
    out.distribution = { kind: "exact", values: pooled.values, counts: pooled.counts };
  } else {
    const points = compress(pooled.values, pooled.counts, n);
    const inputError = Math.max(0, ...dists.map((d) => d.rank_error ?? 0));
    out.distribution = {
      kind: "quantiles",
      values: points,
      counts: points.map(() => n / points.length),
      rank_error: inputError + 1 / points.length
    };
  }
  if (allExact) out.distinct = pooled.values.length;
  else Object.assign(out, { distinct: hll.estimate(), distinct_exact: false });
  out.hll = hll.toJSON();
  out.quantiles = quantilesOf(pooled.values, pooled.counts, n);
  numericHistogram(
    out,
    stats.filter((p) => (p.finite ?? 0) > 0),
    { kind: "exact", ...pooled }
  );
  out.top = numericTop(stats);
  return out;
}
function listedValues(parts) {
  const values = /* @__PURE__ */ new Map();
  let complete = true;
  for (const p of parts) {
    if (p.values) for (const [k, c] of Object.entries(p.values)) values.set(k, (values.get(k) ?? 0) + c);
    else complete = false;
  }
  return { values, complete };
}
function mergeCategorical(name, parts) {
  const stats = parts.map((p) => p.stats);
  const out = {
    kind: stats[0].kind,
    type: "",
    count: 0,
    missing: 0,
    present: 0,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  for (const p of stats) {
    out.count += p.count;
    out.missing += p.missing;
    out.present += p.present;
    if (p.length)
      out.length = {
        min: Math.min(out.length?.min ?? Infinity, p.length.min),
        max: Math.max(out.length?.max ?? -Infinity, p.length.max)
      };
  }
  const { values, complete } = listedValues(stats);
  const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  if (complete && values.size <= VALUE_CAP) {
    out.values = Object.fromEntries([...values.entries()].sort(byCount));
    out.distinct = values.size;
  } else {
    const unsketched = parts.find((p) => p.stats.present > 0 && !p.stats.hll);
    if (unsketched)
      throw new InputError(
        `${unsketched.file}: "columns.${name}.hll" is missing, and the merged column is above ${VALUE_CAP} values`
      );
    const hll = new Hll();
    for (const p of stats) if (p.hll) hll.merge(Hll.fromJSON(p.hll));
    out.hll = hll.toJSON();
    if (complete) out.distinct = values.size;
    else
      Object.assign(out, {
        distinct: Math.max(values.size, ...stats.map((p) => p.distinct), hll.estimate()),
        distinct_exact: false
      });
  }
  const top = new Map(values);
  for (const p of stats)
    if (!p.values) for (const t of p.top) top.set(String(t.value), (top.get(String(t.value)) ?? 0) + t.count);
  out.top = [...top.entries()].sort(byCount).slice(0, 10).map(([value, count]) => ({ value, count }));
  return out;
}
function datetimeDistinct(parts) {
  const live = parts.filter((p) => p.present > 0);
  if (live.length === 0) return { distinct: 0, distinct_exact: true };
  const exact = live.every((p) => p.distinct_exact && !p.distinct_bound);
  if (live.length === 1 && exact) return { distinct: live[0].distinct, distinct_exact: true };
  const sorted = [...live].sort((a, b) => String(a.min) < String(b.min) ? -1 : 1);
  const disjoint = new Set(live.map((p) => p.type)).size === 1 && sorted.every((p, i) => i === 0 || String(sorted[i - 1].max) < String(p.min));
  if (exact && disjoint) return { distinct: live.reduce((s, p) => s + p.distinct, 0), distinct_exact: true };
  return {
    distinct: Math.max(...live.map((p) => p.distinct)),
    distinct_exact: false,
    distinct_bound: "lower"
  };
}
function mergeDatetime(parts) {
  const stats = parts.map((p) => p.stats);
  const mins = stats.map((p) => p.min).filter((m) => typeof m === "string");
  const maxs = stats.map((p) => p.max).filter((m) => typeof m === "string");
  return {
    kind: "datetime",
    type: "",
    count: stats.reduce((s, p) => s + p.count, 0),
    missing: stats.reduce((s, p) => s + p.missing, 0),
    present: stats.reduce((s, p) => s + p.present, 0),
    min: mins.length ? mins.sort()[0] : null,
    max: maxs.length ? maxs.sort()[maxs.length - 1] : null,
    ...datetimeDistinct(stats),
    top: []
  };
}
function mergeColumn(column, parts, absentRows) {
  const present = parts.filter((p) => p.stats.present > 0);
  const kind = (present[0] ?? parts[0]).stats.kind;
  const clash = present.find((p) => p.stats.kind !== kind);
  if (clash)
    throw new InputError(
      `column "${column}" is ${kind} in ${present[0].file} but ${clash.stats.kind} in ${clash.file}; shards must share a schema`
    );
  const deciding = present.length > 0 ? present : parts.filter((p) => p.stats.kind === kind);
  const out = kind === "numeric" ? mergeNumeric(column, deciding) : kind === "datetime" ? mergeDatetime(deciding) : mergeCategorical(column, deciding);
  out.type = widenType(
    kind,
    deciding.map((p) => p.stats.type)
  );
  const extra = parts.filter((p) => !deciding.includes(p)).reduce((s, p) => s + p.stats.count, absentRows);
  out.count += extra;
  out.missing += extra;
  return out;
}
function columnsOf(parts) {
  const columns = /* @__PURE__ */ new Map();
  for (const { name, stats } of parts)
    for (const [column, s] of Object.entries(stats.columns))
      columns.set(column, [...columns.get(column) ?? [], { file: name, stats: s }]);
  return columns;
}
function mergeLabels(parts) {
  const labelled = parts.filter((p) => p.stats.label !== void 0);
  if (labelled.length === 0) return void 0;
  const column = labelled[0].stats.label.column;
  const other = labelled.find((p) => p.stats.label.column !== column);
  if (other)
    throw new InputError(
      `${other.name}: "label.column" is "${other.stats.label.column}" but "${column}" in ${labelled[0].name}`
    );
  const distribution = /* @__PURE__ */ new Map();
  for (const p of labelled)
    for (const [k, c] of Object.entries(p.stats.label.distribution))
      distribution.set(k, (distribution.get(k) ?? 0) + c);
  return { column, distribution: Object.fromEntries(distribution) };
}
function mergeStatistics(parts) {
  for (const p of parts) checkStatistics(p.stats, p.name);
  return mergeChecked(parts);
}
function mergeChecked(parts) {
  if (parts.length === 0) throw new InputError("stats merge: no files given");
  const columns = columnsOf(parts);
  const merged = {
    format: "mlci-statistics",
    version: 1,
    source: {
      path: parts.map((p) => p.stats.source.path).join(", "),
      files: parts.reduce((s, p) => s + p.stats.source.files, 0),
      format: parts[0].stats.source.format
    },
    rows: parts.reduce((s, p) => s + p.stats.rows, 0),
    duplicate_rows: parts.reduce((s, p) => s + p.stats.duplicate_rows, 0),
    // fromEntries defines own keys, so a column named "__proto__" is kept like any other.
    columns: Object.fromEntries(
      [...columns].map(([column, list]) => {
        const absentRows = parts.filter((p) => !list.some((l) => l.file === p.name)).reduce((s, p) => s + p.stats.rows, 0);
        return [column, mergeColumn(column, list, absentRows)];
      })
    ),
    merged_from: parts.reduce((s, p) => s + (p.stats.merged_from ?? 1), 0)
  };
  const label = mergeLabels(parts);
  if (label) merged.label = label;
  return merged;
}
async function sketchCategoricalShards(parts) {
  const copies = parts.map((p) => ({ name: p.name, stats: { ...p.stats, columns: { ...p.stats.columns } } }));
  for (const [column, list] of columnsOf(parts)) {
    const listing = list.filter(
      (l) => l.stats.kind !== "numeric" && l.stats.kind !== "datetime" && l.stats.present > 0
    );
    const { values, complete } = listedValues(listing.map((l) => l.stats));
    if (complete && values.size <= VALUE_CAP) continue;
    for (const l of listing) {
      if (l.stats.hll || !l.stats.values) continue;
      const where = `${l.file}: "columns.${column}"`;
      const hll = await sketchListed(Object.keys(l.stats.values), l.stats.type, where);
      const copy = copies.find((c) => c.name === l.file);
      Object.defineProperty(copy.stats.columns, column, {
        value: { ...l.stats, hll: hll.toJSON() },
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
  }
  return copies;
}
async function identity(file) {
  return realpath(file).catch(() => resolve(file));
}
async function mergeStatisticsFiles(files, out) {
  const parts = [];
  const seen = /* @__PURE__ */ new Map();
  for (const file of files) {
    const text = await readInput(file, "statistics file", "utf8");
    const real = await identity(file);
    if (seen.has(real))
      throw new InputError(`${file}: given twice (also as ${seen.get(real)}); each shard counts once`);
    seen.set(real, file);
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${file}: not valid JSON (${error.message})`);
    }
    parts.push({ name: file, stats: checkStatistics(value, file) });
  }
  const merged = mergeChecked(await sketchCategoricalShards(parts));
  if (out) await writeJsonAtomic(out, merged);
  return merged;
}
export {
  mergeStatistics,
  mergeStatisticsFiles,
  widenType
};
