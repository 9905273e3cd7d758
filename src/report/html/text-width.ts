/**
 * Text widths for Vega's layout in Node. Without a canvas Vega guesses 0.8 × font size per
 * character, about 60 % too wide for proportional fonts, which pads every chart with empty space
 * beside its titles. These are Helvetica/Arial advance widths (per 1000 units of the em) for
 * printable ASCII, scaled up a little so wider fallback fonts (DejaVu Sans) do not clip.
 */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];

const SAFETY = 1.18;

/** The estimated width in pixels of `text` at `fontSize`, bold text a little wider. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 32 && code <= 126) units += ASCII_WIDTHS[code - 32];
    else if (code >= 0x1100)
      units += 1000; // CJK and other wide scripts
    else units += 600;
  }
  return (units / 1000) * fontSize * SAFETY * (bold ? 1.08 : 1);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** A drop-in for vega-scenegraph's textMetrics.width (which it supports replacing, as vl-convert does). */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  if (size <= 0 || line === '') return 0;
  const weight = item.fontWeight;
  const bold =
    weight === 'bold' ||
    weight === 'bolder' ||
    (typeof weight === 'number' && weight >= 600) ||
    Number(weight) >= 600;
  const width = estimateTextWidth(line, size, bold);
  // A label with a limit is truncated to fit it, so it never takes more room than the limit.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}
