/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no external resource) that
 * shows a run's verdict, metrics against the baseline, curves, calibration, confusion matrices,
 * slices and data drift. Charts are Vega-Lite specs rendered to SVG at build time.
 */
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../core/files.js';
import { silentProgress, type Progress } from '../../core/progress.js';
import { escapeHtml as e } from './escape.js';
import { readEvaluation } from './evaluation-input.js';
import { readValidation } from './validation-input.js';
import { readLoadTest, type LoadTestView } from './loadtest-input.js';
import { loadTestSection } from './loadtest-section.js';
import type { EvaluationView, ValidationView } from './views.js';
import {
  ChartSink,
  anomaliesSection,
  calibrationSection,
  confusionSection,
  curvesSection,
  driftSection,
  formatNumber,
  gatesSection,
  historySection,
  metricsSection,
  slicesSection,
  unavailable
} from './sections.js';
import { REPORT_CSS } from './style.js';

export { readEvaluation } from './evaluation-input.js';
export { readValidation } from './validation-input.js';
export type { EvaluationView, ValidationView } from './views.js';

/** What the report is built from: parsed JSON of either file, or both. */
export interface ReportInputs {
  evaluation?: unknown;
  validation?: unknown;
  /** The reference's statistics (reference-statistics.json), for the reference distributions. */
  referenceStatistics?: unknown;
  /** The current data's statistics.json, whose columns list every category (validation.json keeps 100). */
  currentStatistics?: unknown;
  /** loadtest.json of `mlci loadtest` or deploy-canary's load-test step: the latency-vs-rate chart. */
  loadtest?: unknown;
  /** Where the inputs came from, shown in the header and named in errors. */
  sources?: {
    evaluation?: string;
    validation?: string;
    referenceStatistics?: string;
    currentStatistics?: string;
    loadtest?: string;
  };
  /** Build time shown in the header; fixed in tests for reproducible output. */
  generatedAt?: Date;
  /** Told about each chart as it is rendered (about 0.1 s each). */
  progress?: Progress;
}

/** A built report. */
export interface BuiltReport {
  html: string;
  bytes: number;
  charts: number;
  /** Parts the inputs did not carry, each shown as "not available" in the page. */
  unavailable: string[];
}

/** One verdict badge: the words carry the outcome, the colour only repeats it. */
function badge(label: string, verdict: string | null, rubberStamp = false): string {
  const v = (verdict ?? '').toLowerCase();
  if (v === 'fail') return `<span class="verdict fail" role="status">✖ ${e(label)}: fail</span>`;
  if (v === 'pass' && rubberStamp)
    return `<span class="verdict warn" role="status" title="first run without a baseline: change gates skipped">✔ ${e(label)}: pass (rubber stamp)</span>`;
  if (v === 'pass') return `<span class="verdict pass" role="status">✔ ${e(label)}: pass</span>`;
  return `<span class="verdict warn" role="status">? ${e(label)}: ${e(verdict ?? 'no verdict')}</span>`;
}

function verdictBadges(
  evaluation: EvaluationView | null,
  validation: ValidationView | null,
  loadtest: LoadTestView | null
): string {
  const badges: string[] = [];
  if (evaluation) badges.push(badge('model', evaluation.verdict, evaluation.rubberStamp));
  if (validation) badges.push(badge('data', validation.verdict));
  if (loadtest) badges.push(badge('load test', loadtest.verdict));
  return `<div class="badges">${badges.join('')}</div>`;
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="label">${e(label)}</div><div class="value">${value}</div></div>`;
}

function cards(evaluation: EvaluationView | null, validation: ValidationView | null): string {
  const out: string[] = [];
  if (evaluation) {
    if (evaluation.task) out.push(card('task', e(evaluation.task)));
    const failed = evaluation.gates.filter((g) => g.passed === false).length;
    out.push(card('gates failed', `${failed} / ${evaluation.gates.length}`));
    if (evaluation.rows !== null) out.push(card('evaluation rows', formatNumber(evaluation.rows, 0)));
  }
  if (validation) {
    const tested = validation.columns.filter((c) => c.drift);
    if (tested.length > 0)
      out.push(
        card('drifted columns', `${tested.filter((c) => c.drift?.drifted).length} / ${tested.length}`)
      );
    const dataset = validation.datasetDrift;
    if (dataset) {
      const share =
        dataset.share !== null ? ` <span class="muted">(${Math.round(dataset.share * 100)} %)</span>` : '';
      out.push(card('dataset drift', `${dataset.drifted ? 'yes' : 'no'}${share}`));
    }
    out.push(card('anomalies', String(validation.anomalies.length)));
  }
  return `<div class="cards">${out.join('')}</div>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>${body}</section>`;
}

/** Builds report.html from evaluation.json and/or validation.json contents. */
export async function buildReport(inputs: ReportInputs): Promise<BuiltReport> {
  const evaluation =
    inputs.evaluation === undefined ? null : readEvaluation(inputs.evaluation, inputs.sources?.evaluation);
  const validation =
    inputs.validation === undefined
      ? null
      : readValidation(
          inputs.validation,
          inputs.referenceStatistics,
          inputs.currentStatistics,
          inputs.sources
        );
  const loadtest =
    inputs.loadtest === undefined ? null : readLoadTest(inputs.loadtest, inputs.sources?.loadtest);
  const progress = inputs.progress ?? silentProgress;
  progress.start('rendering charts');
  const sink = new ChartSink((count) => progress.update(count));
  const sections: { id: string; title: string; body: string }[] = [];
  if (evaluation) {
    sections.push({ id: 'gates', title: 'Gates', body: gatesSection(evaluation) });
    sections.push({ id: 'metrics', title: 'Metrics against the baseline', body: metricsSection(evaluation) });
    sections.push({
      id: 'curves',
      title: 'ROC and precision–recall',
      body: await curvesSection(evaluation, sink)
    });
    sections.push({
      id: 'calibration',
      title: 'Calibration',
      body: await calibrationSection(evaluation, sink)
    });
    sections.push({
      id: 'confusion',
      title: 'Confusion matrix',
      body: await confusionSection(evaluation, sink)
    });
    sections.push({ id: 'slices', title: 'Slices', body: await slicesSection(evaluation, sink) });
    // History exists only with a registry: no section (rather than a "not available" note) without it.
    const history = await historySection(evaluation, sink);
    if (history) sections.push({ id: 'history', title: 'History', body: history });
  } else {
    sections.push({
      id: 'evaluation',
      title: 'Evaluation',
      body: unavailable('Evaluation', 'no evaluation.json was given (mlci report --evaluation FILE)')
    });
  }
  if (validation) {
    sections.push({ id: 'anomalies', title: 'Data anomalies', body: anomaliesSection(validation) });
    sections.push({
      id: 'drift',
      title: 'Data drift and distributions',
      body: await driftSection(validation, sink)
    });
  } else {
    sections.push({
      id: 'data',
      title: 'Data validation',
      body: unavailable('Data validation', 'no validation.json was given (mlci report --validation FILE)')
    });
  }
  // A load test is an optional extra: no section (rather than "not available") without one.
  if (loadtest)
    sections.push({ id: 'loadtest', title: 'Load test', body: await loadTestSection(loadtest, sink) });
  // Without a model name the candidate's file name (not its whole path) names the report.
  const name =
    evaluation?.modelName ??
    (evaluation?.candidate.name ? basename(evaluation.candidate.name) : null) ??
    loadtest?.model ??
    null;
  const title = `mlci report${name ? ` — ${name}` : ''}`;
  const generated = (inputs.generatedAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sources = [
    inputs.sources?.evaluation ? `evaluation: ${inputs.sources.evaluation}` : null,
    inputs.sources?.validation ? `validation: ${inputs.sources.validation}` : null,
    inputs.sources?.referenceStatistics
      ? `reference statistics: ${inputs.sources.referenceStatistics}`
      : null,
    inputs.sources?.loadtest ? `load test: ${inputs.sources.loadtest}` : null
  ]
    .filter((s): s is string => s !== null)
    .map((s) => e(s))
    .join(' · ');
  const toc = sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="mlci">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="top">
<h1>${e(title)}</h1>
${verdictBadges(evaluation, validation, loadtest)}
<div class="meta">${evaluation?.summary ? `<p>${e(evaluation.summary)}</p>` : ''}<p>Generated ${e(generated)}${sources ? ` from ${sources}` : ''}</p></div>
</header>
${cards(evaluation, validation)}
<nav class="toc" aria-label="Sections"><ol>${toc}</ol></nav>
${sections.map((s) => section(s.id, s.title, s.body)).join('\n')}
<footer>Charts: Vega-Lite, rendered to SVG when the report was built; this file loads nothing from the network.</footer>
</main>
</body>
</html>
`;
  progress.finish(`${sink.count} charts`);
  const missing = [...html.matchAll(/data-unavailable="([^"]*)"/g)].map((m) => m[1]);
  return { html, bytes: Buffer.byteLength(html), charts: sink.count, unavailable: missing };
}

/** Builds the report and writes `report.html` into `outDir`; returns where and what it wrote. */
export async function writeReport(
  inputs: ReportInputs,
  outDir: string
): Promise<BuiltReport & { path: string }> {
  const report = await buildReport(inputs);
  const path = join(outDir, 'report.html');
  await writeFileAtomic(path, report.html);
  return { ...report, path };
}
