import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/report/markdown.ts
var ZWSP = "​";
var MAX_UNTRUSTED = 200;
function escapeMarkdown(text, max = MAX_UNTRUSTED) {
  let s = String(text ?? "");
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s.replace(/[\r\n\t]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*{}[\]()#+!|~]/g, (c) => `\\${c}`).replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace("_", "\\_")).replace(/@/g, `@${ZWSP}`).replace(/(^|\s)-/g, "$1\\-").replace(/:\/\//g, `:/${ZWSP}/`);
}
function escapeCell(text, max = MAX_UNTRUSTED) {
  return escapeMarkdown(text, max);
}
function escapeMermaid(text) {
  return String(text ?? "").replace(/["`<>\r\n]/g, " ").replace(/@/g, `@${ZWSP}`).slice(0, 60);
}
function truncateMarkdown(text, max, note = "\n\n_… report truncated; the full report is in the job summary and the evaluation artifact._\n") {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - note.length - 8));
  const lastNewline = cut.lastIndexOf("\n");
  if (lastNewline > cut.length / 2) cut = cut.slice(0, lastNewline);
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += "\n```";
  return cut + note;
}

export {
  escapeMarkdown,
  escapeCell,
  escapeMermaid,
  truncateMarkdown
};
