/** HTML of each report section. Every string from an input passes through escapeHtml. */
import { higherIsBetter } from '../../evaluation/metrics/types.js';
import { measuredBy } from '../../evaluation/metrics/catalog.js';
import { verdictFromExact, verdictFromInterval } from '../../gate/noise.js';
import { formatPercent, formatSigned, formatValue } from '../format.js';
import { escapeHtml as e, slugId } from './escape.js';
import type { EvaluationView, MetricRow, ValidationView, ColumnView } from './views.js';
import { distributionSpec } from './distribution-spec.js';
import { renderChart } from './render.js';
import {
  calibrationSpec,
  confusionSpec,
  historySpec,
  prSpec,
  rocSpec,
  sliceSpec,
  type VegaLiteSpec
} from './specs.js';

/** Renders charts with page-unique ids and counts them. */
export class ChartSink {
  count = 0;
  constructor(private readonly onChart: (count: number) => void = () => {}) {}
  /** Renders a spec into a <figure> with an optional caption (already escaped HTML). */
  async figure(spec: VegaLiteSpec, name: string, caption = '', className = ''): Promise<string> {
    const id = slugId('chart', name, ++this.count);
    const chart = await renderChart(spec, id);
    this.onChart(this.count);
    const cls = className ? ` class="${className}"` : '';
    return `<figure${cls} data-chart="${id}">${chart.svg}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  }
}

/** A "not available" note for a part the inputs do not carry. */
export function unavailable(what: string, why: string): string {
  return `<p class="unavailable" data-unavailable="${e(what)}">${e(what)} not available: ${e(why)}</p>`;
}

/** A number for a table: up to 4 decimals, "—" for null. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatValue(value, digits);
}

function signed(value: number | null, digits = 4): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value === 0 ? '±0' : formatSigned(value, digits);
}

function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value === 0 ? '±0.00 %' : formatPercent(value);
}

/** Coloured only when the interval excludes 0 (sizes: any difference), as in evaluation.md. */
function deltaClass(row: MetricRow): string {
  if (row.delta === null || row.delta === 0) return 'muted';
  const i = row.interval;
  const verdict = i
    ? verdictFromInterval(row.metric, {
        ...i,
        confidence: i.confidence ?? 0,
        resamples: 0,
        within_noise: i.low <= 0 && i.high >= 0
      })
    : measuredBy(row.metric) === 'exact'
      ? verdictFromExact(row.metric, row.delta)
      : null;
  return verdict === 'better' || verdict === 'worse' ? verdict : 'muted';
}

/** The table of gates: what was required, what was measured, pass/fail/skipped in words and colour. */
export function gatesSection(evaluation: EvaluationView): string {
  if (evaluation.gates.length === 0) return unavailable('Gates', 'evaluation.json lists no gates');
  const rows = evaluation.gates
    .map((g) => {
      const status =
        g.passed === null
          ? '<span class="skipped">– skipped</span>'
          : g.passed
            ? '<span class="ok">✔ pass</span>'
            : '<span class="bad">✖ fail</span>';
      return `<tr><td>${e(g.metric)}</td><td class="text">${e(g.rule)}</td><td>${formatNumber(g.threshold)}</td><td>${formatNumber(g.value)}</td><td class="text">${status}</td><td class="text">${e(g.message ?? '')}</td></tr>`;
    })
    .join('');
  return `<div class="table-wrap"><table><caption>Gates decide the verdict; a change gate is skipped when there is no baseline.</caption><thead><tr><th scope="col">metric</th><th scope="col" class="text">rule</th><th scope="col">threshold</th><th scope="col">value</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Candidate against baseline, metric by metric, with the bootstrap interval when there is one. */
export function metricsSection(evaluation: EvaluationView): string {
  if (evaluation.metrics.length === 0)
    return unavailable('Metrics', 'evaluation.json carries no candidate.metrics');
  const hasBaseline = evaluation.baseline !== null;
  const hasInterval = evaluation.metrics.some((m) => m.interval);
  const head = [
    '<th scope="col">metric</th>',
    '<th scope="col">candidate</th>',
    hasBaseline ? '<th scope="col">baseline</th><th scope="col">Δ</th><th scope="col">relative</th>' : '',
    hasInterval ? '<th scope="col">interval of Δ</th><th scope="col" class="text">noise?</th>' : ''
  ].join('');
  const rows = evaluation.metrics
    .map((m) => {
      const reason = evaluation.candidate.reasons[m.metric];
      const cand =
        m.candidate === null && reason
          ? `<span class="muted" title="${e(reason)}">n/a</span>`
          : formatNumber(m.candidate);
      const cells = [
        `<td>${e(m.metric)}${higherIsBetter(m.metric) ? '' : ' <span class="muted">(lower is better)</span>'}</td>`,
        `<td>${cand}</td>`
      ];
      if (hasBaseline) {
        const cls = deltaClass(m);
        cells.push(
          `<td>${formatNumber(m.baseline)}</td>`,
          `<td class="${cls}">${signed(m.delta)}</td>`,
          `<td class="${cls}">${percent(m.relative)}</td>`
        );
      }
      if (hasInterval) {
        const i = m.interval;
        cells.push(
          i
            ? `<td>[${signed(i.low)}, ${signed(i.high)}]${i.confidence ? ` <span class="muted">${Math.round(i.confidence * 100)} %</span>` : ''}</td>`
            : '<td>—</td>',
          `<td class="text">${i ? (i.withinNoise ? 'within noise' : '<strong>real change</strong>') : ''}</td>`
        );
      }
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const note = hasBaseline
    ? 'Δ is candidate − baseline; green is an improvement, red a regression, whichever direction the metric prefers.'
    : 'No baseline: this is a first run, the candidate is shown alone.';
  return `<div class="table-wrap"><table><caption>${e(note)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function models(evaluation: EvaluationView) {
  return evaluation.baseline ? [evaluation.candidate, evaluation.baseline] : [evaluation.candidate];
}

/** ROC and precision–recall curves side by side. */
export async function curvesSection(evaluation: EvaluationView, sink: ChartSink): Promise<string> {
  if (evaluation.task === 'regression')
    return unavailable('ROC and precision–recall curves', 'the task is regression');
  const all = models(evaluation);
  const parts: string[] = [];
  const missing = (m: string) => (evaluation.task === 'multiclass' ? `${m} (binary tasks only)` : m);
  if (all.some((m) => m.roc)) parts.push(await sink.figure(rocSpec(all), 'roc'));
  else parts.push(unavailable('ROC curve', missing('evaluation.json carries no curves.roc')));
  if (all.some((m) => m.pr)) parts.push(await sink.figure(prSpec(all), 'precision-recall'));
  else parts.push(unavailable('Precision–recall curve', missing('evaluation.json carries no curves.pr')));
  const lacking = all.filter((m) => !m.roc && !m.pr).map((m) => m.role);
  const note =
    lacking.length > 0 && lacking.length < all.length
      ? `<p class="note">No curves recorded for the ${e(lacking.join(' and '))}.</p>`
      : '';
  return `<div class="charts">${parts.join('')}</div>${note}`;
}

/** Reliability diagram. */
export async function calibrationSection(evaluation: EvaluationView, sink: ChartSink): Promise<string> {
  if (evaluation.task === 'regression') return unavailable('Calibration plot', 'the task is regression');
  const all = models(evaluation);
  if (!all.some((m) => m.calibration))
    return unavailable('Calibration plot', 'evaluation.json carries no calibration.bins');
  return `<div class="charts">${await sink.figure(calibrationSpec(all), 'calibration')}</div>`;
}

/** One confusion-matrix heat map per model. */
export async function confusionSection(evaluation: EvaluationView, sink: ChartSink): Promise<string> {
  if (evaluation.task === 'regression') return unavailable('Confusion matrix', 'the task is regression');
  const all = models(evaluation).filter((m) => m.confusion);
  if (all.length === 0) return unavailable('Confusion matrix', 'evaluation.json carries no confusion_matrix');
  const figures: string[] = [];
  for (const m of all) figures.push(await sink.figure(confusionSpec(m), `confusion-${m.role}`));
  return `<div class="charts">${figures.join('')}</div>`;
}

const SLICE_METRIC_PREFERENCE = ['roc_auc', 'roc_auc_ovr', 'f1', 'f1_macro', 'accuracy', 'r2', 'rmse', 'mae'];

/** The metric the slice bars show: a gated one if slices carry it, else the usual headline metric. */
export function sliceMetric(evaluation: EvaluationView): string | null {
  const available = new Set(
    evaluation.slices.flatMap((s) =>
      Object.entries(s.candidate)
        .filter(([, v]) => v !== null)
        .map(([k]) => k)
    )
  );
  for (const g of evaluation.gates) if (available.has(g.metric)) return g.metric;
  for (const m of SLICE_METRIC_PREFERENCE) if (available.has(m)) return m;
  return available.values().next().value ?? null;
}

/** Per-slice bars, one chart per slice column. */
export async function slicesSection(evaluation: EvaluationView, sink: ChartSink): Promise<string> {
  if (evaluation.slices.length === 0)
    return unavailable('Per-slice metrics', 'evaluation.json carries no slices');
  const metric = sliceMetric(evaluation);
  if (metric === null) return unavailable('Per-slice metrics', 'the slices carry no defined metric');
  const byColumn = new Map<string, typeof evaluation.slices>();
  for (const s of evaluation.slices) byColumn.set(s.column, [...(byColumn.get(s.column) ?? []), s]);
  const figures: string[] = [];
  for (const [column, all] of byColumn) {
    const rows = all.filter((r) => !r.skipped);
    const skipped = all.filter((r) => r.skipped);
    const skippedNote =
      skipped.length > 0
        ? `<br>Not scored: ${skipped.map((r) => `${e(r.value)} (${e(r.skipped)})`).join(' · ')}`
        : '';
    if (rows.length === 0) {
      figures.push(`<p class="unavailable">${e(column)}: no slice was scored.${skippedNote}</p>`);
      continue;
    }
    const caption =
      rows
        .map((r) => `${e(r.value)}${r.rows !== null ? ` (${r.rows.toLocaleString('en-US')} rows)` : ''}`)
        .join(' · ') + skippedNote;
    figures.push(
      await sink.figure(sliceSpec(column, metric, rows, models(evaluation)), `slice-${column}`, caption)
    );
  }
  return `<div class="charts">${figures.join('')}</div>`;
}

/** Gated metrics across registered versions and the candidate; empty when there is no history. */
export async function historySection(evaluation: EvaluationView, sink: ChartSink): Promise<string> {
  if (evaluation.history.length < 2) return '';
  const metrics = [...new Set(evaluation.history.flatMap((h) => Object.keys(h.metrics)))].slice(0, 4);
  const figures: string[] = [];
  for (const metric of metrics) {
    const points = evaluation.history.flatMap((h) => {
      const v = h.metrics[metric];
      return typeof v === 'number' ? [{ label: h.label, value: v }] : [];
    });
    if (points.length >= 2) figures.push(await sink.figure(historySpec(metric, points), `history-${metric}`));
  }
  return figures.length > 0 ? `<div class="charts">${figures.join('')}</div>` : '';
}

/** The drift line under a distribution: test, statistic, p-value, threshold and the outcome. */
export function driftLine(column: ColumnView): string {
  const d = column.drift;
  if (!d) return 'no drift test recorded';
  const parts = [d.drifted ? 'DRIFT' : 'no drift', d.test];
  if (d.statistic !== null) parts.push(`statistic ${formatNumber(d.statistic, 3)}`);
  if (d.pValue !== null) parts.push(`p ${formatNumber(d.pValue, 3)}`);
  if (d.threshold !== null) parts.push(`threshold ${formatNumber(d.threshold, 3)}`);
  return parts.join(' · ');
}

/** Anomalies found by validate-data. */
export function anomaliesSection(validation: ValidationView): string {
  if (validation.anomalies.length === 0) return '<p class="note">No anomalies.</p>';
  const rows = validation.anomalies
    .map(
      (a) =>
        `<tr><td class="text"><code>${e(a.code)}</code></td><td class="text">${e(a.column ?? '—')}</td><td class="text sev-${e(a.severity.toLowerCase())}">${e(a.severity)}</td><td class="text">${e(a.description)}</td></tr>`
    )
    .join('');
  return `<div class="table-wrap"><table><caption>${validation.anomalies.length} anomal${validation.anomalies.length === 1 ? 'y' : 'ies'}</caption><thead><tr><th scope="col" class="text">code</th><th scope="col" class="text">column</th><th scope="col" class="text">severity</th><th scope="col" class="text">description</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Drift per column as a table, then every column's reference vs current distribution. */
export async function driftSection(validation: ValidationView, sink: ChartSink): Promise<string> {
  if (validation.columns.length === 0)
    return unavailable('Column distributions', 'validation.json lists no columns');
  const tested = validation.columns.filter((c) => c.drift);
  const table =
    tested.length === 0
      ? unavailable('Drift tests', 'validation.json carries no drift results (no reference given)')
      : `<div class="table-wrap"><table><caption>${tested.filter((c) => c.drift?.drifted).length} of ${tested.length} columns drifted</caption><thead><tr><th scope="col">column</th><th scope="col" class="text">test</th><th scope="col">statistic</th><th scope="col">p-value</th><th scope="col">threshold</th><th scope="col" class="text">drift</th></tr></thead><tbody>${tested
          .map((c) => {
            const d = c.drift as NonNullable<ColumnView['drift']>;
            return `<tr><td><a href="#${slugId('col', c.name, validation.columns.indexOf(c))}">${e(c.name)}</a></td><td class="text">${e(d.test)}</td><td>${formatNumber(d.statistic)}</td><td>${formatNumber(d.pValue)}</td><td>${formatNumber(d.threshold)}</td><td class="text">${d.drifted ? '<span class="bad">✖ drifted</span>' : '<span class="ok">✔ stable</span>'}</td></tr>`;
          })
          .join('')}</tbody></table></div>`;
  const figures: string[] = [];
  for (const [i, column] of validation.columns.entries()) {
    const anchor = slugId('col', column.name, i);
    const stats = column.summary.map((s) => `${e(s.label)} ${e(s.value)}`).join(' · ');
    const flag = column.drift
      ? `<span class="flag ${column.drift.drifted ? 'drifted">✖ drifted' : 'stable">✔ stable'}</span> `
      : '';
    const caption = `${flag}${e(column.type ?? '')}${stats ? `<span class="stats">${stats}</span>` : ''}`;
    if (!column.reference && !column.current) {
      figures.push(
        `<figure id="${anchor}"><figcaption><strong>${e(column.name)}</strong>: distribution not available: validation.json records no histogram or value counts for this column. ${caption}</figcaption></figure>`
      );
      continue;
    }
    const spec = distributionSpec(column.name, column.reference, column.current, driftLine(column));
    const fig = await sink.figure(
      spec,
      `dist-${column.name}`,
      caption,
      column.drift?.drifted ? 'drifted' : ''
    );
    figures.push(fig.replace('<figure', `<figure id="${anchor}"`));
  }
  const onlyCurrent = validation.columns.every((c) => !c.reference);
  const sizes =
    validation.rows !== null
      ? `<p class="note">Current data: ${formatNumber(validation.rows, 0)} rows${validation.referenceRows !== null ? `; reference: ${formatNumber(validation.referenceRows, 0)} rows` : ''}. Bars are shares of all rows, so samples of different sizes compare; values outside the histogram’s bins and missing values have bars of their own, so each sample’s bars add up to its rows.</p>`
      : '';
  const currentOnly = onlyCurrent
    ? '<p class="note">No reference distribution recorded: the charts show the current data only (validate-data writes reference-statistics.json beside validation.json when it is given a reference; --reference-statistics names another file).</p>'
    : '';
  return `${sizes}${table}${currentOnly}<h3>Distributions</h3><div class="charts">${figures.join('')}</div>`;
}
