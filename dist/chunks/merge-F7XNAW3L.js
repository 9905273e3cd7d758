import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  BinCounter,
  Hll,
  equalWidthEdges
} from "./chunk-PXCSDXTB.js";
import {
  QUANTILES,
  SUMMARY_POINTS,
  VALUE_CAP,
  isStatistics
} from "./chunk-N7I2YJR6.js";
import "./chunk-BQLEISGD.js";
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
function sameEdges(hs) {
  return hs.every(
    (h) => h.edges.length === hs[0].edges.length && h.edges.every((e, i) => e === hs[0].edges[i])
  );
}
function mergeNumeric(name, parts) {
  const out = {
    kind: "numeric",
    type: parts[0].type,
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
  if (n === 0) return out;
  Object.assign(out, { min, max, mean, m2, sum, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : null });
  const dists = parts.filter((p) => (p.finite ?? 0) > 0).map((p) => p.distribution);
  if (dists.some((d) => !d))
    throw new InputError(
      `column "${name}": a shard has no stored distribution; re-create it with this version of mlci`
    );
  const pooled = pool(dists);
  const allExact = dists.every((d) => d.kind === "exact");
  if (allExact && pooled.values.length <= VALUE_CAP) {
    out.distribution = { kind: "exact", values: pooled.values, counts: pooled.counts };
    out.distinct = pooled.values.length;
  } else {
    const points = compress(pooled.values, pooled.counts, n);
    const inputError = Math.max(0, ...dists.map((d) => d.rank_error ?? 0));
    out.distribution = {
      kind: "quantiles",
      values: points,
      counts: points.map(() => n / points.length),
      rank_error: inputError + 1 / points.length
    };
    if (allExact) out.distinct = pooled.values.length;
    else {
      const hll2 = new Hll();
      for (const p of parts) if (p.hll) hll2.merge(Hll.fromJSON(p.hll));
      out.distinct = hll2.estimate();
      out.distinct_exact = false;
    }
  }
  const hll = new Hll();
  for (const p of parts) if (p.hll) hll.merge(Hll.fromJSON(p.hll));
  out.hll = hll.toJSON();
  out.quantiles = out.distribution.kind === "exact" || allExact ? quantilesOf(pooled.values, pooled.counts, n) : quantilesOf(pooled.values, pooled.counts, n);
  const hists = parts.filter((p) => p.histogram).map((p) => p.histogram);
  if (hists.length === parts.filter((p) => (p.finite ?? 0) > 0).length && hists.length > 0 && sameEdges(hists)) {
    const counts = hists[0].counts.map((_, i) => hists.reduce((s, h) => s + h.counts[i], 0));
    const histogram = { edges: hists[0].edges, counts };
    const below = hists.reduce((s, h) => s + (h.below ?? 0), 0);
    const above = hists.reduce((s, h) => s + (h.above ?? 0), 0);
    if (below) histogram.below = below;
    if (above) histogram.above = above;
    out.histogram = histogram;
  } else {
    const counter = new BinCounter(equalWidthEdges(min, max));
    pooled.values.forEach((v, i) => counter.add(v, pooled.counts[i]));
    out.histogram = { edges: counter.edges, counts: Array.from(counter.counts) };
  }
  const top = /* @__PURE__ */ new Map();
  if (allExact) pooled.values.forEach((v, i) => top.set(v, pooled.counts[i]));
  else
    for (const p of parts)
      for (const t of p.top) top.set(Number(t.value), (top.get(Number(t.value)) ?? 0) + t.count);
  out.top = [...top.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10).map(([value, count]) => ({ value, count }));
  return out;
}
function mergeCategorical(parts) {
  const out = {
    kind: parts[0].kind,
    type: parts[0].type,
    count: 0,
    missing: 0,
    present: 0,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  const values = /* @__PURE__ */ new Map();
  let complete = true;
  for (const p of parts) {
    out.count += p.count;
    out.missing += p.missing;
    out.present += p.present;
    if (p.values) for (const [k, c] of Object.entries(p.values)) values.set(k, (values.get(k) ?? 0) + c);
    else complete = false;
    if (p.length)
      out.length = {
        min: Math.min(out.length?.min ?? Infinity, p.length.min),
        max: Math.max(out.length?.max ?? -Infinity, p.length.max)
      };
  }
  if (complete && values.size <= VALUE_CAP) {
    out.values = Object.fromEntries(
      [...values.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    );
    out.distinct = values.size;
  } else {
    const hlls = parts.filter((p) => p.hll).map((p) => Hll.fromJSON(p.hll));
    const hll = new Hll();
    for (const h of hlls) hll.merge(h);
    out.distinct = Math.max(
      values.size,
      ...parts.map((p) => p.distinct),
      hlls.length > 0 ? hll.estimate() : 0
    );
    out.distinct_exact = false;
    if (hlls.length > 0) out.hll = hll.toJSON();
  }
  const top = new Map(values);
  if (!complete) {
    for (const p of parts)
      for (const t of p.top)
        if (!values.has(String(t.value))) top.set(String(t.value), (top.get(String(t.value)) ?? 0) + t.count);
  }
  out.top = [...top.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([value, count]) => ({ value, count }));
  return out;
}
function mergeDatetime(parts) {
  const mins = parts.map((p) => p.min).filter((m) => typeof m === "string");
  const maxs = parts.map((p) => p.max).filter((m) => typeof m === "string");
  return {
    kind: "datetime",
    type: parts[0].type,
    count: parts.reduce((s, p) => s + p.count, 0),
    missing: parts.reduce((s, p) => s + p.missing, 0),
    present: parts.reduce((s, p) => s + p.present, 0),
    min: mins.length ? mins.sort()[0] : null,
    max: maxs.length ? maxs.sort()[maxs.length - 1] : null,
    distinct: Math.max(...parts.map((p) => p.distinct)),
    distinct_exact: parts.length === 1,
    top: []
  };
}
function mergeStatistics(parts) {
  if (parts.length === 0) throw new InputError("stats merge: no files given");
  const columns = /* @__PURE__ */ new Map();
  for (const { name, stats } of parts) {
    for (const [column, s] of Object.entries(stats.columns)) {
      const list = columns.get(column) ?? [];
      if (list.length > 0 && list[0].stats.kind !== s.kind) {
        throw new InputError(
          `column "${column}" is ${list[0].stats.kind} in ${list[0].file} but ${s.kind} in ${name}; shards must share a schema`
        );
      }
      list.push({ file: name, stats: s });
      columns.set(column, list);
    }
  }
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
    columns: {},
    merged_from: parts.reduce((s, p) => s + (p.stats.merged_from ?? 1), 0)
  };
  for (const [column, list] of columns) {
    const stats = list.map((l) => l.stats);
    const kind = stats[0].kind;
    merged.columns[column] = kind === "numeric" ? mergeNumeric(column, stats) : kind === "datetime" ? mergeDatetime(stats) : mergeCategorical(stats);
  }
  const labels = parts.map((p) => p.stats.label).filter((l) => l !== void 0);
  if (labels.length > 0) {
    const distribution = {};
    for (const l of labels)
      for (const [k, c] of Object.entries(l.distribution)) distribution[k] = (distribution[k] ?? 0) + c;
    merged.label = { column: labels[0].column, distribution };
  }
  return merged;
}
async function mergeStatisticsFiles(files, out) {
  const parts = [];
  for (const file of files) {
    const text = await readInput(file, "statistics file", "utf8");
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${file}: not valid JSON (${error.message})`);
    }
    if (!isStatistics(value))
      throw new InputError(`${file}: not an mlci statistics.json (no "format": "mlci-statistics")`);
    parts.push({ name: file, stats: value });
  }
  const merged = mergeStatistics(parts);
  if (out) await writeJsonAtomic(out, merged);
  return merged;
}
export {
  mergeStatistics,
  mergeStatisticsFiles,
  quantilesOf
};
