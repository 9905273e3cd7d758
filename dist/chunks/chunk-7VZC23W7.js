import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatValue
} from "./chunk-ANVENSJ6.js";
import {
  formatSha256Sums,
  sha256Hex
} from "./chunk-5Z5STRRD.js";
import {
  metricDirection
} from "./chunk-RDRUDDB3.js";
import {
  escapeMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/registry/record.ts
import { userInfo } from "node:os";

// src/registry/model-card.ts
function escapeMarkdown2(text) {
  return escapeMarkdown(text, Number.POSITIVE_INFINITY);
}
function formatNumber(value) {
  if (value === null || value === void 0 || Number.isNaN(value)) return "—";
  return formatValue(value);
}
function formatChange(metric, current, previous) {
  if (typeof current !== "number" || typeof previous !== "number") return "—";
  const delta = current - previous;
  if (delta === 0) return "±0";
  const sign = delta > 0 ? "+" : "−";
  const direction = metricDirection(metric);
  if (direction === null) return `${sign}${formatNumber(Math.abs(delta))}`;
  const better = direction === "lower" ? delta < 0 : delta > 0;
  return `${sign}${formatNumber(Math.abs(delta))} ${better ? "▲ better" : "▼ worse"}`;
}
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
function code(text) {
  return `\`${text.replace(/`/g, "'")}\``;
}
function safeUrl(url) {
  return /^https?:\/\/[^\s<>()]+$/.test(url) ? url : null;
}
function formatParam(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return escapeMarkdown2(text.length > 200 ? `${text.slice(0, 197)}…` : text);
}
function renderModelCard(version, previous) {
  const lines = [];
  const { lineage } = version;
  lines.push(`# ${escapeMarkdown2(version.name)} v${version.version}`, "");
  lines.push("| | |", "|---|---|");
  lines.push(`| model sha256 | ${code(version.sha256)} |`);
  lines.push(`| size | ${formatSize(version.size)} |`);
  lines.push(
    `| registered | ${version.created}${version.registeredBy ? ` by ${escapeMarkdown2(version.registeredBy)}` : ""} |`
  );
  const verdict = version.rubberStamp ? `${version.verdict} (rubber stamp: no baseline to compare with)` : version.verdict;
  lines.push(`| verdict | ${verdict} |`);
  if (lineage.commit)
    lines.push(`| commit | ${code(lineage.commit)}${lineage.dirty ? " (uncommitted changes)" : ""} |`);
  if (lineage.runUrl) {
    const url = safeUrl(lineage.runUrl);
    lines.push(`| run | ${url ? `[${escapeMarkdown2(url)}](${url})` : escapeMarkdown2(lineage.runUrl)} |`);
  }
  lines.push(`| previous version | ${previous ? `v${previous.version}` : "none (first version)"} |`, "");
  if (version.forced) {
    lines.push(
      `> [!WARNING]`,
      `> Registered although its verdict was **fail**: forced by ${escapeMarkdown2(version.forced.by)} — ${escapeMarkdown2(version.forced.reason)}`,
      ""
    );
  }
  const metricNames = [
    .../* @__PURE__ */ new Set([...Object.keys(version.metrics), ...Object.keys(previous?.metrics ?? {})])
  ].sort();
  lines.push("## Metrics", "");
  if (metricNames.length === 0) {
    lines.push("No metrics were recorded.", "");
  } else {
    const prevLabel = previous ? `v${previous.version}` : "previous";
    lines.push(`| metric | v${version.version} | ${prevLabel} | change |`, "|---|---:|---:|---|");
    for (const metric of metricNames) {
      const current = version.metrics[metric];
      const before = previous?.metrics[metric];
      lines.push(
        `| ${escapeMarkdown2(metric)} | ${formatNumber(current)} | ${formatNumber(before)} | ${formatChange(metric, current, before)} |`
      );
    }
    lines.push("");
  }
  const hashes = Object.entries(lineage.dataHashes ?? {});
  lines.push("## Data", "");
  if (hashes.length === 0) lines.push("No data hashes were recorded.", "");
  else {
    lines.push("| data | sha256 |", "|---|---|");
    for (const [file, hash] of hashes) lines.push(`| ${escapeMarkdown2(file)} | ${code(hash)} |`);
    lines.push("");
  }
  if (version.assets.includes("statistics.json")) {
    lines.push("The statistics of the training data are stored with this version (`statistics.json`).", "");
  }
  const params = Object.entries(lineage.params ?? {});
  lines.push("## Parameters", "");
  if (params.length === 0) lines.push("No parameters were recorded.", "");
  else {
    lines.push("| parameter | value |", "|---|---|");
    for (const [key, value] of params.sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${escapeMarkdown2(key)} | ${formatParam(value)} |`);
    }
    lines.push("");
  }
  const checksums = Object.entries(version.checksums ?? {});
  if (checksums.length > 0) {
    lines.push("## Files", "");
    lines.push("| file | sha256 |", "|---|---|");
    for (const [file, hash] of checksums) lines.push(`| ${escapeMarkdown2(file)} | ${code(hash)} |`);
    lines.push("", "Verify a download with `sha256sum -c SHA256SUMS`.", "");
  }
  const attachments = version.attachments ?? [];
  if (attachments.length > 0) {
    lines.push("Attached after registration:", "");
    for (const a of attachments) {
      const replaced = a.replaced ? `, replacing sha256 ${code(a.replaced)}` : "";
      lines.push(
        `- ${escapeMarkdown2(a.file)} on ${escapeMarkdown2(a.at)} by ${escapeMarkdown2(a.by)}${replaced}`
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

// src/registry/record.ts
var MODEL_ASSET = "model.onnx";
var CARD_ASSET = "model-card.md";
var SUMS_ASSET = "SHA256SUMS";
var RECORD_ASSET = "version.json";
var RESERVED_ASSETS = /* @__PURE__ */ new Set([
  MODEL_ASSET,
  CARD_ASSET,
  SUMS_ASSET,
  RECORD_ASSET
]);
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function validateModelName(name) {
  if (!NAME.test(name) || name.endsWith(".") || name.includes("..")) {
    throw new InputError(
      `model name "${name}" is not valid: use letters, digits, ".", "_" and "-" (starting with a letter or digit, at most 100)`
    );
  }
  return name;
}
function validateAlias(alias) {
  if (!NAME.test(alias) || alias.endsWith(".") || alias.includes("..") || /^v\d+$/.test(alias)) {
    throw new InputError(
      `alias "${alias}" is not valid: use letters, digits, ".", "_" and "-", and not the form vN (that names a version)`
    );
  }
  if (alias === "aliases") throw new InputError('alias "aliases" is reserved');
  return alias;
}
function validateAssetName(name) {
  if (!NAME.test(name) || name.includes("..")) {
    throw new InputError(
      `file name "${name}" is not valid for a registry asset (a plain name: letters, digits, ".", "_", "-")`
    );
  }
  return name;
}
function currentUser() {
  if (process.env.GITHUB_ACTOR) return process.env.GITHUB_ACTOR;
  try {
    return userInfo().username || "unknown";
  } catch {
    return process.env.USER ?? "unknown";
  }
}
function prepareRegistration(request) {
  validateModelName(request.name);
  if (request.model.byteLength === 0) throw new InputError(`model for "${request.name}" is empty`);
  if (request.verdict === "fail" && !request.force) {
    throw new CheckFailedError(
      `refusing to register ${request.name}: its evaluation verdict is fail (use --force with a reason to register it anyway; the forcing is recorded)`
    );
  }
  if (request.force && (!request.force.by || !request.force.reason)) {
    throw new InputError("a forced registration needs who forces it and why");
  }
  const files = { [MODEL_ASSET]: request.model };
  for (const [name, bytes] of Object.entries(request.files ?? {})) {
    validateAssetName(name);
    if (RESERVED_ASSETS.has(name)) throw new InputError(`file name "${name}" is reserved by the registry`);
    files[name] = bytes;
  }
  return { request, sha256: sha256Hex(request.model), files };
}
function buildVersion(prepared, version, previous, created = (/* @__PURE__ */ new Date()).toISOString()) {
  const { request } = prepared;
  const encoder = new TextEncoder();
  const checksums = {};
  for (const [name, bytes] of Object.entries(prepared.files)) checksums[name] = sha256Hex(bytes);
  const record = {
    name: request.name,
    version,
    tag: `${request.name}@v${version}`,
    sha256: prepared.sha256,
    size: request.model.byteLength,
    created,
    metrics: request.metrics ?? {},
    verdict: request.verdict ?? "unknown",
    ...request.rubberStamp ? { rubberStamp: true } : {},
    ...request.verdict === "fail" && request.force ? { forced: request.force } : {},
    lineage: request.lineage ?? {},
    assets: [...Object.keys(prepared.files), CARD_ASSET, SUMS_ASSET, RECORD_ASSET].sort(),
    checksums: { ...checksums },
    registeredBy: request.by ?? currentUser()
  };
  const sealed = sealVersion(record, previous);
  const files = { ...prepared.files, ...sealed.files };
  files[RECORD_ASSET] = encoder.encode(JSON.stringify(sealed.record, null, 2) + "\n");
  return { record: sealed.record, card: sealed.card, files };
}
function sealVersion(record, previous) {
  const encoder = new TextEncoder();
  const checksums = Object.fromEntries(
    Object.entries(record.checksums ?? {}).filter(([file]) => file !== CARD_ASSET && file !== SUMS_ASSET)
  );
  const card = renderModelCard({ ...record, checksums: { ...checksums } }, previous);
  const files = { [CARD_ASSET]: encoder.encode(card) };
  checksums[CARD_ASSET] = sha256Hex(files[CARD_ASSET]);
  files[SUMS_ASSET] = encoder.encode(formatSha256Sums(checksums));
  checksums[SUMS_ASSET] = sha256Hex(files[SUMS_ASSET]);
  const sorted = Object.fromEntries(
    Object.keys(checksums).sort().map((k) => [k, checksums[k]])
  );
  return { record: { ...record, checksums: sorted }, card, files };
}
function aliasStack(history, alias) {
  const stack = [];
  for (const event of history) {
    if (event.alias !== alias) continue;
    if (event.kind === "rollback") {
      stack.pop();
      if (stack[stack.length - 1] !== event.to) stack.push(event.to);
    } else {
      stack.push(event.to);
    }
  }
  return stack;
}
function rollbackTarget(name, history, alias) {
  const stack = aliasStack(history, alias);
  if (stack.length === 0) throw new InputError(`${name}@${alias} does not exist: nothing to roll back`);
  if (stack.length === 1) {
    throw new CheckFailedError(
      `${name}@${alias} has no earlier version to roll back to (it has only pointed to v${stack[0]})`
    );
  }
  return { from: stack[stack.length - 1], to: stack[stack.length - 2] };
}
function aliasesFromHistory(history) {
  const aliases = {};
  for (const event of history) aliases[event.alias] = event.to;
  return aliases;
}
var SHA256 = /^[0-9a-f]{64}$/;
function checkRecord(value, name, version, where) {
  const record = value;
  const problem = !record || typeof record !== "object" || Array.isArray(record) ? "not a JSON object" : record.name !== name || record.version !== version ? `it names ${JSON.stringify(record.name)} v${JSON.stringify(record.version)}, expected ${name} v${version}` : typeof record.sha256 !== "string" || !SHA256.test(record.sha256) ? '"sha256" is not a sha256 digest' : !Array.isArray(record.assets) || !record.assets.every((a) => typeof a === "string") ? '"assets" is not a list of file names' : !record.metrics || typeof record.metrics !== "object" || !record.lineage ? '"metrics" or "lineage" is missing' : null;
  if (problem) throw new InputError(`${where}: not a valid version record (${problem})`);
  return record;
}
function checkHistory(value, where) {
  if (!Array.isArray(value)) throw new InputError(`${where}: "history" is not a list of alias moves`);
  value.forEach((event, index) => {
    const valid = event && typeof event === "object" && typeof event.alias === "string" && Number.isInteger(event.to) && (event.from === null || Number.isInteger(event.from)) && (event.kind === "promote" || event.kind === "rollback");
    if (!valid) throw new InputError(`${where}: history entry ${index + 1} is not an alias move`);
  });
  return value;
}

export {
  escapeMarkdown2 as escapeMarkdown,
  renderModelCard,
  MODEL_ASSET,
  CARD_ASSET,
  SUMS_ASSET,
  RECORD_ASSET,
  RESERVED_ASSETS,
  validateModelName,
  validateAlias,
  validateAssetName,
  currentUser,
  prepareRegistration,
  buildVersion,
  sealVersion,
  rollbackTarget,
  aliasesFromHistory,
  checkRecord,
  checkHistory
};
