// monitor.md and the one-line reason: the verdict first, what crossed which threshold on which rows,
// then metrics and gates, then validate-data's own drift report of the window.
import { escapeMarkdown } from '../report/markdown.js';
import type { DatasetDrift } from '../data/report.js';
import type { GateResult } from '../gate/gates.js';
import type { MonitorPerformance, MonitorReport, MonitorVerdict } from './types.js';

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Number(x.toPrecision(4)).toString();
}

/** What the rows were, for the reason: "1,234 logged rows since … " or "3,000 rows of data.csv". */
export function describeRows(
  rows: number,
  source: MonitorReport['source'],
  window: MonitorReport['window']
): string {
  const n = rows.toLocaleString('en-US');
  if (source.kind === 'data') return `${n} rows of ${source.path}`;
  const since = window.since ?? window.from;
  return `${n} logged row${rows === 1 ? '' : 's'}${since ? ` since ${since}` : ''}`;
}

/** The failed gates in one phrase each, e.g. "roc_auc fell by 0.081 (0.852 → 0.771, at most 0.05 allowed)". */
export function describeGates(failed: GateResult[]): string {
  return failed
    .map((g) => {
      const values = `${num(g.baseline)} → ${num(g.candidate)}`;
      if (g.kind === 'max_drop')
        return `${g.metric} fell by ${num(g.observed)} (${values}, at most ${num(g.threshold)} allowed)`;
      if (g.kind === 'max_rise')
        return `${g.metric} rose by ${num(g.observed)} (${values}, at most ${num(g.threshold)} allowed)`;
      return `${g.metric}: ${g.reason} (${values})`;
    })
    .join(', ');
}

/** The one-line reason of a verdict; it is what a retraining workflow receives as `reason`. */
export function buildReason(input: {
  verdict: MonitorVerdict;
  rowsText: string;
  rows: number;
  minRows: number;
  drift: DatasetDrift | null;
  performance: MonitorPerformance | null;
  versionTag: string;
}): string {
  const { drift, performance } = input;
  if (input.verdict === 'insufficient_data')
    return `${input.rowsText}: fewer than the ${input.minRows.toLocaleString('en-US')} rows needed to judge ${input.versionTag}`;
  const parts: string[] = [];
  const failed = performance?.gates.filter((g) => g.status === 'fail') ?? [];
  if (failed.length > 0)
    parts.push(
      `${describeGates(failed)} on ${performance!.labelled_rows.toLocaleString('en-US')} labelled rows`
    );
  if (drift) {
    const cmp = drift.drifted_dataset ? '≥' : '<';
    parts.push(
      `${drift.drifted_dataset ? 'drift' : 'no dataset drift'}: ${drift.drifted} of ${drift.tested} columns drifted (${pct(drift.share)} ${cmp} ${pct(drift.threshold)}) on ${input.rowsText} vs ${input.versionTag}'s training data`
    );
  }
  if (parts.length === 0) parts.push(`${input.rowsText}: no threshold crossed for ${input.versionTag}`);
  return parts.join('; ');
}

const ICON: Record<MonitorVerdict, string> = {
  ok: '✅',
  drift: '🔴',
  degraded: '🔴',
  insufficient_data: '⚪'
};

const TITLE: Record<MonitorVerdict, string> = {
  ok: 'OK',
  drift: 'DRIFT',
  degraded: 'DEGRADED',
  insufficient_data: 'INSUFFICIENT DATA'
};

/** Demotes the headings of an embedded report by one level so it nests under monitor.md's own. */
function nest(markdown: string): string {
  return markdown
    .replace(/^## .*Data validation: \w+$/m, '## Data of the window')
    .replace(/^(#{2,5}) /gm, '#$1 ');
}

/** Renders monitor.md; `validationMarkdown` is validate-data's report of the window (its drift table), nested below. */
export function renderMonitorMarkdown(report: MonitorReport, validationMarkdown: string | null): string {
  const lines: string[] = [];
  lines.push(
    `## ${ICON[report.verdict]} Monitor ${escapeMarkdown(report.model.tag)}: ${TITLE[report.verdict]}`
  );
  lines.push('');
  lines.push(escapeMarkdown(report.reason, Infinity));
  lines.push('');
  const t = report.trigger;
  const triggerText =
    t.kind === 'none'
      ? 'no trigger configured'
      : t.sent
        ? `retraining triggered: ${t.kind} → ${escapeMarkdown(t.target ?? '')}`
        : t.error
          ? `⚠️ not sent: ${escapeMarkdown(t.error, Infinity)}`
          : t.dry_run && t.request
            ? `dry run: ${t.kind} decided, not sent`
            : `${t.kind} not sent${t.note ? ` (${escapeMarkdown(t.note)})` : ''}`;
  const source =
    report.source.kind === 'log'
      ? `prediction log ${escapeMarkdown(report.source.path)} (${report.source.files.length} file${report.source.files.length === 1 ? '' : 's'}, ${report.source.lines_read.toLocaleString('en-US')} lines read)`
      : `data ${escapeMarkdown(report.source.path)}`;
  lines.push('| | |');
  lines.push('|---|---|');
  lines.push(
    `| model | ${escapeMarkdown(`${report.model.name}@${report.model.alias}`)} = v${report.model.version} |`
  );
  lines.push(
    `| rows | ${report.rows.toLocaleString('en-US')} (at least ${report.min_rows.toLocaleString('en-US')} needed) from ${source} |`
  );
  if (report.window.from || report.window.since)
    lines.push(
      `| window | ${report.window.since ? `since ${escapeMarkdown(report.window.since)}; ` : ''}${escapeMarkdown(report.window.from ?? '—')} → ${escapeMarkdown(report.window.to ?? '—')} |`
    );
  lines.push(`| reference | ${escapeMarkdown(report.reference)} |`);
  if (report.dataset_drift) {
    const d = report.dataset_drift;
    lines.push(
      `| drift | ${d.drifted} of ${d.tested} columns (${pct(d.share)}; threshold ${pct(d.threshold)}) |`
    );
  }
  lines.push(`| trigger | ${triggerText} |`);
  lines.push('');
  const p = report.performance;
  if (p) {
    lines.push('### Performance on delayed labels');
    lines.push('');
    lines.push(
      `${p.labelled_rows.toLocaleString('en-US')} labelled rows, ${p.unlabelled_rows.toLocaleString('en-US')} without a label yet` +
        (p.unmatched_labels
          ? `, ${p.unmatched_labels.toLocaleString('en-US')} labels matched no logged row`
          : '') +
        ` (labels: ${escapeMarkdown(p.labels.source)}, column ${escapeMarkdown(p.labels.label_column)}).`
    );
    lines.push('');
    if (p.note) lines.push(`${escapeMarkdown(p.note, Infinity)}.`, '');
    const metrics = Object.keys(p.current);
    if (metrics.length > 0) {
      const gated = new Map<string, GateResult[]>();
      for (const g of p.gates) gated.set(g.metric, [...(gated.get(g.metric) ?? []), g]);
      lines.push('| metric | registered | now | change | gate |');
      lines.push('|---|---|---|---|---|');
      for (const m of metrics) {
        const now = p.current[m];
        const then = p.registered[m];
        const change = typeof now === 'number' && typeof then === 'number' ? now - then : null;
        const gates = (gated.get(m) ?? [])
          .map(
            (g) =>
              `${g.status === 'fail' ? '🔴' : g.status === 'pass' ? '✅' : '⚪'} ${g.kind} ${num(g.threshold)}`
          )
          .join(', ');
        lines.push(
          `| ${escapeMarkdown(m)} | ${num(then)} | ${now === null ? `— (${escapeMarkdown(p.undefined_reasons[m] ?? 'undefined')})` : num(now)} | ${change === null ? '—' : `${change >= 0 ? '+' : ''}${num(change)}`} | ${gates} |`
        );
      }
      lines.push('');
    }
  }
  if (validationMarkdown) {
    lines.push(nest(validationMarkdown).trimEnd());
    lines.push('');
  }
  return lines.join('\n');
}
