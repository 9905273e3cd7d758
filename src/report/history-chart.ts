import type { EvaluationJson } from '../evaluation/types.js';
import { metricSpec } from '../evaluation/metrics/catalog.js';
import { escapeCell, escapeMarkdown, escapeMermaid } from './markdown.js';
import { formatValue } from './format.js';

/**
 * The line colour: an orange that keeps over 3:1 contrast on GitHub's light (#ffffff) and dark
 * (#0d1117) backgrounds, where Mermaid's default palette draws a line that vanishes in dark mode.
 */
export const HISTORY_LINE_COLOUR = '#e8710a';
/** Chart size in pixels: compact, one line of the comment's width. */
export const HISTORY_CHART = { width: 640, height: 220 } as const;
/**
 * The y axis spans at least this share of the values' magnitude (or of the metric's range when it
 * is bounded), so a change in the fourth decimal does not fill the chart's height.
 */
export const MIN_AXIS_SHARE = 0.1;
/** When the values move less than this share of the axis, a table row with a sparkline says more. */
const FLAT_SHARE = 0.02;

const SPARKS = '▁▂▃▄▅▆▇█';

/** The y-axis range of a metric's history: the values padded to at least the minimum span, within the metric's range. */
export function axisRange(metric: string, values: readonly number[]): [number, number] {
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

function round(x: number): number {
  return Number(x.toPrecision(6));
}

/** A sparkline of values on the given axis. */
export function sparkline(values: readonly number[], [low, high]: [number, number]): string {
  return values
    .map(
      (v) =>
        SPARKS[
          Math.min(
            SPARKS.length - 1,
            Math.max(0, Math.floor(((v - low) / (high - low || 1)) * SPARKS.length))
          )
        ]
    )
    .join('');
}

function chart(metric: string, labels: string[], values: number[], axis: [number, number]): string[] {
  return [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    `    width: ${HISTORY_CHART.width}`,
    `    height: ${HISTORY_CHART.height}`,
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${HISTORY_LINE_COLOUR}"`,
    '---',
    'xychart-beta',
    `    title "${escapeMermaid(metric)}"`,
    `    x-axis [${labels.map((l) => `"${escapeMermaid(l)}"`).join(', ')}]`,
    `    y-axis "${escapeMermaid(metric)}" ${axis[0]} --> ${axis[1]}`,
    `    line [${values.map(round).join(', ')}]`,
    '```',
    ''
  ];
}

/** The history of the gated metrics: a chart per metric that moved, one table row with a sparkline per flat one. */
export function renderHistory(lines: string[], e: EvaluationJson): void {
  if (!e.history || e.history.length < 2) return;
  const history = e.history;
  const flat: string[] = [];
  const charts: string[] = [];
  for (const m of Object.keys(history[0].metrics)) {
    const points = history.filter((h) => typeof h.metrics[m] === 'number');
    if (points.length < 2) continue;
    const values = points.map((p) => p.metrics[m] as number);
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
  lines.push('### History of gated metrics', '');
  if (flat.length > 0)
    lines.push('| metric | trend | first → last | versions |', '|---|---|---|---|', ...flat, '');
  lines.push(...charts);
}
