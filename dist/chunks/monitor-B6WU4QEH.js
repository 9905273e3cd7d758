import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  createScorer,
  loadSession,
  modelClasses,
  modelFromBytes,
  planColumns,
  planTextColumns,
  runBatches,
  splitResults,
  toPredictions
} from "./chunk-TKPSPE6W.js";
import {
  classKey,
  positiveLast,
  predictedClasses
} from "./chunk-GL4WARX4.js";
import {
  TRAFFIC_SOURCES
} from "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import {
  applyGates
} from "./chunk-ZK7UXQ2T.js";
import "./chunk-ASXTV7AU.js";
import "./chunk-ANVENSJ6.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  loadColumns
} from "./chunk-WAJABHFO.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-R2X24BNK.js";
import {
  checkData,
  renderMarkdown
} from "./chunk-5RBKIHL5.js";
import "./chunk-RZF5HKRA.js";
import "./chunk-KZNYQM7F.js";
import "./chunk-LIOCLVGO.js";
import {
  DEFAULT_DRIFT_SHARE
} from "./chunk-6UZB7YRZ.js";
import {
  isStatistics
} from "./chunk-TDVX5RST.js";
import {
  checkUsableNames,
  kindOf,
  labelIn,
  loadSource
} from "./chunk-CZJ54TB3.js";
import {
  openEngine,
  sqlIdent
} from "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-36UX5SSD.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import {
  escapeMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  ExitCode,
  InputError,
  MlciError,
  describeError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/monitor.ts
import { join as join3 } from "node:path";

// src/data/records.ts
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
var ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
function missing(value) {
  return value === null || value === void 0 || value === "";
}
function typeOf(seen) {
  const numbers = seen.int || seen.float;
  if (numbers && !seen.bool && !seen.text && !seen.other) return seen.float ? "DOUBLE" : "BIGINT";
  if (seen.bool && !numbers && !seen.text && !seen.other) return "BOOLEAN";
  if (seen.text && !numbers && !seen.bool && !seen.other) {
    if (seen.date) return "DATE";
    if (seen.ts) return "TIMESTAMP";
  }
  return "VARCHAR";
}
function survey(path, rows) {
  const columns = /* @__PURE__ */ new Map();
  const lower = /* @__PURE__ */ new Map();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      let seen = columns.get(name);
      if (!seen) {
        const other = lower.get(name.toLowerCase());
        if (other !== void 0)
          throw new InputError(
            `${path}: keys "${other}" and "${name}" differ only in case; column names are compared ignoring case, so rename one of them`
          );
        lower.set(name.toLowerCase(), name);
        seen = { int: false, float: false, bool: false, text: false, other: false, date: true, ts: true };
        columns.set(name, seen);
      }
      if (missing(value)) continue;
      if (typeof value === "number") {
        if (Number.isSafeInteger(value)) seen.int = true;
        else seen.float = true;
      } else if (typeof value === "boolean") seen.bool = true;
      else if (typeof value === "string") {
        seen.text = true;
        if (seen.date && !ISO_DATE.test(value)) seen.date = false;
        if (seen.ts && !ISO_TIMESTAMP.test(value)) seen.ts = false;
      } else seen.other = true;
    }
  }
  return columns;
}
function appendValue(appender, type, value) {
  if (missing(value)) return appender.appendNull();
  if (type === "BIGINT") return appender.appendBigInt(BigInt(value));
  if (type === "DOUBLE") return appender.appendDouble(value);
  if (type === "BOOLEAN") return appender.appendBoolean(value);
  appender.appendVarchar(typeof value === "object" ? JSON.stringify(value) : String(value));
}
async function loadRecords(db, rows, table, path) {
  if (rows.length === 0) throw new InputError(`${path}: has no rows`);
  const surveyed = survey(path, rows);
  if (surveyed.size === 0) throw new InputError(`${path}: the rows have no columns`);
  const names = [...surveyed.keys()];
  checkUsableNames(path, names);
  const types = names.map((n) => typeOf(surveyed.get(n)));
  const loadTypes = types.map((t) => t === "DATE" || t === "TIMESTAMP" ? "VARCHAR" : t);
  await db.run(
    `CREATE OR REPLACE TABLE ${sqlIdent(table)} (${names.map((n, i) => `${sqlIdent(n)} ${loadTypes[i]}`).join(", ")})`
  );
  const appender = await db.createAppender(table);
  try {
    for (const row of rows) {
      for (let i = 0; i < names.length; i++) appendValue(appender, loadTypes[i], row[names[i]]);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const columns = [];
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type !== loadTypes[i]) {
      const id = sqlIdent(names[i]);
      type = await db.run(`ALTER TABLE ${sqlIdent(table)} ALTER ${id} TYPE ${type} USING CAST(${id} AS ${type})`).then(
        () => type,
        () => "VARCHAR"
      );
    }
    columns.push({ name: names[i], type, kind: kindOf(type) });
  }
  return { path, format: "jsonl", files: [path], table, rows: rows.length, columns };
}

// src/monitor/log.ts
import { open, readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";

// src/monitor/since.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var EXPECTED = "expected a duration such as 24h, 7d or 90m, or an ISO time such as 2026-11-25T00:00:00Z";
var ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
function isCalendarDay(year, month, day) {
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function parseIsoTime(text) {
  const m = ISO_TIME.exec(text);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return void 0;
  const ms = Date.parse(m[4] && !m[5] ? `${text}Z` : text);
  return Number.isFinite(ms) ? ms : void 0;
}
function parseSince(text, now, what = "--since") {
  const trimmed = text.trim();
  const duration = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)$/.exec(trimmed);
  if (duration) {
    const since = new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]]);
    if (Number.isFinite(since.getTime())) return since;
    throw new InputError(`${what}: got "${text}", a duration reaching before the earliest date; ${EXPECTED}`);
  }
  const ms = parseIsoTime(trimmed);
  if (ms !== void 0) return new Date(ms);
  const day = ISO_TIME.exec(trimmed);
  if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3])))
    throw new InputError(`${what}: got "${text}", a day the calendar does not have; ${EXPECTED}`);
  throw new InputError(`${what}: got "${text}", ${EXPECTED}`);
}

// src/monitor/log.ts
var ROTATED_SUFFIX = /^[1-9]\d*$/;
function compareSuffixes(a, b) {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
async function logFiles(path) {
  const dir = dirname(path);
  const name = basename(path);
  let entries;
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw new InputError(`prediction log not found: ${path} (${error.code})`);
  }
  const rotated = entries.filter((e) => e.startsWith(`${name}.`) && ROTATED_SUFFIX.test(e.slice(name.length + 1))).sort((a, b) => compareSuffixes(b.slice(name.length + 1), a.slice(name.length + 1))).map((e) => join(dir, e));
  const files = entries.includes(name) ? [...rotated, path] : rotated;
  if (files.length === 0) {
    throw new InputError(
      `prediction log not found: ${path} (nor rotated files ${name}.1, …); start the server with \`mlci serve --log ${path}\``
    );
  }
  return files;
}
function lineError(file, line, text, why) {
  return new InputError(
    `${file}:${line}: not a prediction log line (${why}): ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`
  );
}
function asRecord(value, file, line, text) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw lineError(file, line, text, "expected a JSON object");
  const r = value;
  if (typeof r.model !== "string") throw lineError(file, line, text, '"model" must be a string');
  if (typeof r.version !== "number") throw lineError(file, line, text, '"version" must be a number');
  const ms = typeof r.ts === "string" ? parseIsoTime(r.ts) : void 0;
  if (ms === void 0) throw lineError(file, line, text, '"ts" must be an ISO time');
  if (typeof r.features !== "object" || r.features === null || Array.isArray(r.features))
    throw lineError(file, line, text, '"features" must be an object of column values');
  if (r.source !== void 0 && !TRAFFIC_SOURCES.includes(r.source))
    throw lineError(file, line, text, `"source" must be ${TRAFFIC_SOURCES.join(" or ")}`);
  if (typeof r.prediction !== "object" || r.prediction === null)
    throw lineError(file, line, text, '"prediction" must be an object');
  return { record: r, ms };
}
async function readLogWindow(path, filter) {
  const files = await logFiles(path);
  const window = {
    files: [],
    rows: [],
    read: 0,
    otherModels: 0,
    otherVersions: {},
    beforeSince: 0,
    otherSources: {},
    partialLines: 0,
    from: null,
    to: null
  };
  const sinceMs = filter.since?.getTime();
  const span = { first: Infinity, last: -Infinity };
  const take = (entry, file) => widen(span, keep(window, entry, file, filter, sinceMs));
  for (const file of files) {
    const live = file === path;
    let lines;
    let endsWithNewline = true;
    let handle;
    try {
      if (live) {
        const text = await readFile(file, "utf8");
        endsWithNewline = text.length === 0 || text.endsWith("\n");
        lines = text.split("\n");
      } else {
        handle = await open(file, "r");
        lines = createInterface({ input: handle.createReadStream(), crlfDelay: Infinity });
      }
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" && !live) continue;
      throw new InputError(`${file}: cannot be read (${code ?? error.message})`);
    }
    window.files.push(file);
    const pending = [];
    let lineNo = 0;
    try {
      for await (const text of lines) {
        lineNo += 1;
        if (text.trim() === "") continue;
        pending.push({ text, line: lineNo });
        if (pending.length > 1) take(pending.shift(), file);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = error.code;
      throw new InputError(`${file}: cannot be read (${code ?? error.message})`);
    } finally {
      await handle?.close();
    }
    const last = pending.shift();
    if (last) {
      if (live && !endsWithNewline && !isJson(last.text)) window.partialLines += 1;
      else take(last, file);
    }
  }
  if (span.first <= span.last) {
    window.from = new Date(span.first).toISOString();
    window.to = new Date(span.last).toISOString();
  }
  return window;
}
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
function widen(span, ms) {
  if (ms === void 0) return;
  span.first = Math.min(span.first, ms);
  span.last = Math.max(span.last, ms);
}
function keep(window, { text, line }, file, filter, sinceMs) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw lineError(file, line, text, error.message);
  }
  const { record, ms } = asRecord(value, file, line, text);
  window.read += 1;
  if (record.model !== filter.model) {
    window.otherModels += 1;
    return void 0;
  }
  if (filter.version !== void 0 && record.version !== filter.version) {
    window.otherVersions[`v${record.version}`] = (window.otherVersions[`v${record.version}`] ?? 0) + 1;
    return void 0;
  }
  if (record.source !== void 0 && !filter.includeReplayed) {
    window.otherSources[record.source] = (window.otherSources[record.source] ?? 0) + 1;
    return void 0;
  }
  if (sinceMs !== void 0 && ms < sinceMs) {
    window.beforeSince += 1;
    return void 0;
  }
  window.rows.push({
    ts: record.ts,
    ...typeof record.request_id === "string" ? { request_id: record.request_id } : {},
    features: record.features,
    prediction: record.prediction,
    ...record.source !== void 0 ? { source: record.source } : {},
    at: `${file}:${line}`
  });
  return ms;
}
async function readLiveStats(path) {
  const statsPath = `${path}.stats.json`;
  let value;
  try {
    value = JSON.parse(await readFile(statsPath, "utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value;
  return {
    path: statsPath,
    updated: typeof v.updated === "string" ? v.updated : null,
    rows: typeof v.rows === "number" ? v.rows : null,
    sample_rate: typeof v.sample_rate === "number" ? v.sample_rate : null,
    features: typeof v.features === "object" && v.features !== null ? v.features : {}
  };
}

// src/monitor/report.ts
function pct(x) {
  return `${Math.round(x * 100)} %`;
}
function num(x) {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "—";
  return Number(x.toPrecision(4)).toString();
}
function describeRows(rows, source, window) {
  const n = rows.toLocaleString("en-US");
  if (source.kind === "data") return `${n} rows of ${source.path}`;
  const since = window.since ?? window.from;
  return `${n} logged row${rows === 1 ? "" : "s"}${since ? ` since ${since}` : ""}`;
}
function describeGates(failed) {
  return failed.map((g) => {
    const values = `${num(g.baseline)} → ${num(g.candidate)}`;
    if (g.kind === "max_drop")
      return `${g.metric} fell by ${num(g.observed)} (${values}, at most ${num(g.threshold)} allowed)`;
    if (g.kind === "max_rise")
      return `${g.metric} rose by ${num(g.observed)} (${values}, at most ${num(g.threshold)} allowed)`;
    return `${g.metric}: ${g.reason} (${values})`;
  }).join(", ");
}
function buildReason(input) {
  const { drift, performance } = input;
  if (input.verdict === "insufficient_data")
    return `${input.rowsText}: fewer than the ${input.minRows.toLocaleString("en-US")} rows needed to judge ${input.versionTag}`;
  const parts = [];
  const failed = performance?.gates.filter((g) => g.status === "fail") ?? [];
  if (failed.length > 0)
    parts.push(
      `${describeGates(failed)} on ${performance.labelled_rows.toLocaleString("en-US")} labelled rows`
    );
  if (drift) {
    const cmp = drift.drifted_dataset ? "≥" : "<";
    parts.push(
      `${drift.drifted_dataset ? "drift" : "no dataset drift"}: ${drift.drifted} of ${drift.tested} columns drifted (${pct(drift.share)} ${cmp} ${pct(drift.threshold)}) on ${input.rowsText} vs ${input.versionTag}'s training data`
    );
  }
  if (parts.length === 0) parts.push(`${input.rowsText}: no threshold crossed for ${input.versionTag}`);
  return parts.join("; ");
}
var ICON = {
  ok: "✅",
  drift: "🔴",
  degraded: "🔴",
  insufficient_data: "⚪"
};
var TITLE = {
  ok: "OK",
  drift: "DRIFT",
  degraded: "DEGRADED",
  insufficient_data: "INSUFFICIENT DATA"
};
function nest(markdown) {
  return markdown.replace(/^## .*Data validation: \w+$/m, "## Data of the window").replace(/^(#{2,5}) /gm, "#$1 ");
}
function renderMonitorMarkdown(report, validationMarkdown) {
  const lines = [];
  lines.push(
    `## ${ICON[report.verdict]} Monitor ${escapeMarkdown(report.model.tag)}: ${TITLE[report.verdict]}`
  );
  lines.push("");
  lines.push(escapeMarkdown(report.reason, Infinity));
  lines.push("");
  const t = report.trigger;
  const triggerText = t.kind === "none" ? "no trigger configured" : t.sent ? `retraining triggered: ${t.kind} → ${escapeMarkdown(t.target ?? "")}` : t.error ? `⚠️ not sent: ${escapeMarkdown(t.error, Infinity)}` : t.dry_run && t.request ? `dry run: ${t.kind} decided, not sent` : `${t.kind} not sent${t.note ? ` (${escapeMarkdown(t.note)})` : ""}`;
  const source = report.source.kind === "log" ? `prediction log ${escapeMarkdown(report.source.path)} (${report.source.files.length} file${report.source.files.length === 1 ? "" : "s"}, ${report.source.lines_read.toLocaleString("en-US")} lines read)` : `data ${escapeMarkdown(report.source.path)}`;
  lines.push("| | |");
  lines.push("|---|---|");
  lines.push(
    `| model | ${escapeMarkdown(`${report.model.name}@${report.model.alias}`)} = v${report.model.version} |`
  );
  lines.push(
    `| rows | ${report.rows.toLocaleString("en-US")} (at least ${report.min_rows.toLocaleString("en-US")} needed) from ${source} |`
  );
  if (report.window.from || report.window.since)
    lines.push(
      `| window | ${report.window.since ? `since ${escapeMarkdown(report.window.since)}; ` : ""}${escapeMarkdown(report.window.from ?? "—")} → ${escapeMarkdown(report.window.to ?? "—")} |`
    );
  lines.push(`| reference | ${escapeMarkdown(report.reference)} |`);
  if (report.dataset_drift) {
    const d = report.dataset_drift;
    lines.push(
      `| drift | ${d.drifted} of ${d.tested} columns (${pct(d.share)}; threshold ${pct(d.threshold)}) |`
    );
  }
  lines.push(`| trigger | ${triggerText} |`);
  lines.push("");
  const p = report.performance;
  if (p) {
    lines.push("### Performance on delayed labels");
    lines.push("");
    lines.push(
      `${p.labelled_rows.toLocaleString("en-US")} labelled rows, ${p.unlabelled_rows.toLocaleString("en-US")} without a label yet` + (p.unmatched_labels ? `, ${p.unmatched_labels.toLocaleString("en-US")} labels matched no logged row` : "") + ` (labels: ${escapeMarkdown(p.labels.source)}, column ${escapeMarkdown(p.labels.label_column)}).`
    );
    lines.push("");
    if (p.note) lines.push(`${escapeMarkdown(p.note, Infinity)}.`, "");
    const metrics = Object.keys(p.current);
    if (metrics.length > 0) {
      const gated = /* @__PURE__ */ new Map();
      for (const g of p.gates) gated.set(g.metric, [...gated.get(g.metric) ?? [], g]);
      lines.push("| metric | registered | now | change | gate |");
      lines.push("|---|---|---|---|---|");
      for (const m of metrics) {
        const now = p.current[m];
        const then = p.registered[m];
        const change = typeof now === "number" && typeof then === "number" ? now - then : null;
        const gates = (gated.get(m) ?? []).map(
          (g) => `${g.status === "fail" ? "🔴" : g.status === "pass" ? "✅" : "⚪"} ${g.kind} ${num(g.threshold)}`
        ).join(", ");
        lines.push(
          `| ${escapeMarkdown(m)} | ${num(then)} | ${now === null ? `— (${escapeMarkdown(p.undefined_reasons[m] ?? "undefined")})` : num(now)} | ${change === null ? "—" : `${change >= 0 ? "+" : ""}${num(change)}`} | ${gates} |`
        );
      }
      lines.push("");
    }
  }
  if (validationMarkdown) {
    lines.push(nest(validationMarkdown).trimEnd());
    lines.push("");
  }
  return lines.join("\n");
}

// src/monitor/performance.ts
async function readLabels(path, idColumn, labelColumn, options = {}) {
  const data = await loadColumns(path, [idColumn, labelColumn], options, [idColumn]);
  const ids = data.text[idColumn].map((v) => v ?? "");
  const values = data.numeric[labelColumn] ? Array.from(data.numeric[labelColumn], (v) => Number.isNaN(v) ? null : v) : data.text[labelColumn];
  return { source: path, ids, values };
}
function whereLogged(rows, r) {
  return rows[r].at ?? `logged row ${r + 1} of the window`;
}
function joinLabels(rows, table) {
  const queues = /* @__PURE__ */ new Map();
  let unmatched = 0;
  table.ids.forEach((id, i) => {
    const value = table.values[i];
    if (id === "" || value === null || typeof value === "number" && Number.isNaN(value)) return;
    let q = queues.get(id);
    if (!q) queues.set(id, q = []);
    q.push(value);
  });
  const join4 = { rows: [], labels: [], unlabelled: 0, unmatched: 0 };
  rows.forEach((row, i) => {
    const q = row.request_id === void 0 ? void 0 : queues.get(row.request_id);
    if (!q || q.length === 0) {
      join4.unlabelled += 1;
      return;
    }
    join4.rows.push(i);
    join4.labels.push(q.shift());
  });
  for (const q of queues.values()) unmatched += q.length;
  join4.unmatched = unmatched;
  return join4;
}
function taskOfLog(rows) {
  const first = rows.find((r) => r.prediction);
  if (!first) return null;
  if (typeof first.prediction.value === "number") return "regression";
  const width = first.prediction.probabilities?.length ?? 0;
  if (width === 2) return "binary";
  return width > 2 ? "multiclass" : null;
}
function predictionsFromLog(task, rows, join4, classes, labelsSource, threshold) {
  const n = join4.rows.length;
  if (task === "regression") {
    const y2 = new Float64Array(n);
    const pred = new Float64Array(n);
    join4.rows.forEach((r, i) => {
      const value = rows[r].prediction.value;
      if (typeof value !== "number")
        throw new InputError(
          `${whereLogged(rows, r)}: the logged prediction has no value (is the model a regressor?)`
        );
      const label = Number(join4.labels[i]);
      if (!Number.isFinite(label))
        throw new InputError(`${labelsSource}: label ${JSON.stringify(join4.labels[i])} is not a number`);
      y2[i] = label;
      pred[i] = value;
    });
    return { task, y: y2, pred };
  }
  const width = rows[join4.rows[0] ?? 0]?.prediction.probabilities?.length ?? 0;
  const names = classes ?? Array.from({ length: width }, (_, i) => String(i));
  if (names.length !== width)
    throw new InputError(
      `the model names ${names.length} classes but the log has ${width} probabilities per row`
    );
  const logged = new Float64Array(n * width);
  join4.rows.forEach((r, i) => {
    const p = rows[r].prediction.probabilities;
    if (!p || p.length !== width)
      throw new InputError(
        `${whereLogged(rows, r)}: the logged prediction has ${p?.length ?? 0} probabilities, expected ${width}`
      );
    logged.set(p, i * width);
  });
  const { labels, proba } = width === 2 ? positiveLast(names, logged) : { labels: names, proba: logged };
  const index = new Map(labels.map((c, i) => [classKey(c), i]));
  const y = new Int32Array(n);
  join4.rows.forEach((r, i) => {
    const k = index.get(classKey(join4.labels[i]));
    if (k === void 0) {
      throw new InputError(
        `${labelsSource}: label ${JSON.stringify(join4.labels[i])} (request ${rows[r].request_id}) is not one of the model's classes (${names.join(", ")})`
      );
    }
    y[i] = k;
  });
  return { task, labels, y, proba, pred: predictedClasses(proba, width, threshold) };
}
var DEFAULT_MAX_METRIC_DROP = {
  binary: { roc_auc: { max_drop: 0.05 } },
  multiclass: { accuracy: { max_drop: 0.05 } },
  regression: { r2: { max_drop: 0.05 } }
};
function checkPerformance(predictions, registered, gates, what, minRows) {
  const { values, reasons } = splitResults(createScorer(predictions).score()[0]);
  const explicit = gates !== void 0 && Object.keys(gates).length > 0;
  let specs = explicit ? gates : DEFAULT_MAX_METRIC_DROP[predictions.task];
  const rows = predictions.y.length;
  const check = {
    task: predictions.task,
    rows,
    current: values,
    undefined_reasons: reasons,
    registered,
    gates: []
  };
  if (explicit) {
    const missing2 = Object.keys(specs).filter((m) => typeof registered[m] !== "number");
    if (missing2.length > 0) {
      throw new InputError(
        `${what}'s registry record has no ${missing2.join(", ")} to compare with (it has ${Object.keys(registered).join(", ") || "no metrics"}); register versions with --evaluation evaluation.json or change monitor.max_metric_drop`
      );
    }
  } else {
    specs = Object.fromEntries(Object.entries(specs).filter(([m]) => typeof registered[m] === "number"));
    if (Object.keys(specs).length === 0) {
      check.note = `${what}'s registry record has no metrics to compare with; metrics are reported, not gated`;
      return check;
    }
  }
  if (rows < minRows) {
    check.note = `${rows} labelled rows, fewer than the ${minRows} needed to gate metrics`;
    return check;
  }
  check.gates = applyGates(specs, { candidate: { values, reasons }, baseline: { values: registered } }).map(
    (g) => g.status === "fail" && g.candidate === null && g.metric in values ? {
      ...g,
      status: "skipped",
      reason: `${g.metric} is undefined on the labelled rows (${reasons[g.metric] ?? "no value"})`
    } : g
  );
  return check;
}

// src/monitor/score-batch.ts
function labelledRows(data, label) {
  const y = data.numeric[label] ?? data.text[label];
  const keep2 = [];
  for (let i = 0; i < data.rowCount; i++) {
    const v = y[i];
    if (typeof v === "number" ? !Number.isNaN(v) : v !== null && v !== "") keep2.push(i);
  }
  if (keep2.length === data.rowCount) return { data, unlabelled: 0 };
  const numeric = {};
  const text = {};
  for (const [k, v] of Object.entries(data.numeric)) numeric[k] = Float64Array.from(keep2, (i) => v[i]);
  for (const [k, v] of Object.entries(data.text)) text[k] = keep2.map((i) => v[i]);
  return { data: { rowCount: keep2.length, numeric, text }, unlabelled: data.rowCount - keep2.length };
}
function taskOfModel(model) {
  const float = model.signature.outputs.filter((o) => o.type === "float" || o.type === "double");
  const probabilities = float.find((o) => o.name === "probabilities") ?? float.find((o) => o.shape?.length === 2);
  const width = probabilities?.shape?.[1];
  if (typeof width === "number" && width === 2) return "binary";
  if (typeof width === "number" && width > 2) return "multiclass";
  if (float.length > 0 && (float[0].shape?.length === 1 || float[0].shape?.[1] === 1)) return "regression";
  return null;
}
async function scoreBatch(options) {
  const session = await loadSession(options.model, options.task, options.features);
  try {
    const columns = [.../* @__PURE__ */ new Set([options.label, ...planColumns(session.plan)])];
    const loaded = await loadColumns(options.data, columns, options.source, planTextColumns(session.plan));
    const { data, unlabelled } = labelledRows(loaded, options.label);
    if (data.rowCount === 0) return { predictions: null, unlabelled };
    const [outputs] = await runBatches([session], data, 8192, options.data);
    const predictions = toPredictions(
      options.task,
      session,
      outputs,
      data,
      options.label,
      options.data,
      options.threshold
    );
    return { predictions, unlabelled };
  } finally {
    await session.session.release();
  }
}

// src/stages/monitor-performance.ts
async function measurePerformance(options, version, window, model, minRows, idColumn, validation) {
  const labelColumn = options.labelColumn;
  if (window) {
    if (!options.labels) return null;
    if (!labelColumn)
      throw new InputError("--labels needs the label column: --label COL (or model.label in mlci.yml)");
    const table = await readLabels(options.labels, idColumn, labelColumn, {});
    const join4 = joinLabels(window.rows, table);
    const base2 = {
      labels: { source: options.labels, label_column: labelColumn, id_column: idColumn },
      labelled_rows: join4.rows.length,
      unlabelled_rows: join4.unlabelled,
      unmatched_labels: join4.unmatched,
      task: null,
      current: {},
      undefined_reasons: {},
      registered: version.metrics,
      gates: []
    };
    if (join4.rows.length === 0)
      return { ...base2, note: `no logged row of the window has a label in ${options.labels}` };
    const task2 = options.task ?? taskOfLog(window.rows);
    if (!task2)
      throw new InputError("cannot tell the task from the log; pass --task binary|multiclass|regression");
    const classes = task2 === "regression" ? null : modelClasses(await model());
    const predictions = predictionsFromLog(
      task2,
      window.rows,
      join4,
      classes,
      options.labels,
      options.threshold
    );
    const check2 = checkPerformance(predictions, version.metrics, options.gates, version.tag, minRows);
    return {
      ...base2,
      task: task2,
      current: check2.current,
      undefined_reasons: check2.undefined_reasons,
      gates: check2.gates,
      ...check2.note ? { note: check2.note } : {}
    };
  }
  if (!labelColumn || !validation) return null;
  if (!(labelColumn in validation.report.columns)) {
    if (options.labelOptional) return null;
    throw new InputError(
      `${options.data}: no label column "${labelColumn}" (has: ${Object.keys(validation.report.columns).join(", ")})`
    );
  }
  const file = await model();
  const task = options.task ?? taskOfModel(file);
  if (!task) throw new InputError(`${file.source}: cannot tell the task from its outputs; pass --task`);
  const scored = await scoreBatch({
    model: file,
    data: options.data,
    label: labelColumn,
    task,
    features: options.features,
    threshold: options.threshold,
    source: { format: options.dataConfig?.format, delimiter: options.dataConfig?.delimiter }
  });
  const base = {
    labels: { source: options.data, label_column: labelColumn, id_column: null },
    labelled_rows: scored.predictions?.y.length ?? 0,
    unlabelled_rows: scored.unlabelled,
    unmatched_labels: null,
    task,
    current: {},
    undefined_reasons: {},
    registered: version.metrics,
    gates: []
  };
  if (!scored.predictions) return { ...base, note: `no row has a label in column "${labelColumn}"` };
  const check = checkPerformance(scored.predictions, version.metrics, options.gates, version.tag, minRows);
  return {
    ...base,
    current: check.current,
    undefined_reasons: check.undefined_reasons,
    gates: check.gates,
    ...check.note ? { note: check.note } : {}
  };
}

// src/stages/monitor-trigger.ts
import { join as join2 } from "node:path";
var MAX_REASON = 1e3;
var MAX_PAYLOAD_COLUMNS = 50;
async function fireTrigger(options, verdict, reason, version, driftedColumns) {
  const t = options.trigger ?? { kind: "none" };
  const dryRun = options.dryRun ?? false;
  const crossed = verdict === "drift" || verdict === "degraded";
  const record = {
    kind: t.kind,
    sent: false,
    dry_run: dryRun,
    reason: crossed ? reason : null,
    request: null
  };
  if (!crossed)
    return {
      ...record,
      note: verdict === "insufficient_data" ? "too few rows to judge" : "no threshold crossed"
    };
  if (t.kind === "none") return { ...record, note: "no trigger configured" };
  const oneLine = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  const request = t.kind === "workflow_dispatch" ? {
    kind: "workflow_dispatch",
    workflow: t.workflow,
    ref: t.ref ?? "main",
    inputs: { reason: oneLine, ...t.dataVersion ? { data_version: t.dataVersion } : {} }
  } : {
    kind: "repository_dispatch",
    eventType: t.eventType ?? "mlci-retrain",
    clientPayload: {
      model: version.name,
      version: version.version,
      reason: oneLine,
      drifted_columns: driftedColumns.slice(0, MAX_PAYLOAD_COLUMNS),
      report: t.reportUrl ?? (options.out ? join2(options.out, "monitor.json") : null),
      ...t.dataVersion ? { data_version: t.dataVersion } : {}
    }
  };
  if (dryRun) return { ...record, request, note: "dry run: decided, not sent" };
  try {
    const { target } = await t.dispatch(request);
    return { ...record, request, sent: true, target };
  } catch (error) {
    return { ...record, request, error: describeError(error) };
  }
}

// src/stages/monitor.ts
var DEFAULT_MIN_ROWS = 100;
var MonitorDispatchError = class extends MlciError {
  constructor(message, result) {
    super(message, ExitCode.Usage);
    this.result = result;
  }
  result;
};
function checkOptions(o) {
  if (!o.model) throw new InputError("--model is required (the model name in the registry)");
  if (o.log && o.data) throw new InputError("give either --log or --data, not both");
  if (!o.log && !o.data)
    throw new InputError(
      "--log FILE (the prediction log of mlci serve) or --data FILE (a batch) is required"
    );
  if (o.data && o.labels)
    throw new InputError(
      "--labels joins delayed labels to the prediction log; with --data the labels are a column of the data (--label COL)"
    );
  if (o.data && o.since) throw new InputError("--since selects logged rows; it does not apply to --data");
  if (o.driftShare !== void 0 && !(o.driftShare > 0 && o.driftShare <= 1))
    throw new InputError(`drift share: got ${o.driftShare}, expected a number in (0, 1]`);
  if (o.minRows !== void 0 && !(Number.isInteger(o.minRows) && o.minRows >= 1))
    throw new InputError(`--min-rows: got ${o.minRows}, expected a whole number ≥ 1`);
  const t = o.trigger;
  if (t && t.kind !== "none") {
    if (!["workflow_dispatch", "repository_dispatch"].includes(t.kind))
      throw new InputError(
        `--trigger: got "${t.kind}", expected workflow_dispatch, repository_dispatch or none`
      );
    if (t.kind === "workflow_dispatch" && !t.workflow)
      throw new InputError(
        "--trigger workflow_dispatch needs --workflow (e.g. retrain.yml) or monitor.trigger.workflow"
      );
    if (!o.dryRun && !t.dispatch)
      throw new InputError(`--trigger ${t.kind} needs a GitHub client to dispatch with`);
  }
}
async function productionVersion(o, alias) {
  const version = await o.registry.resolve({ name: o.model, alias });
  if (!version) {
    const versions = await o.registry.list(o.model).catch(() => []);
    throw new InputError(
      versions.length === 0 ? `${o.model} is not in the registry: register it first (mlci register --name ${o.model})` : `${o.model} has no "${alias}" alias: promote a version first (mlci registry promote ${o.model} v${versions[versions.length - 1].version} --alias ${alias})`
    );
  }
  if (!version.assets.includes("statistics.json")) {
    throw new InputError(
      `${version.tag} has no statistics.json of its training data to compare with (it has ${version.assets.join(", ")}); attach them with mlci registry attach ${version.name} v${version.version} --statistics statistics.json (from mlci validate-data)`
    );
  }
  return version;
}
async function trainingStatistics(o, version) {
  const bytes = await o.registry.download(version.name, version.version, "statistics.json");
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new InputError(`${version.tag} statistics.json is not JSON (${error.message})`);
  }
  if (!isStatistics(value))
    throw new InputError(
      `${version.tag} statistics.json is not mlci statistics (expected "format": "mlci-statistics")`
    );
  return value;
}
async function readSource(options, version, since, progress) {
  if (!options.log) return { liveStats: null, source: { kind: "data", path: options.data } };
  progress.start(`reading ${options.log}`);
  const window = await readLogWindow(options.log, {
    model: options.model,
    version: options.allVersions ? void 0 : version.version,
    since
  });
  progress.finish(`${window.rows.length.toLocaleString("en-US")} rows of ${version.tag}`);
  const liveStats = await readLiveStats(options.log);
  return {
    window,
    liveStats,
    source: {
      kind: "log",
      path: options.log,
      files: window.files,
      lines_read: window.read,
      other_models: window.otherModels,
      other_versions: window.otherVersions,
      other_sources: window.otherSources,
      before_since: window.beforeSince,
      partial_lines: window.partialLines,
      versions: options.allVersions ? "all" : "production"
    }
  };
}
function driftConfig(options, reference, inLog) {
  const idColumn = options.idColumn ?? "request_id";
  const config = options.dataConfig;
  const ignore = [...config?.drift?.ignore ?? []];
  if (options.labelColumn) ignore.push(options.labelColumn);
  if (options.data) ignore.push(idColumn);
  const columns = { ...config?.columns };
  const label = options.labelColumn ?? reference.label?.column;
  if (inLog && label)
    columns[label] = {
      ...columns[label],
      severity: { ...columns[label]?.severity, missing_column: "off" }
    };
  return {
    ...config,
    columns,
    severity: { ...config?.severity, ...inLog ? { missing_column: "warning" } : {} },
    drift: {
      ...config?.drift,
      share: options.driftShare ?? config?.drift?.share ?? DEFAULT_DRIFT_SHARE,
      blocking: false,
      ignore
    },
    min_rows: void 0
  };
}
async function loadWindow(engine, options, read) {
  if (read.window)
    return loadRecords(
      engine.db,
      read.window.rows.map((r) => r.features),
      "mlci_current",
      options.log
    );
  const config = options.dataConfig;
  return loadSource(
    engine.db,
    options.data,
    "mlci_current",
    { format: config?.format, delimiter: config?.delimiter },
    { rowHash: true }
  );
}
async function windowDrift(options, read, reference, progress) {
  if (read.window && read.window.rows.length === 0) return void 0;
  progress.start(`testing drift against ${reference.name}`);
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  let checked;
  try {
    const current = await loadWindow(engine, options, read);
    const dataPath = options.log ?? options.data;
    const label = options.data ? labelIn(
      dataPath,
      current.columns.map((c) => c.name),
      options.labelColumn,
      true
    ) : void 0;
    checked = await checkData(engine, {
      current,
      dataPath,
      reference: { kind: "statistics", statistics: reference.statistics, path: reference.name },
      label,
      config: driftConfig(options, reference.statistics, Boolean(read.window))
    });
  } finally {
    engine.close();
  }
  const report = checked.report;
  progress.finish(`${report.data.rows.toLocaleString("en-US")} rows`);
  const trained = reference.statistics.columns;
  const shared = Object.keys(report.columns).filter((c) => c in trained);
  if (shared.length === 0) {
    throw new InputError(
      `none of the columns of ${options.log ?? options.data} (${Object.keys(report.columns).join(", ")}) is in ${reference.version.tag}'s training statistics (${Object.keys(trained).join(", ")}): nothing to compare; for a model with one matrix input, give it feature_names metadata or model.features in mlci.yml`
    );
  }
  return { report, statistics: checked.statistics, markdown: renderMarkdown(report, reference.statistics) };
}
async function writeWindowFiles(out, validation) {
  if (!validation) return;
  await writeJsonAtomic(join3(out, "statistics.json"), validation.statistics);
  await writeJsonAtomic(join3(out, "validation.json"), validation.report);
  await writeFileAtomic(join3(out, "validation.md"), validation.markdown);
}
async function writeMonitorFiles(out, report, markdown) {
  await writeJsonAtomic(join3(out, "monitor.json"), report);
  await writeFileAtomic(join3(out, "monitor.md"), markdown);
}
function outputFiles(out, validation) {
  if (!out) return [];
  const files = validation ? ["validation.json", "statistics.json", "validation.md"] : [];
  return [...files, "monitor.json", "monitor.md"].map((f) => join3(out, f));
}
async function runMonitor(options) {
  checkOptions(options);
  const progress = options.progress ?? silentProgress;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const alias = options.alias ?? PRODUCTION_ALIAS;
  const minRows = options.minRows ?? DEFAULT_MIN_ROWS;
  const since = options.since ? parseSince(options.since, now) : void 0;
  const idColumn = options.idColumn ?? "request_id";
  const version = await productionVersion(options, alias);
  progress.info(`${options.model}@${alias} = ${version.tag}`);
  const statistics = await trainingStatistics(options, version);
  const referenceName = `registry:${version.tag}/statistics.json`;
  let modelFile;
  const model = async () => modelFile ??= modelFromBytes(
    await options.registry.download(version.name, version.version),
    `registry:${version.tag}`
  );
  const reference = { statistics, name: referenceName, version };
  const read = await readSource(options, version, since, progress);
  const { window, source } = read;
  const validation = await windowDrift(options, read, reference, progress);
  const rows = window ? window.rows.length : validation?.report.data.rows ?? 0;
  const drift = validation?.report.dataset_drift ?? null;
  const performance = await measurePerformance(
    options,
    version,
    window,
    model,
    minRows,
    idColumn,
    validation
  );
  const failed = performance?.gates.some((g) => g.status === "fail") ?? false;
  const verdict = rows < minRows ? "insufficient_data" : failed ? "degraded" : drift?.drifted_dataset ? "drift" : "ok";
  const windowInfo = {
    since: since?.toISOString() ?? null,
    from: window?.from ?? null,
    to: window?.to ?? null
  };
  const reason = buildReason({
    verdict,
    rowsText: describeRows(rows, source, windowInfo),
    rows,
    minRows,
    drift,
    performance,
    versionTag: version.tag
  });
  const driftedColumns = Object.entries(validation?.report.drift ?? {}).filter(([, d]) => d.drifted).map(([name]) => name).sort();
  const files = outputFiles(options.out, validation);
  const reportWith = (trigger2) => ({
    format: "mlci-monitor",
    version: 1,
    created: now.toISOString(),
    verdict,
    reason,
    model: { name: version.name, version: version.version, tag: version.tag, alias },
    source,
    window: windowInfo,
    rows,
    min_rows: minRows,
    reference: referenceName,
    drift: validation?.report.drift ?? {},
    dataset_drift: drift,
    drifted_columns: driftedColumns,
    performance,
    live_stats: read.liveStats,
    trigger: trigger2,
    files
  });
  if (options.out) {
    await writeWindowFiles(options.out, validation);
    const pending = reportWith({
      kind: options.trigger?.kind ?? "none",
      sent: false,
      dry_run: options.dryRun ?? false,
      reason: null,
      request: null,
      note: "not decided yet: the report is written before any dispatch"
    });
    await writeMonitorFiles(
      options.out,
      pending,
      renderMonitorMarkdown(pending, validation?.markdown ?? null)
    );
  }
  const trigger = await fireTrigger(options, verdict, reason, version, driftedColumns);
  const report = reportWith(trigger);
  const markdown = renderMonitorMarkdown(report, validation?.markdown ?? null);
  if (options.out) await writeMonitorFiles(options.out, report, markdown);
  const exitCode = verdict === "drift" || verdict === "degraded" ? 1 : 0;
  const result = { report, markdown, exitCode, files };
  if (trigger.error) throw new MonitorDispatchError(trigger.error, result);
  return result;
}
export {
  DEFAULT_MIN_ROWS,
  MonitorDispatchError,
  runMonitor
};
