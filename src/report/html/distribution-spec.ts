/**
 * The Vega-Lite specification of a column's distribution chart: reference and current overlaid,
 * with every row drawn (in a bin, outside the bins, or missing). Field names are fixed, as in
 * specs.ts: names from the data are only ever values or titles.
 */
import { PALETTE, type VegaLiteSpec } from './specs.js';
import { estimateTextWidth } from './text-width.js';
import type { Distribution } from './views.js';

/** Label of the bar of missing rows (null and NaN). */
export const MISSING = 'missing';

function edgeLabel(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** One bar of a distribution chart: its rows and their share of ALL the sample's rows. */
interface Bar {
  series: string;
  rows: number;
  share: number;
  lower?: number;
  upper?: number;
  category?: string;
}

/** The bars of one sample; `range` is the lowest and highest bin edge of the chart. */
function bars(d: Distribution, series: string, range: [number, number]): { inRange: Bar[]; outside: Bar[] } {
  const bar = (rows: number, at: Partial<Bar>): Bar => ({
    series,
    rows,
    share: d.rows > 0 ? rows / d.rows : 0,
    ...at
  });
  const outside: Bar[] = [];
  if (d.kind === 'numeric') {
    if (d.below > 0) outside.push(bar(d.below, { category: `below ${edgeLabel(range[0])}` }));
    if (d.above > 0) outside.push(bar(d.above, { category: `above ${edgeLabel(range[1])}` }));
    if (d.missing > 0) outside.push(bar(d.missing, { category: MISSING }));
    return { inRange: d.bins.map((b) => bar(b.count, { lower: b.lower, upper: b.upper })), outside };
  }
  const inRange = d.categories.map((c) => bar(c.count, { category: c.value }));
  if (d.other > 0) inRange.push(bar(d.other, { category: '(other)' }));
  if (d.missing > 0) inRange.push(bar(d.missing, { category: `(${MISSING})` }));
  return { inRange, outside };
}

// Carried into each bar's accessible label (and tooltip) so the page states what each bar holds.
const BAR_TOOLTIP = [
  { field: 'series', type: 'nominal', title: 'data' },
  { field: 'rows', type: 'quantitative', title: 'rows' },
  { field: 'share', type: 'quantitative', title: 'share of all rows', format: '.1%' }
];

const SHARE_AXIS = {
  field: 'share',
  type: 'quantitative',
  title: 'share of all rows',
  axis: { format: '.0%' },
  stack: null
};

type Part = { d: Distribution; series: string };

function colourOf(domain: string[]) {
  return {
    field: 'series',
    type: 'nominal',
    title: 'data',
    scale: { domain, range: domain.map((s) => PALETTE[s as 'reference' | 'current']) }
  };
}

/** Side-by-side bars per category (or per out-of-range/missing bucket), one per series. */
function groupedBars(values: Bar[], domain: string[], xTitle: string, width?: unknown): VegaLiteSpec {
  const order: string[] = [];
  for (const v of values) if (v.category !== undefined && !order.includes(v.category)) order.push(v.category);
  // Labels read best upright: widen the bars (up to a point) until the widest label fits its band,
  // and slant the labels only when it still does not.
  const widest = Math.max(0, ...order.map((c) => estimateTextWidth(c.slice(0, 20), 11)));
  const minStep = domain.length > 1 ? 16 : 22;
  const step = Math.min(36, Math.max(minStep, Math.ceil((widest + 10) / (domain.length * 1.1))));
  const upright = order.length <= 8 && widest + 6 <= step * domain.length * 1.1;
  return {
    width: width ?? { step },
    height: 150,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'category',
        type: 'nominal',
        title: xTitle,
        sort: order,
        axis: { labelAngle: upright ? 0 : -35, labelLimit: 120 }
      },
      xOffset: { field: 'series', type: 'nominal', scale: { domain } },
      y: SHARE_AXIS,
      color: colourOf(domain),
      tooltip: BAR_TOOLTIP
    }
  };
}

function histogram(values: Bar[], domain: string[], column: string): VegaLiteSpec {
  // Reference as filled bars, current as outlined bars on top: both stay visible where they overlap.
  const x = { field: 'lower', type: 'quantitative', title: column, scale: { zero: false, nice: false } };
  return {
    width: 280,
    height: 150,
    data: { values },
    encoding: { x, x2: { field: 'upper' }, y: SHARE_AXIS, tooltip: BAR_TOOLTIP },
    layer: [
      {
        transform: [{ filter: "datum.series === 'reference'" }],
        mark: { type: 'rect', fillOpacity: 0.55, stroke: 'white', strokeWidth: 0.5 },
        encoding: { color: colourOf(domain) }
      },
      {
        transform: [{ filter: "datum.series === 'current'" }],
        // Fixed colours: the reference layer's legend (or the side bars') already names both series.
        mark: {
          type: 'rect',
          fill: PALETTE.current,
          fillOpacity: 0.12,
          stroke: PALETTE.current,
          strokeWidth: 1.75
        }
      }
    ]
  };
}

function rowsLine(parts: Part[]): string {
  return parts.map((p) => `${p.series}: ${p.d.rows} rows`).join('; ');
}

/**
 * Reference and current distributions of one column overlaid, as shares of all rows so samples of
 * different sizes compare. Rows outside the bins and missing rows get bars of their own, so the
 * bars of each sample add up to its rows; the subtitle carries the drift test's result.
 */
export function distributionSpec(
  column: string,
  reference: Distribution | null,
  current: Distribution | null,
  driftLine: string
): VegaLiteSpec {
  const parts: Part[] = [
    ...(reference ? [{ d: reference, series: 'reference' }] : []),
    ...(current ? [{ d: current, series: 'current' }] : [])
  ];
  const domain = parts.map((p) => p.series);
  const edges = parts.flatMap((p) =>
    p.d.kind === 'numeric' && p.d.bins.length > 0
      ? [p.d.bins[0].lower, p.d.bins[p.d.bins.length - 1].upper]
      : []
  );
  const range: [number, number] = [Math.min(...edges), Math.max(...edges)];
  const split = parts.map((p) => bars(p.d, p.series, range));
  const inRange = split.flatMap((s) => s.inRange);
  const outside = split.flatMap((s) => s.outside);
  const description = `Distribution of the column ${column}: ${domain.join(' and ')} data as shares of all rows (${rowsLine(parts)}). ${driftLine}`;
  const title = { text: column, subtitle: driftLine };
  if (!parts.every((p) => p.d.kind === 'numeric'))
    return { title, description, ...groupedBars([...inRange, ...outside], domain, column) };
  const main = histogram(inRange, domain, column);
  if (outside.length === 0) return { title, description, ...main };
  return {
    title,
    description,
    hconcat: [main, groupedBars(outside, domain, 'outside the bins')],
    resolve: { scale: { y: 'shared' } }
  };
}
