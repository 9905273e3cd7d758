import type { GateResult } from '../gate/gates.js';
import type { EvaluationJson, MetricDelta, SliceReport } from '../evaluation/types.js';
import {
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  sliceTableMetrics,
  higherIsBetter
} from '../evaluation/metrics/catalog.js';
import { escapeCell, escapeMarkdown } from './markdown.js';
import { renderWhatChanged } from './what-changed-md.js';
import { renderHistory } from './history-chart.js';
import {
  countOf,
  formatInterval,
  formatPercent,
  formatSigned,
  formatValue,
  formatWithUnit,
  withoutVerdict
} from './format.js';
import { MIN_INTERVAL_ROWS } from '../gate/noise.js';

/** Options of the Markdown report. */
export interface EvaluationMarkdownOptions {
  /** Heading text; default "mlci evaluate". */
  title?: string;
  /** Slice rows shown per column. */
  maxSliceRows?: number;
}

export { formatValue } from './format.js';

/** What a change is, in words: judged from its interval (or latency spread), never from its sign. */
export function changeWords(change: MetricDelta['change'] | undefined): string {
  if (change === 'better') return '🟢 better';
  if (change === 'worse') return '🔴 worse';
  if (change === 'within_noise') return 'within noise';
  return '—';
}

/** The Δ cell: the signed difference with its unit, and its interval when there is one. */
export function formatDelta(m: string, d: MetricDelta | undefined): string {
  if (!d || d.delta === null) return '—';
  const i = d.interval;
  const ci = i && i.low !== null ? ` ${formatInterval(i.low, i.high)}` : '';
  return `${formatWithUnit(m, d.delta, true)}${ci}`;
}

function formatRelative(d: MetricDelta | undefined): string {
  if (!d || d.relative === null) return '—';
  return formatPercent(d.relative);
}

function gateText(g: GateResult): string {
  const icon = g.status === 'pass' ? '✅' : g.status === 'fail' ? '❌' : '⏭️';
  return `${icon} ${g.kind} ${formatValue(g.threshold)}`;
}

/** Renders evaluation.md (also the PR comment body and job summary): verdict first, then details. */
export function renderEvaluationMarkdown(e: EvaluationJson, options: EvaluationMarkdownOptions = {}): string {
  const lines: string[] = [];
  const title = options.title ?? 'mlci evaluate';
  const name = e.model_name ? ` · ${escapeMarkdown(e.model_name)}` : '';
  const icon = e.verdict === 'fail' ? '❌' : e.rubber_stamp ? '🟡' : '✅';
  lines.push(
    `## ${icon} ${title}${name}: **${e.verdict.toUpperCase()}**${e.rubber_stamp ? ' (rubber stamp)' : ''}`,
    ''
  );
  lines.push(escapeMarkdown(withoutVerdict(e.summary), 2000), '');
  lines.push(...renderWhatChanged(e.what_changed));
  if (e.rubber_stamp) {
    lines.push(
      '> [!NOTE]',
      '> No baseline model was found (no explicit file, no `production` alias, no artifact from a successful main-branch run), so nothing was compared: this first run passes as a rubber stamp. Value gates (`min`/`max`) still applied.',
      ''
    );
  }
  const failed = e.gates.filter((g) => g.status === 'fail');
  if (failed.length > 0) {
    lines.push('**Failed gates**', '');
    for (const g of failed.slice(0, 20)) {
      const where = g.slice ? ` [${escapeMarkdown(g.slice.column)} = ${escapeMarkdown(g.slice.value)}]` : '';
      lines.push(
        `- \`${g.metric}\`${where} ${g.kind} ${formatValue(g.threshold)}: ${escapeMarkdown(g.reason, 400)}`
      );
    }
    if (failed.length > 20) lines.push(`- … and ${failed.length - 20} more (see evaluation.json)`);
    lines.push('');
  }

  const confidence = e.bootstrap ? `${Math.round(e.bootstrap.confidence * 100)} % interval` : 'interval';
  lines.push(
    `| metric | baseline | candidate | Δ [${confidence}] | Δ% | change | gate |`,
    `|---|---:|---:|---|---:|---|---|`
  );
  const topGates = e.gates.filter((g) => !g.slice);
  const shown = [...METRICS_BY_TASK[e.task], ...MODEL_METRICS_BY_TASK[e.task]].filter(
    (m) => m in e.candidate.metrics
  );
  for (const m of [...shown, ...topGates.map((g) => g.metric).filter((m) => !shown.includes(m))]) {
    const d = e.deltas[m];
    const gates = topGates
      .filter((g) => g.metric === m)
      .map(gateText)
      .join('<br>');
    const arrowHint = higherIsBetter(m) ? '↑' : '↓';
    const undef = (v: number | null | undefined, reasons?: Record<string, string>) =>
      v === null && reasons?.[m] ? `n/a¹` : formatWithUnit(m, v);
    lines.push(
      `| \`${m}\` ${arrowHint} | ${e.baseline ? undef(e.baseline.metrics[m], e.baseline.undefined_reasons) : '—'} | ${undef(e.candidate.metrics[m], e.candidate.undefined_reasons)} | ${formatDelta(m, d)} | ${formatRelative(d)} | ${e.baseline ? changeWords(d?.change) : '—'} | ${gates || '—'} |`
    );
  }
  lines.push('');
  const reasons = Object.entries(e.candidate.undefined_reasons);
  const notes = Object.entries(e.candidate.notes);
  if (reasons.length > 0 || notes.length > 0) {
    for (const [m, r] of reasons) lines.push(`¹ \`${m}\` is undefined on this data: ${escapeMarkdown(r)}.  `);
    for (const [m, r] of notes) lines.push(`\`${m}\`: ${escapeMarkdown(r)}.  `);
    lines.push('');
  }
  lines.push(
    '↑ higher is better · ↓ lower is better · 🟢 better / 🔴 worse only when the paired bootstrap interval of the difference excludes 0 (latency: beyond the spread of its timed passes); otherwise within noise',
    ''
  );

  renderSlices(lines, e, options.maxSliceRows ?? 25);
  renderConfusion(lines, e);
  renderDrift(lines, e);
  renderHistory(lines, e);
  renderDetails(lines, e);
  return lines.join('\n');
}

function renderSlices(lines: string[], e: EvaluationJson, maxRows: number): void {
  if (e.slices.length === 0) return;
  lines.push('### Slices', '');
  const columns = [...new Set(e.slices.map((s) => s.column))];
  for (const column of columns) {
    const all = e.slices.filter((s) => s.column === column);
    const scored = all.filter((s) => !s.skipped);
    const gated = e.gates.filter((g) => g.slice?.column === column).map((g) => g.metric);
    const metrics = sliceTableMetrics(e.task, gated);
    lines.push(`**${escapeMarkdown(column)}**`, '');
    lines.push(
      `| value | rows | ${metrics.map((m) => `\`${m}\` (baseline → candidate)`).join(' | ')} | gate |`
    );
    lines.push(`|---|---:|${metrics.map(() => '---|').join('')}---|`);
    for (const s of scored.slice(0, maxRows)) {
      const cells = metrics.map((m) => sliceCell(s, m));
      const gates = e.gates.filter((g) => g.slice?.column === column && g.slice.value === s.value);
      const status =
        gates.length === 0
          ? '—'
          : gates.some((g) => g.status === 'fail')
            ? '❌'
            : gates.every((g) => g.status === 'skipped')
              ? '⏭️'
              : '✅';
      lines.push(
        `| ${escapeCell(s.value, 60)} | ${s.rows.toLocaleString('en-US')} | ${cells.join(' | ')} | ${status} |`
      );
    }
    if (scored.length > maxRows)
      lines.push(
        `| … ${scored.length - maxRows} more in evaluation.json | … | ${metrics.map(() => '…').join(' | ')} | … |`
      );
    const skipped = all.filter((s) => s.skipped);
    if (skipped.length > 0) {
      const list = skipped
        .slice(0, 10)
        .map((s) => `${escapeMarkdown(s.value, 40)} (${s.rows})`)
        .join(', ');
      lines.push(
        '',
        `Not scored: ${list}${skipped.length > 10 ? `, … ${skipped.length - 10} more` : ''} — ${escapeMarkdown(skipped[0].skipped ?? '')}${skipped.some((s) => s.skipped !== skipped[0].skipped) ? ' and others' : ''}.`
      );
    }
    lines.push('');
  }
}

function sliceCell(s: SliceReport, m: string): string {
  const c = s.candidate?.[m];
  const b = s.baseline?.[m];
  if (!s.baseline) return formatValue(c);
  const values = `${formatValue(b)} → ${formatValue(c)}`;
  if (c === null || c === undefined || b === null || b === undefined) return values;
  if (!s.intervals) return s.rows < MIN_INTERVAL_ROWS ? `${values} (too few rows)` : values;
  const change = s.change?.[m];
  return change === 'better'
    ? `${values} 🟢`
    : change === 'worse'
      ? `${values} 🔴`
      : `${values} (within noise)`;
}

function renderConfusion(lines: string[], e: EvaluationJson): void {
  const cm = e.candidate.confusion_matrix;
  if (!cm || cm.labels.length > 20) return;
  lines.push(
    '<details><summary>Confusion matrix (candidate; rows true class, columns predicted)</summary>',
    ''
  );
  lines.push(`| true \\ predicted | ${cm.labels.map((l) => escapeCell(l, 30)).join(' | ')} |`);
  lines.push(`|---|${cm.labels.map(() => '---:|').join('')}`);
  cm.counts.forEach((row, t) => {
    const base = e.baseline?.confusion_matrix?.counts[t];
    const cells = row.map((v, p) =>
      base ? `${v.toLocaleString('en-US')} (${signedInt(v - base[p])})` : v.toLocaleString('en-US')
    );
    lines.push(`| **${escapeCell(cm.labels[t], 30)}** | ${cells.join(' | ')} |`);
  });
  if (e.baseline?.confusion_matrix) lines.push('', 'In parentheses: change from the baseline.');
  lines.push('', '</details>', '');
}

function signedInt(x: number): string {
  return x === 0 ? '±0' : formatSigned(x);
}

function renderDrift(lines: string[], e: EvaluationJson): void {
  if (!e.drift) return;
  const d = e.drift;
  lines.push('### Data drift (validate-data)', '');
  if (d.drifted.length === 0) {
    lines.push(`No drift in the ${d.columns} column${d.columns === 1 ? '' : 's'} checked.`, '');
    return;
  }
  lines.push(
    `${d.drifted.length} of ${d.columns} columns drifted${d.verdict ? ` (validation verdict: ${escapeMarkdown(d.verdict)})` : ''}:`,
    ''
  );
  lines.push('| column | test | statistic | p-value | threshold |', '|---|---|---:|---:|---:|');
  for (const c of d.drifted.slice(0, 20)) {
    lines.push(
      `| ${escapeCell(c.column, 60)} | ${escapeCell(c.test ?? '')} | ${formatValue(c.statistic)} | ${c.p_value === null ? '—' : formatValue(c.p_value)} | ${formatValue(c.threshold)} |`
    );
  }
  if (d.drifted.length > 20) lines.push(`| … ${d.drifted.length - 20} more | | | | |`);
  lines.push('');
}

/** Latency as measured: the median of the timed passes and their range. */
function latencyText(i: EvaluationJson['candidate']['inference']): string {
  const ms = (x: number) => formatWithUnit('latency_ms_per_1000_rows', x);
  if (!i.latency) return ms(i.ms_per_1000_rows);
  return `${ms(i.latency.median)} (median of ${countOf(i.latency.passes, 'timed pass', 'timed passes')}, range ${formatValue(i.latency.low, 2)}–${ms(i.latency.high)})`;
}

function renderDetails(lines: string[], e: EvaluationJson): void {
  lines.push('<details><summary>Details</summary>', '');
  lines.push(
    `- Task: ${e.task}; label column ${escapeMarkdown(e.label)}; ${e.data.rows.toLocaleString('en-US')} rows from ${escapeMarkdown(e.data.source)}`
  );
  if (e.threshold !== null) lines.push(`- Decision threshold: positive when p1 > ${e.threshold}`);
  lines.push(
    `- Candidate: ${escapeMarkdown(e.candidate.source)} (sha256 ${e.candidate.sha256.slice(0, 12)}, ${e.candidate.size_bytes.toLocaleString('en-US')} bytes)`
  );
  const src = e.baseline_source;
  lines.push(
    e.baseline
      ? `- Baseline (${src.kind}): ${escapeMarkdown(src.ref ?? e.baseline.source)} (sha256 ${e.baseline.sha256.slice(0, 12)}, ${e.baseline.size_bytes.toLocaleString('en-US')} bytes)`
      : `- Baseline: none (looked at: ${escapeMarkdown(src.tried.join('; ') || 'nothing')})`
  );
  for (const [who, r] of [
    ['candidate', e.candidate],
    ['baseline', e.baseline]
  ] as const) {
    if (r)
      lines.push(
        `- Inference (${who}): ${latencyText(r.inference)} per 1,000 rows in batches of ${r.inference.batch_size}; session load ${formatWithUnit('load_ms', r.inference.load_ms)}`
      );
  }
  if (e.bootstrap) {
    lines.push(
      `- Paired bootstrap: ${e.bootstrap.resamples} resamples (Poisson weights, seed ${e.bootstrap.seed}), ${Math.round(e.bootstrap.confidence * 100)} % intervals of candidate − baseline`
    );
  }
  lines.push(
    `- Timings (ms): ${Object.entries(e.timings_ms)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`
  );
  lines.push(`- mlci ${escapeMarkdown(e.mlci_version)}, ${escapeMarkdown(e.created)}`, '', '</details>', '');
}
