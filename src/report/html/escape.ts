const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;'
};

/**
 * Escapes text for HTML element content and quoted attribute values. Column names, class labels and
 * branch names come from data and pull requests, so every string from an input goes through here.
 */
export function escapeHtml(text: unknown): string {
  // Control characters other than tab/newline are invalid in HTML and can confuse parsers.
  // eslint-disable-next-line no-control-regex
  const clean = String(text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
  return clean.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/** A fragment id built from untrusted text: only [a-z0-9-], with a counter to keep ids unique. */
export function slugId(prefix: string, text: string, index: number): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '')
    .slice(0, 40);
  return `${prefix}-${index}${slug ? `-${slug}` : ''}`;
}

// Line breaks of every kind: Vega's expression lexer refuses them inside the string literals into
// which Vega-Lite copies titles and labels, and SVG text would fold them into nothing.
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// Other control characters (tab aside): invalid in SVG and HTML, replaced as escapeHtml does.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** What a chart shows of a string from an input: line breaks as ⏎, other control characters as U+FFFD. */
export function chartText(text: string): string {
  return text.replace(LINE_BREAK, '⏎').replace(CONTROL, '\ufffd');
}
