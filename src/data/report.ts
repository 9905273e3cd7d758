// validation.md: the verdict first, then anomalies, then a drift table with a small histogram
// sketch per column. Every string from data is escaped before it reaches Markdown.
import type { AnomalyCode } from '../config/types.js';
import { escapeMarkdown as escapeUntrusted } from '../report/markdown.js';
import type { ColumnDrift } from './drift/registry.js';
import type { ColumnStatistics, DatasetStatistics, Histogram } from './statistics.js';

/** An anomaly as reported in validation.json. */
export interface Anomaly {
  code: AnomalyCode;
  severity: 'error' | 'warning';
  column?: string;
  message: string;
  count?: number;
  values?: { value: string; count: number }[];
  rows?: { row: number; file?: string; line?: number; value?: string | number | null }[];
}

/** Dataset-level drift summary. */
export interface DatasetDrift {
  tested: number;
  drifted: number;
  share: number;
  threshold: number;
  drifted_dataset: boolean;
  blocking: boolean;
}

/** Contents of validation.json. */
export interface ValidationReport {
  format: 'mlci-validation';
  version: 1;
  verdict: 'pass' | 'fail';
  data: { path: string; files: number; rows: number; columns: number };
  reference: { path: string; kind: 'data' | 'statistics'; rows: number } | null;
  schema: string | null;
  summary: { errors: number; warnings: number };
  anomalies: Anomaly[];
  drift: Record<string, ColumnDrift>;
  dataset_drift: DatasetDrift | null;
  columns: Record<string, Omit<ColumnStatistics, 'distribution' | 'hll'>>;
  timings_ms?: Record<string, number>;
}

/** Escapes untrusted text for validation.md, whole (the one escaper of src/report/markdown.ts). */
export function escapeMarkdown(text: string): string {
  return escapeUntrusted(text, Number.POSITIVE_INFINITY);
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A one-line histogram sketch from bin counts. */
export function sparkline(counts: ArrayLike<number>): string {
  let max = 0;
  for (let i = 0; i < counts.length; i++) max = Math.max(max, counts[i]);
  if (max === 0) return '';
  let out = '';
  for (let i = 0; i < counts.length; i++) {
    out += counts[i] === 0 ? ' ' : BLOCKS[Math.min(7, Math.floor((counts[i] / max) * 7.999))];
  }
  return out;
}

/** Marks the reference's range in a sketch: the bars outside it count the rows below and above it. */
const RANGE_EDGE = '┊';

/**
 * A histogram's sketch on one scale with the rows outside its edges (a current column binned on the
 * reference's edges): a shifted column shows where its rows went rather than nothing.
 */
function histogramSketch(h: Histogram): string {
  const below = h.below ?? 0;
  const above = h.above ?? 0;
  const bars = sparkline([below, ...h.counts, above]);
  if (bars === '') return '';
  const inRange = bars.slice(1, -1);
  return `${below > 0 ? bars[0] + RANGE_EDGE : ''}${inRange}${above > 0 ? RANGE_EDGE + bars.at(-1) : ''}`;
}

/** Whether a column's sketch shows rows outside the reference's range. */
function outOfRange(s: ColumnStatistics | undefined): boolean {
  return (s?.histogram?.below ?? 0) > 0 || (s?.histogram?.above ?? 0) > 0;
}

function sketch(s: ColumnStatistics | undefined): string {
  if (!s) return '';
  if (s.histogram) return histogramSketch(s.histogram);
  if (s.values) {
    const counts = Object.entries(s.values)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .slice(0, 24)
      .map(([, c]) => c);
    return sparkline(counts);
  }
  return '';
}

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3
    ? x.toExponential(2)
    : x.toFixed(a >= 100 ? 1 : 4).replace(/(?:\.0+|(?<![.0])0+)$/, '');
}

/** Renders validation.md. */
export function renderMarkdown(report: ValidationReport, reference?: DatasetStatistics): string {
  const lines: string[] = [];
  const icon = report.verdict === 'pass' ? '✅' : '❌';
  lines.push(`## ${icon} Data validation: ${report.verdict.toUpperCase()}`);
  lines.push('');
  const dd = report.dataset_drift;
  lines.push(
    `${escapeMarkdown(report.data.path)}: ${report.data.rows.toLocaleString('en-US')} rows × ${report.data.columns} columns` +
      (report.reference
        ? ` · reference ${escapeMarkdown(report.reference.path)} (${report.reference.kind})`
        : '') +
      ` · ${report.summary.errors} error${report.summary.errors === 1 ? '' : 's'}, ${report.summary.warnings} warning${report.summary.warnings === 1 ? '' : 's'}` +
      (dd
        ? ` · drift in ${dd.drifted} of ${dd.tested} columns (${(dd.share * 100).toFixed(0)} %${dd.drifted_dataset ? ', dataset drift' : ''})`
        : '')
  );
  lines.push('');
  lines.push('### Anomalies');
  lines.push('');
  if (report.anomalies.length === 0) lines.push('None.');
  else {
    lines.push('| severity | code | column | details |');
    lines.push('|---|---|---|---|');
    for (const a of report.anomalies.slice(0, 200)) {
      const where =
        a.rows && a.rows.length > 0
          ? ` (first at ${a.rows
              .map((r) => (r.line ? `line ${r.line}` : `row ${r.row}`))
              .slice(0, 3)
              .join(', ')})`
          : '';
      lines.push(
        `| ${a.severity === 'error' ? '🛑 error' : '⚠️ warning'} | \`${a.code}\` | ${a.column ? escapeMarkdown(a.column) : '—'} | ${escapeMarkdown(a.message)}${where} |`
      );
    }
    if (report.anomalies.length > 200)
      lines.push(`| … | | | ${report.anomalies.length - 200} more in validation.json |`);
  }
  lines.push('');
  const driftCols = Object.entries(report.drift);
  if (driftCols.length > 0) {
    lines.push('### Drift');
    lines.push('');
    lines.push('| column | test | statistic | p-value | threshold | drift | reference | current |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const [name, d] of driftCols.sort(
      (a, b) => Number(b[1].drifted) - Number(a[1].drifted) || (a[0] < b[0] ? -1 : 1)
    )) {
      lines.push(
        `| ${escapeMarkdown(name)} | ${d.test}${d.exact ? '' : '≈'} | ${fmt(d.statistic)} | ${fmt(d.p_value)} | ${fmt(d.threshold)} | ${d.drifted ? '🔴 yes' : 'no'} | \`${sketch(reference?.columns[name])}\` | \`${sketch(report.columns[name] as ColumnStatistics)}\` |`
      );
    }
    lines.push('');
    if (driftCols.some(([name]) => outOfRange(report.columns[name] as ColumnStatistics)))
      lines.push(
        `${RANGE_EDGE} marks the reference's range: a bar beyond it counts the current rows below or above it.`,
        ''
      );
    if (driftCols.some(([, d]) => !d.exact))
      lines.push(
        '≈ computed against a stored summary of the reference (see rank_error in statistics.json).',
        ''
      );
  }
  lines.push('<details><summary>Column statistics</summary>');
  lines.push('');
  lines.push('| column | kind | missing | distinct | min | mean | max | histogram |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const [name, s] of Object.entries(report.columns)) {
    const min = typeof s.min === 'number' ? fmt(s.min) : s.min ? escapeMarkdown(String(s.min)) : '—';
    const max = typeof s.max === 'number' ? fmt(s.max) : s.max ? escapeMarkdown(String(s.max)) : '—';
    lines.push(
      `| ${escapeMarkdown(name)} | ${s.kind} | ${s.missing} | ${s.distinct}${s.distinct_exact ? '' : '≈'} | ${min} | ${fmt(s.mean ?? null)} | ${max} | \`${sketch(s as ColumnStatistics)}\` |`
    );
  }
  lines.push('');
  lines.push('</details>');
  lines.push('');
  return lines.join('\n');
}
