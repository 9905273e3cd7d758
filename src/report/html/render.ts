import { chartText, escapeHtml } from './escape.js';
import { BASE_CONFIG, type VegaLiteSpec } from './specs.js';
import { vegaTextWidth } from './text-width.js';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let libraries: Promise<[VegaModule, VegaLiteModule]> | null = null;

/** Vega is about 1 MB of JavaScript: load it only when a report is built. */
function loadLibraries(): Promise<[VegaModule, VegaLiteModule]> {
  // One after the other: they share modules, and jest's ESM loader fails on concurrent imports of them.
  libraries ??= (async () => {
    const vega = await import('vega');
    const vl = await import('vega-lite');
    // Process-wide, but mlci renders charts nowhere else.
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
    return [vega, vl] as [VegaModule, VegaLiteModule];
  })();
  return libraries;
}

/** A chart rendered to inline SVG, with what screen readers announce for it. */
export interface RenderedChart {
  svg: string;
  title: string;
  description: string;
}

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string in Node (no browser, no canvas). The
 * SVG gets role="img", a <title> and a <desc> so assistive technology names the chart; the id
 * keeps those references unique within the page.
 */
export async function renderChart(raw: VegaLiteSpec, id: string): Promise<RenderedChart> {
  const [vega, vl] = await loadLibraries();
  const spec = chartStrings(raw) as VegaLiteSpec;
  const full = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: BASE_CONFIG, ...spec };
  const compiled = vl.compile(full as Parameters<typeof vl.compile>[0]).spec;
  // No loader access: every chart's data is inline, so nothing may be fetched.
  const loader = vega.loader({ mode: 'file' });
  loader.load = async (uri: string) => {
    throw new Error(`report charts must not load data (${uri})`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  svg = localIds(svg, id);
  const title = titleOf(spec);
  const description = typeof spec.description === 'string' ? spec.description : title;
  const a11y =
    `<title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`;
  svg = svg.replace(
    /^<svg\b([^>]*)>/,
    (_m, attributes: string) =>
      `<svg${attributes} id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">${a11y}`
  );
  return { svg, title, description };
}

/**
 * Every string of a spec as the chart shows it (chartText). This is the one door through which
 * names from the data (titles, labels, categories, sort orders) reach Vega, so it is cleaned here,
 * the same way everywhere in the spec: a category and the sort order that names it still match.
 */
function chartStrings(value: unknown): unknown {
  if (typeof value === 'string') return chartText(value);
  if (Array.isArray(value)) return value.map(chartStrings);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, chartStrings(v)]));
  return value;
}

function titleOf(spec: VegaLiteSpec): string {
  const t = spec.title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string') {
    const subtitle = (t as { subtitle?: unknown }).subtitle;
    const sub = Array.isArray(subtitle) ? subtitle.join('; ') : typeof subtitle === 'string' ? subtitle : '';
    return sub ? `${(t as { text: string }).text} (${sub})` : (t as { text: string }).text;
  }
  return 'chart';
}

/**
 * Vega numbers gradients and clip paths with process-wide counters; renaming them after the chart
 * keeps ids unique within the page and the same from one build to the next.
 */
function localIds(svg: string, chartId: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  if (ids.length === 0) return svg;
  const renamed = new Map(ids.map((old, k) => [old, `${chartId}-${k}`]));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(id="|url\\(#|href="#)(${[...renamed.keys()].map(escape).join('|')})(?=[")])`,
    'g'
  );
  return svg.replace(pattern, (_m, prefix: string, old: string) => `${prefix}${renamed.get(old)}`);
}
