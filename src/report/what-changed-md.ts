// The "What changed" lines under the verdict of the PR comment: parameters, data versions, code and
// runtime that differ from the production model's lineage, one line each, only what differs.
import {
  anythingChanged,
  type DataChange,
  type DataVersion,
  type ParamChange,
  type WhatChanged
} from '../lineage/what-changed.js';
import { escapeMarkdown } from './markdown.js';

// Items per line before "and N more": the comment stays compact on a sweep over many params.
const MAX_ITEMS = 8;
const SHORT_HASH = 8;

/** Renders `what_changed` as Markdown lines (empty for an evaluation.json without it). */
export function renderWhatChanged(w: WhatChanged | null | undefined): string[] {
  if (!w) return [];
  if (w.baseline === null)
    return [`**What changed:** nothing to compare with (${escapeMarkdown(w.note ?? 'no baseline')}).`, ''];
  const since = `**What changed** since ${escapeMarkdown(w.baseline)}`;
  const note = w.note ? ` _(${escapeMarkdown(w.note, 300)})_` : '';
  if (!anythingChanged(w)) {
    const what = w.note
      ? 'nothing that the recorded lineage shows'
      : 'nothing: same parameters, data, code and runtime';
    return [`${since}: ${what}.${note}`, ''];
  }
  const lines = [`${since}:${note}`, ''];
  if (w.params_file || w.params.length > 0) lines.push(`- **Parameters:** ${paramsText(w)}`);
  if (w.data.length > 0) lines.push(`- **Data:** ${capped(w.data.map(dataText))}`);
  if (w.code) lines.push(`- **Code:** ${codeText(w.code)}`);
  if (w.environment.length > 0)
    lines.push(
      `- **Environment:** ${capped(w.environment.map((e) => `${escapeMarkdown(e.name)} ${version(e.baseline)} → ${version(e.candidate)}`))}`
    );
  lines.push('');
  return lines;
}

function paramsText(w: WhatChanged): string {
  const items = w.params.map(paramText);
  if (w.params_file)
    items.unshift(`params file ${version(w.params_file.baseline)} → ${version(w.params_file.candidate)}`);
  return capped(items);
}

function paramText(p: ParamChange): string {
  const name = escapeMarkdown(p.name);
  const from = p.origin === 'override' ? ' (set)' : '';
  if (p.change === 'added') return `${name} added = ${value(p.candidate)}${from}`;
  if (p.change === 'removed') return `${name} removed (was ${value(p.baseline)})`;
  return `${name} ${value(p.baseline)} → ${value(p.candidate)}${from}`;
}

function dataText(d: DataChange): string {
  const role = d.role ? ` (${escapeMarkdown(d.role)})` : '';
  const name = `${escapeMarkdown(d.path)}${role}`;
  if (d.change === 'added') return `${name} added, ${versionText(d.candidate)}`;
  if (d.change === 'removed') return `${name} removed (was ${versionText(d.baseline)})`;
  const parts = [hashChange(d.baseline, d.candidate)];
  const rowsA = d.baseline?.rows ?? null;
  const rowsB = d.candidate?.rows ?? null;
  if (rowsA !== null && rowsB !== null && rowsA !== rowsB)
    parts.push(`rows ${count(rowsA)} → ${count(rowsB)}`);
  if (d.columns_added.length > 0)
    parts.push(`columns added: ${d.columns_added.map((c) => escapeMarkdown(c)).join(', ')}`);
  if (d.columns_removed.length > 0)
    parts.push(`columns removed: ${d.columns_removed.map((c) => escapeMarkdown(c)).join(', ')}`);
  return `${name} ${parts.join(', ')}`;
}

// DVC's md5 is labelled as such: it is not comparable with a sha256 of the same bytes.
function label(v: DataVersion): string {
  return v.algorithm === 'md5' ? `md5 (DVC${v.dvc_file ? ` ${escapeMarkdown(v.dvc_file)}` : ''})` : 'sha256';
}

function hashChange(a: DataVersion | null, b: DataVersion | null): string {
  if (!a || !b) return versionText(b ?? a);
  const short = (v: DataVersion) => escapeMarkdown(v.hash.slice(0, SHORT_HASH));
  if (a.algorithm === b.algorithm) return `${label(b)} ${short(a)} → ${short(b)}`;
  return `${label(a)} ${short(a)} → ${label(b)} ${short(b)}`;
}

function versionText(v: DataVersion | null): string {
  if (!v) return 'unknown version';
  const rows = v.rows !== null ? `, ${count(v.rows)} rows` : '';
  return `${label(v)} ${escapeMarkdown(v.hash.slice(0, SHORT_HASH))}${rows}`;
}

function codeText(code: NonNullable<WhatChanged['code']>): string {
  const parts: string[] = [];
  if (code.files.length > 0)
    parts.push(capped(code.files.map((f) => `${escapeMarkdown(f.path)} ${f.change}`)));
  const { baseline, candidate } = code.sources_sha256;
  if (baseline && candidate) parts.push(`sources ${shortHash(baseline)} → ${shortHash(candidate)}`);
  const c = code.commit;
  if (c.baseline || c.candidate)
    parts.push(
      c.baseline === c.candidate
        ? `commit ${shortHash(c.candidate)}`
        : `commit ${shortHash(c.baseline)} → ${shortHash(c.candidate)}`
    );
  return parts.join('; ');
}

function capped(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS).join(', ');
  return items.length > MAX_ITEMS ? `${shown} and ${items.length - MAX_ITEMS} more (evaluation.json)` : shown;
}

function shortHash(text: string | null): string {
  return text ? escapeMarkdown(text.slice(0, 7)) : 'unknown';
}

function version(text: string | null): string {
  return text === null ? 'none' : escapeMarkdown(text, 60);
}

function value(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  return escapeMarkdown(typeof v === 'string' ? v : JSON.stringify(v), 60);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
