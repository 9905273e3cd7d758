/**
 * The one Markdown escaper for untrusted strings (branch names, column names, values from data,
 * model paths, anomaly messages) before they go into a PR comment, a job summary, validation.md, a
 * model card or pipeline.md: HTML is turned into entities, Markdown syntax (emphasis, code, links,
 * images, table pipes) is backslash-escaped, @mentions and URLs are broken with a zero-width space,
 * and lines are joined.
 */

const ZWSP = '\u200b';
const MAX_UNTRUSTED = 200;

/**
 * Escapes text for Markdown (and HTML), one line, @mentions neutralised, capped at `max` characters
 * (pass Infinity for messages the document must show whole).
 */
export function escapeMarkdown(text: unknown, max = MAX_UNTRUSTED): string {
  let s = String(text ?? '');
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return (
    s
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*{}[\]()#+!|~]/g, (c) => `\\${c}`)
      // Underscores inside a word (roc_auc) never emphasise in GitHub Markdown: only edge ones are escaped.
      .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
      .replace(/@/g, `@${ZWSP}`)
      .replace(/(^|\s)-/g, '$1\\-')
      .replace(/:\/\//g, `:/${ZWSP}/`)
  );
}

/** Text that may contain a Markdown table separator or a newline, for a table cell. */
export function escapeCell(text: unknown, max = MAX_UNTRUSTED): string {
  return escapeMarkdown(text, max);
}

/** A string for a double-quoted Mermaid label (quotes and markup removed). */
export function escapeMermaid(text: unknown): string {
  return String(text ?? '')
    .replace(/["`<>\r\n]/g, ' ')
    .replace(/@/g, `@${ZWSP}`)
    .slice(0, 60);
}

/** Cuts Markdown to at most `max` characters, closing an open code fence and saying it was cut. */
export function truncateMarkdown(
  text: string,
  max: number,
  note = '\n\n_… report truncated; the full report is in the job summary and the evaluation artifact._\n'
): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - note.length - 8));
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > cut.length / 2) cut = cut.slice(0, lastNewline);
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += '\n```';
  return cut + note;
}
