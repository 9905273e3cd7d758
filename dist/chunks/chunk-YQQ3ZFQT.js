import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MIN_INTERVAL_ROWS
} from "./chunk-JVGBYGGF.js";
import {
  countOf,
  formatInterval,
  formatPercent,
  formatSigned,
  formatValue,
  formatWithUnit,
  withoutVerdict
} from "./chunk-ANVENSJ6.js";
import {
  canonicalJson,
  sha256
} from "./chunk-5CQ3ZZSA.js";
import {
  dataVersionId
} from "./chunk-J2OQGLLM.js";
import {
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  higherIsBetter,
  metricSpec,
  sliceTableMetrics
} from "./chunk-RDRUDDB3.js";
import {
  escapeCell,
  escapeMarkdown,
  escapeMermaid
} from "./chunk-KFMS7UDB.js";

// src/lineage/what-changed.ts
function snapshotFromTraining(record) {
  return {
    params: record.params ?? null,
    seed: typeof record.seed === "number" ? record.seed : null,
    paramsFile: record.params_file ?? null,
    overrides: record.overrides ?? {},
    data: Array.isArray(record.data) ? record.data : null,
    commit: record.git?.commit ?? null,
    sources: Array.isArray(record.sources) ? record.sources : null,
    runtime: record.runtime ? {
      node: record.runtime.node ?? null,
      python: record.runtime.python ?? null,
      mlci: record.mlci_version ?? null
    } : null
  };
}
function snapshotFromVersion(lineage) {
  const { seed, ...params } = lineage.params ?? {};
  return {
    params: lineage.params ? params : null,
    seed: typeof seed === "number" ? seed : null,
    paramsFile: null,
    overrides: {},
    data: lineage.dataHashes ? Object.entries(lineage.dataHashes).map(([path, id]) => ({
      path,
      role: null,
      ...id.startsWith("md5:") ? { sha256: null, dvc: { md5: id.slice(4), size: null, file: "", path } } : { sha256: id }
    })) : null,
    commit: lineage.commit ?? null,
    sources: null,
    runtime: null
  };
}
function diffLineage(base, cand, baseline) {
  const unknown = [
    base.params === null && "the baseline’s parameters",
    base.data === null && "the baseline’s data",
    base.sources === null && "the baseline’s training sources",
    base.runtime === null && "the baseline’s runtime"
  ].filter(Boolean);
  const paramsFileChanged = base.paramsFile !== null && base.paramsFile !== cand.paramsFile;
  return {
    baseline,
    note: unknown.length > 0 ? `not recorded: ${unknown.join(", ")}` : null,
    params_file: paramsFileChanged ? { baseline: base.paramsFile, candidate: cand.paramsFile } : null,
    params: diffParams(base, cand),
    data: diffData(base.data, cand.data),
    code: diffCode(base, cand),
    environment: diffRuntime(base.runtime, cand.runtime)
  };
}
function nothingToCompare(baseline, note) {
  return { baseline, note, params_file: null, params: [], data: [], code: null, environment: [] };
}
function anythingChanged(w) {
  return w.params_file !== null || w.params.length > 0 || w.data.length > 0 || w.code !== null || w.environment.length > 0;
}
function diffParams(base, cand) {
  if (base.params === null || cand.params === null) return [];
  const a = flatten(base.params);
  const b = flatten(cand.params);
  const overridden = new Set(Object.keys(cand.overrides));
  const out = [];
  for (const name of [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const inA = name in a;
    const inB = name in b;
    if (inA && inB && canonicalJson(a[name]) === canonicalJson(b[name])) continue;
    out.push({
      name,
      change: !inA ? "added" : !inB ? "removed" : "changed",
      baseline: inA ? a[name] : null,
      candidate: inB ? b[name] : null,
      origin: [...overridden].some((o) => name === o || name.startsWith(`${o}.`)) ? "override" : "params_file"
    });
  }
  if (base.seed !== null && cand.seed !== null && base.seed !== cand.seed)
    out.push({ name: "seed", change: "changed", baseline: base.seed, candidate: cand.seed, origin: "seed" });
  return out;
}
function flatten(value2, prefix = "") {
  const out = {};
  for (const [key, v] of Object.entries(value2)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0)
      Object.assign(out, flatten(v, name));
    else out[name] = v;
  }
  return out;
}
function versionOf(file) {
  const id = dataVersionId(file);
  const md5 = id.startsWith("md5:");
  return {
    hash: md5 ? id.slice(4) : id,
    algorithm: md5 ? "md5" : "sha256",
    dvc_file: file.dvc?.file || null,
    rows: file.rows ?? null,
    columns: file.columns ?? null
  };
}
function diffData(base, cand) {
  if (base === null || cand === null) return [];
  const key = (f) => f.path;
  const before = new Map(base.map((f) => [key(f), f]));
  const after = new Map(cand.map((f) => [key(f), f]));
  const out = [];
  for (const path of [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && dataVersionId(a) === dataVersionId(b)) continue;
    const va = a ? versionOf(a) : null;
    const vb = b ? versionOf(b) : null;
    const colsA = va?.columns ?? null;
    const colsB = vb?.columns ?? null;
    out.push({
      path,
      role: b?.role ?? a?.role ?? null,
      change: !a ? "added" : !b ? "removed" : "changed",
      baseline: va,
      candidate: vb,
      columns_added: colsA && colsB ? colsB.filter((c) => !colsA.includes(c)) : [],
      columns_removed: colsA && colsB ? colsA.filter((c) => !colsB.includes(c)) : []
    });
  }
  return out;
}
function sourcesHash(s) {
  const list = codeSources(s);
  return list ? sha256(canonicalJson(list.map((f) => [f.path, f.sha256]))) : null;
}
function codeSources(s) {
  if (s.sources === null) return null;
  return s.sources.filter((f) => f.path !== s.paramsFile).sort((x, y) => x.path.localeCompare(y.path));
}
function diffCode(base, cand) {
  const a = codeSources(base);
  const b = codeSources(cand);
  const commit = { baseline: base.commit, candidate: cand.commit };
  const hashes = { baseline: sourcesHash(base), candidate: sourcesHash(cand) };
  if (a === null || b === null) {
    return base.commit && cand.commit && base.commit !== cand.commit ? { commit, sources_sha256: hashes, files: [] } : null;
  }
  if (hashes.baseline === hashes.candidate) return null;
  const before = new Map(a.map((f) => [f.path, f.sha256]));
  const after = new Map(b.map((f) => [f.path, f.sha256]));
  const files = [];
  for (const path of [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort()) {
    if (before.get(path) === after.get(path)) continue;
    files.push({ path, change: !before.has(path) ? "added" : !after.has(path) ? "removed" : "changed" });
  }
  return { commit, sources_sha256: hashes, files };
}
function diffRuntime(base, cand) {
  if (base === null || cand === null) return [];
  return [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(cand)])].filter((name) => (base[name] ?? null) !== (cand[name] ?? null)).map((name) => ({ name, baseline: base[name] ?? null, candidate: cand[name] ?? null }));
}

// src/report/what-changed-md.ts
var MAX_ITEMS = 8;
var SHORT_HASH = 8;
function renderWhatChanged(w) {
  if (!w) return [];
  if (w.baseline === null)
    return [`**What changed:** nothing to compare with (${escapeMarkdown(w.note ?? "no baseline")}).`, ""];
  const since = `**What changed** since ${escapeMarkdown(w.baseline)}`;
  const note = w.note ? ` _(${escapeMarkdown(w.note, 300)})_` : "";
  if (!anythingChanged(w)) {
    const what = w.note ? "nothing that the recorded lineage shows" : "nothing: same parameters, data, code and runtime";
    return [`${since}: ${what}.${note}`, ""];
  }
  const lines = [`${since}:${note}`, ""];
  if (w.params_file || w.params.length > 0) lines.push(`- **Parameters:** ${paramsText(w)}`);
  if (w.data.length > 0) lines.push(`- **Data:** ${capped(w.data.map(dataText))}`);
  if (w.code) lines.push(`- **Code:** ${codeText(w.code)}`);
  if (w.environment.length > 0)
    lines.push(
      `- **Environment:** ${capped(w.environment.map((e) => `${escapeMarkdown(e.name)} ${version(e.baseline)} → ${version(e.candidate)}`))}`
    );
  lines.push("");
  return lines;
}
function paramsText(w) {
  const items = w.params.map(paramText);
  if (w.params_file)
    items.unshift(`params file ${version(w.params_file.baseline)} → ${version(w.params_file.candidate)}`);
  return capped(items);
}
function paramText(p) {
  const name = escapeMarkdown(p.name);
  const from = p.origin === "override" ? " (set)" : "";
  if (p.change === "added") return `${name} added = ${value(p.candidate)}${from}`;
  if (p.change === "removed") return `${name} removed (was ${value(p.baseline)})`;
  return `${name} ${value(p.baseline)} → ${value(p.candidate)}${from}`;
}
function dataText(d) {
  const role = d.role ? ` (${escapeMarkdown(d.role)})` : "";
  const name = `${escapeMarkdown(d.path)}${role}`;
  if (d.change === "added") return `${name} added, ${versionText(d.candidate)}`;
  if (d.change === "removed") return `${name} removed (was ${versionText(d.baseline)})`;
  const parts = [hashChange(d.baseline, d.candidate)];
  const rowsA = d.baseline?.rows ?? null;
  const rowsB = d.candidate?.rows ?? null;
  if (rowsA !== null && rowsB !== null && rowsA !== rowsB)
    parts.push(`rows ${count(rowsA)} → ${count(rowsB)}`);
  if (d.columns_added.length > 0)
    parts.push(`columns added: ${d.columns_added.map((c) => escapeMarkdown(c)).join(", ")}`);
  if (d.columns_removed.length > 0)
    parts.push(`columns removed: ${d.columns_removed.map((c) => escapeMarkdown(c)).join(", ")}`);
  return `${name} ${parts.join(", ")}`;
}
function label(v) {
  return v.algorithm === "md5" ? `md5 (DVC${v.dvc_file ? ` ${escapeMarkdown(v.dvc_file)}` : ""})` : "sha256";
}
function hashChange(a, b) {
  if (!a || !b) return versionText(b ?? a);
  const short = (v) => escapeMarkdown(v.hash.slice(0, SHORT_HASH));
  if (a.algorithm === b.algorithm) return `${label(b)} ${short(a)} → ${short(b)}`;
  return `${label(a)} ${short(a)} → ${label(b)} ${short(b)}`;
}
function versionText(v) {
  if (!v) return "unknown version";
  const rows = v.rows !== null ? `, ${count(v.rows)} rows` : "";
  return `${label(v)} ${escapeMarkdown(v.hash.slice(0, SHORT_HASH))}${rows}`;
}
function codeText(code) {
  const parts = [];
  if (code.files.length > 0)
    parts.push(capped(code.files.map((f) => `${escapeMarkdown(f.path)} ${f.change}`)));
  const { baseline, candidate } = code.sources_sha256;
  if (baseline && candidate) parts.push(`sources ${shortHash(baseline)} → ${shortHash(candidate)}`);
  const c = code.commit;
  if (c.baseline || c.candidate)
    parts.push(
      c.baseline === c.candidate ? `commit ${shortHash(c.candidate)}` : `commit ${shortHash(c.baseline)} → ${shortHash(c.candidate)}`
    );
  return parts.join("; ");
}
function capped(items) {
  const shown = items.slice(0, MAX_ITEMS).join(", ");
  return items.length > MAX_ITEMS ? `${shown} and ${items.length - MAX_ITEMS} more (evaluation.json)` : shown;
}
function shortHash(text) {
  return text ? escapeMarkdown(text.slice(0, 7)) : "unknown";
}
function version(text) {
  return text === null ? "none" : escapeMarkdown(text, 60);
}
function value(v) {
  if (v === null || v === void 0) return "null";
  return escapeMarkdown(typeof v === "string" ? v : JSON.stringify(v), 60);
}
function count(n) {
  return n.toLocaleString("en-US");
}

// src/report/history-chart.ts
var HISTORY_LINE_COLOUR = "#e8710a";
var HISTORY_CHART = { width: 640, height: 220 };
var MIN_AXIS_SHARE = 0.1;
var FLAT_SHARE = 0.02;
var SPARKS = "▁▂▃▄▅▆▇█";
function axisRange(metric, values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const [rangeLow, rangeHigh] = metricSpec(metric)?.range ?? [-Infinity, Infinity];
  const bounded = Number.isFinite(rangeLow) && Number.isFinite(rangeHigh);
  const scale = bounded ? rangeHigh - rangeLow : Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const span = Math.max((hi - lo) * 1.2, scale * MIN_AXIS_SHARE);
  let low = (lo + hi) / 2 - span / 2;
  let high = low + span;
  if (low < rangeLow) [low, high] = [rangeLow, rangeLow + span];
  if (high > rangeHigh) [low, high] = [rangeHigh - span, rangeHigh];
  return [round(Math.max(low, rangeLow)), round(Math.min(high, rangeHigh))];
}
function round(x) {
  return Number(x.toPrecision(6));
}
function sparkline(values, [low, high]) {
  return values.map(
    (v) => SPARKS[Math.min(
      SPARKS.length - 1,
      Math.max(0, Math.floor((v - low) / (high - low || 1) * SPARKS.length))
    )]
  ).join("");
}
function chart(metric, labels, values, axis) {
  return [
    "```mermaid",
    "---",
    "config:",
    "  xyChart:",
    `    width: ${HISTORY_CHART.width}`,
    `    height: ${HISTORY_CHART.height}`,
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${HISTORY_LINE_COLOUR}"`,
    "---",
    "xychart-beta",
    `    title "${escapeMermaid(metric)}"`,
    `    x-axis [${labels.map((l) => `"${escapeMermaid(l)}"`).join(", ")}]`,
    `    y-axis "${escapeMermaid(metric)}" ${axis[0]} --> ${axis[1]}`,
    `    line [${values.map(round).join(", ")}]`,
    "```",
    ""
  ];
}
function renderHistory(lines, e) {
  if (!e.history || e.history.length < 2) return;
  const history = e.history;
  const flat = [];
  const charts = [];
  for (const m of Object.keys(history[0].metrics)) {
    const points = history.filter((h) => typeof h.metrics[m] === "number");
    if (points.length < 2) continue;
    const values = points.map((p) => p.metrics[m]);
    const axis = axisRange(m, values);
    const moved = (Math.max(...values) - Math.min(...values)) / (axis[1] - axis[0] || 1);
    if (moved < FLAT_SHARE) {
      const first = formatValue(values[0]);
      const last = formatValue(values[values.length - 1]);
      flat.push(
        `| \`${escapeMarkdown(m)}\` | ${sparkline(values, axis)} | ${first} → ${last} | ${escapeCell(points[0].label, 40)} → ${escapeCell(points[points.length - 1].label, 40)} |`
      );
    } else
      charts.push(
        ...chart(
          m,
          points.map((p) => p.label),
          values,
          axis
        )
      );
  }
  if (flat.length === 0 && charts.length === 0) return;
  lines.push("### History of gated metrics", "");
  if (flat.length > 0)
    lines.push("| metric | trend | first → last | versions |", "|---|---|---|---|", ...flat, "");
  lines.push(...charts);
}

// src/report/evaluation-md.ts
function changeWords(change) {
  if (change === "better") return "🟢 better";
  if (change === "worse") return "🔴 worse";
  if (change === "within_noise") return "within noise";
  return "—";
}
function formatDelta(m, d) {
  if (!d || d.delta === null) return "—";
  const i = d.interval;
  const ci = i && i.low !== null ? ` ${formatInterval(i.low, i.high)}` : "";
  return `${formatWithUnit(m, d.delta, true)}${ci}`;
}
function formatRelative(d) {
  if (!d || d.relative === null) return "—";
  return formatPercent(d.relative);
}
function gateText(g) {
  const icon = g.status === "pass" ? "✅" : g.status === "fail" ? "❌" : "⏭️";
  return `${icon} ${g.kind} ${formatValue(g.threshold)}`;
}
function renderEvaluationMarkdown(e, options = {}) {
  const lines = [];
  const title = options.title ?? "mlci evaluate";
  const name = e.model_name ? ` · ${escapeMarkdown(e.model_name)}` : "";
  const icon = e.verdict === "fail" ? "❌" : e.rubber_stamp ? "🟡" : "✅";
  lines.push(
    `## ${icon} ${title}${name}: **${e.verdict.toUpperCase()}**${e.rubber_stamp ? " (rubber stamp)" : ""}`,
    ""
  );
  lines.push(escapeMarkdown(withoutVerdict(e.summary), 2e3), "");
  lines.push(...renderWhatChanged(e.what_changed));
  if (e.rubber_stamp) {
    lines.push(
      "> [!NOTE]",
      "> No baseline model was found (no explicit file, no `production` alias, no artifact from a successful main-branch run), so nothing was compared: this first run passes as a rubber stamp. Value gates (`min`/`max`) still applied.",
      ""
    );
  }
  const failed = e.gates.filter((g) => g.status === "fail");
  if (failed.length > 0) {
    lines.push("**Failed gates**", "");
    for (const g of failed.slice(0, 20)) {
      const where = g.slice ? ` [${escapeMarkdown(g.slice.column)} = ${escapeMarkdown(g.slice.value)}]` : "";
      lines.push(
        `- \`${g.metric}\`${where} ${g.kind} ${formatValue(g.threshold)}: ${escapeMarkdown(g.reason, 400)}`
      );
    }
    if (failed.length > 20) lines.push(`- … and ${failed.length - 20} more (see evaluation.json)`);
    lines.push("");
  }
  const confidence = e.bootstrap ? `${Math.round(e.bootstrap.confidence * 100)} % interval` : "interval";
  lines.push(
    `| metric | baseline | candidate | Δ [${confidence}] | Δ% | change | gate |`,
    `|---|---:|---:|---|---:|---|---|`
  );
  const topGates = e.gates.filter((g) => !g.slice);
  const shown = [...METRICS_BY_TASK[e.task], ...MODEL_METRICS_BY_TASK[e.task]].filter(
    (m) => m in e.candidate.metrics
  );
  for (const m of [...shown, ...topGates.map((g) => g.metric).filter((m2) => !shown.includes(m2))]) {
    const d = e.deltas[m];
    const gates = topGates.filter((g) => g.metric === m).map(gateText).join("<br>");
    const arrowHint = higherIsBetter(m) ? "↑" : "↓";
    const undef = (v, reasons2) => v === null && reasons2?.[m] ? `n/a¹` : formatWithUnit(m, v);
    lines.push(
      `| \`${m}\` ${arrowHint} | ${e.baseline ? undef(e.baseline.metrics[m], e.baseline.undefined_reasons) : "—"} | ${undef(e.candidate.metrics[m], e.candidate.undefined_reasons)} | ${formatDelta(m, d)} | ${formatRelative(d)} | ${e.baseline ? changeWords(d?.change) : "—"} | ${gates || "—"} |`
    );
  }
  lines.push("");
  const reasons = Object.entries(e.candidate.undefined_reasons);
  const notes = Object.entries(e.candidate.notes);
  if (reasons.length > 0 || notes.length > 0) {
    for (const [m, r] of reasons) lines.push(`¹ \`${m}\` is undefined on this data: ${escapeMarkdown(r)}.  `);
    for (const [m, r] of notes) lines.push(`\`${m}\`: ${escapeMarkdown(r)}.  `);
    lines.push("");
  }
  lines.push(
    "↑ higher is better · ↓ lower is better · 🟢 better / 🔴 worse only when the paired bootstrap interval of the difference excludes 0 (latency: beyond the spread of its timed passes); otherwise within noise",
    ""
  );
  renderSlices(lines, e, options.maxSliceRows ?? 25);
  renderConfusion(lines, e);
  renderDrift(lines, e);
  renderHistory(lines, e);
  renderDetails(lines, e);
  return lines.join("\n");
}
function renderSlices(lines, e, maxRows) {
  if (e.slices.length === 0) return;
  lines.push("### Slices", "");
  const columns = [...new Set(e.slices.map((s) => s.column))];
  for (const column of columns) {
    const all = e.slices.filter((s) => s.column === column);
    const scored = all.filter((s) => !s.skipped);
    const gated = e.gates.filter((g) => g.slice?.column === column).map((g) => g.metric);
    const metrics = sliceTableMetrics(e.task, gated);
    lines.push(`**${escapeMarkdown(column)}**`, "");
    lines.push(
      `| value | rows | ${metrics.map((m) => `\`${m}\` (baseline → candidate)`).join(" | ")} | gate |`
    );
    lines.push(`|---|---:|${metrics.map(() => "---|").join("")}---|`);
    for (const s of scored.slice(0, maxRows)) {
      const cells = metrics.map((m) => sliceCell(s, m));
      const gates = e.gates.filter((g) => g.slice?.column === column && g.slice.value === s.value);
      const status = gates.length === 0 ? "—" : gates.some((g) => g.status === "fail") ? "❌" : gates.every((g) => g.status === "skipped") ? "⏭️" : "✅";
      lines.push(
        `| ${escapeCell(s.value, 60)} | ${s.rows.toLocaleString("en-US")} | ${cells.join(" | ")} | ${status} |`
      );
    }
    if (scored.length > maxRows)
      lines.push(
        `| … ${scored.length - maxRows} more in evaluation.json | … | ${metrics.map(() => "…").join(" | ")} | … |`
      );
    const skipped = all.filter((s) => s.skipped);
    if (skipped.length > 0) {
      const list = skipped.slice(0, 10).map((s) => `${escapeMarkdown(s.value, 40)} (${s.rows})`).join(", ");
      lines.push(
        "",
        `Not scored: ${list}${skipped.length > 10 ? `, … ${skipped.length - 10} more` : ""} — ${escapeMarkdown(skipped[0].skipped ?? "")}${skipped.some((s) => s.skipped !== skipped[0].skipped) ? " and others" : ""}.`
      );
    }
    lines.push("");
  }
}
function sliceCell(s, m) {
  const c = s.candidate?.[m];
  const b = s.baseline?.[m];
  if (!s.baseline) return formatValue(c);
  const values = `${formatValue(b)} → ${formatValue(c)}`;
  if (c === null || c === void 0 || b === null || b === void 0) return values;
  if (!s.intervals) return s.rows < MIN_INTERVAL_ROWS ? `${values} (too few rows)` : values;
  const change = s.change?.[m];
  return change === "better" ? `${values} 🟢` : change === "worse" ? `${values} 🔴` : `${values} (within noise)`;
}
function renderConfusion(lines, e) {
  const cm = e.candidate.confusion_matrix;
  if (!cm || cm.labels.length > 20) return;
  lines.push(
    "<details><summary>Confusion matrix (candidate; rows true class, columns predicted)</summary>",
    ""
  );
  lines.push(`| true \\ predicted | ${cm.labels.map((l) => escapeCell(l, 30)).join(" | ")} |`);
  lines.push(`|---|${cm.labels.map(() => "---:|").join("")}`);
  cm.counts.forEach((row, t) => {
    const base = e.baseline?.confusion_matrix?.counts[t];
    const cells = row.map(
      (v, p) => base ? `${v.toLocaleString("en-US")} (${signedInt(v - base[p])})` : v.toLocaleString("en-US")
    );
    lines.push(`| **${escapeCell(cm.labels[t], 30)}** | ${cells.join(" | ")} |`);
  });
  if (e.baseline?.confusion_matrix) lines.push("", "In parentheses: change from the baseline.");
  lines.push("", "</details>", "");
}
function signedInt(x) {
  return x === 0 ? "±0" : formatSigned(x);
}
function renderDrift(lines, e) {
  if (!e.drift) return;
  const d = e.drift;
  lines.push("### Data drift (validate-data)", "");
  if (d.drifted.length === 0) {
    lines.push(`No drift in the ${d.columns} column${d.columns === 1 ? "" : "s"} checked.`, "");
    return;
  }
  lines.push(
    `${d.drifted.length} of ${d.columns} columns drifted${d.verdict ? ` (validation verdict: ${escapeMarkdown(d.verdict)})` : ""}:`,
    ""
  );
  lines.push("| column | test | statistic | p-value | threshold |", "|---|---|---:|---:|---:|");
  for (const c of d.drifted.slice(0, 20)) {
    lines.push(
      `| ${escapeCell(c.column, 60)} | ${escapeCell(c.test ?? "")} | ${formatValue(c.statistic)} | ${c.p_value === null ? "—" : formatValue(c.p_value)} | ${formatValue(c.threshold)} |`
    );
  }
  if (d.drifted.length > 20) lines.push(`| … ${d.drifted.length - 20} more | | | | |`);
  lines.push("");
}
function latencyText(i) {
  const ms = (x) => formatWithUnit("latency_ms_per_1000_rows", x);
  if (!i.latency) return ms(i.ms_per_1000_rows);
  return `${ms(i.latency.median)} (median of ${countOf(i.latency.passes, "timed pass", "timed passes")}, range ${formatValue(i.latency.low, 2)}–${ms(i.latency.high)})`;
}
function renderDetails(lines, e) {
  lines.push("<details><summary>Details</summary>", "");
  lines.push(
    `- Task: ${e.task}; label column ${escapeMarkdown(e.label)}; ${e.data.rows.toLocaleString("en-US")} rows from ${escapeMarkdown(e.data.source)}`
  );
  if (e.threshold !== null) lines.push(`- Decision threshold: positive when p1 > ${e.threshold}`);
  lines.push(
    `- Candidate: ${escapeMarkdown(e.candidate.source)} (sha256 ${e.candidate.sha256.slice(0, 12)}, ${e.candidate.size_bytes.toLocaleString("en-US")} bytes)`
  );
  const src = e.baseline_source;
  lines.push(
    e.baseline ? `- Baseline (${src.kind}): ${escapeMarkdown(src.ref ?? e.baseline.source)} (sha256 ${e.baseline.sha256.slice(0, 12)}, ${e.baseline.size_bytes.toLocaleString("en-US")} bytes)` : `- Baseline: none (looked at: ${escapeMarkdown(src.tried.join("; ") || "nothing")})`
  );
  for (const [who, r] of [
    ["candidate", e.candidate],
    ["baseline", e.baseline]
  ]) {
    if (r)
      lines.push(
        `- Inference (${who}): ${latencyText(r.inference)} per 1,000 rows in batches of ${r.inference.batch_size}; session load ${formatWithUnit("load_ms", r.inference.load_ms)}`
      );
  }
  if (e.bootstrap) {
    lines.push(
      `- Paired bootstrap: ${e.bootstrap.resamples} resamples (Poisson weights, seed ${e.bootstrap.seed}), ${Math.round(e.bootstrap.confidence * 100)} % intervals of candidate − baseline`
    );
  }
  lines.push(
    `- Timings (ms): ${Object.entries(e.timings_ms).map(([k, v]) => `${k} ${v}`).join(", ")}`
  );
  lines.push(`- mlci ${escapeMarkdown(e.mlci_version)}, ${escapeMarkdown(e.created)}`, "", "</details>", "");
}

export {
  snapshotFromTraining,
  snapshotFromVersion,
  diffLineage,
  nothingToCompare,
  renderEvaluationMarkdown
};
