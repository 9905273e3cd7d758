import { escapeMarkdown } from '../report/markdown.js';
import type { MetricResult } from './analysis.js';
import type { RolloutReport } from './rollout.js';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⏸️' };
const OUTCOME: Record<RolloutReport['outcome'], string> = {
  promoted: '✅ promoted',
  rolled_back: '❌ rolled back',
  paused: '⏸️ paused (inconclusive)'
};

/** Where a paused rollout is carried on from: the CLI or a workflow run of the action. */
export type ResumeVia = 'cli' | 'action';

/** The one sentence that tells how to carry on a paused rollout of `model@vN`. */
export function resumeInstruction(model: string, version: number, via: ResumeVia): string {
  return via === 'cli'
    ? `run \`mlci deploy-canary --model ${model} --version v${version} --resume\` with the same options`
    : `run the workflow again for version v${version} with \`resume: true\``;
}

/** The warning a paused rollout prints: it exits 0, so this line is what tells it from a promotion. */
export function pauseWarning(model: string, report: RolloutReport, resume: string): string {
  // The reason names the step and its weight already ("step 1 (10 %): inconclusive: …").
  return `canary ${model}@v${report.version} paused, not finished: ${report.reason}. To carry on, ${resume}.`;
}

/**
 * Markdown summary of a rollout for the job summary and deployment.md. `resume` is the instruction
 * shown when the rollout paused (default: both the CLI and the workflow way).
 */
export function rolloutMarkdown(
  model: string,
  report: RolloutReport,
  target: string,
  alias: string | null,
  resume?: string
): string {
  const lines = [`## Canary ${model}@v${report.version}: ${OUTCOME[report.outcome]}`, ''];
  if (report.outcome === 'paused') {
    const weight = report.pausedAt ? `stays at ${report.pausedAt.weight} %` : 'keeps its share of traffic';
    lines.push(
      '> [!WARNING]',
      `> **Paused, not finished.** The analysis was inconclusive; the canary ${weight} and the alias did not move.`,
      `> To carry on, ${resume ?? `run \`mlci deploy-canary --resume\` or the workflow again with \`resume: true\``}.`,
      ''
    );
  }
  lines.push(
    `Target: ${escape(target)} · stable before: ${report.stable > 0 ? `v${report.stable}` : 'none'}${report.steps.length > 0 ? ` · steps: ${report.steps.join(' → ')} %` : ''}`,
    '',
    `**Reason:** ${escape(report.reason)}`,
    ''
  );
  if (alias) lines.push(alias, '');
  if (report.analyses.length > 0) {
    lines.push(
      '| step | weight | canary / stable requests | error rate excess | median latency / limit | divergence | verdict |',
      '|---|---|---|---|---|---|---|'
    );
    for (const a of report.analyses) {
      const m = Object.fromEntries(a.analysis.metrics.map((x) => [x.name, x]));
      const cell = (x: MetricResult | undefined, digits: number, unit = '') =>
        x?.value === null || x?.value === undefined ? 'n/a' : `${x.value.toFixed(digits)}${unit}`;
      const limit = /= ([0-9.]+ ms)$/.exec(m.p99_latency?.condition ?? '')?.[1] ?? 'n/a';
      lines.push(
        `| ${a.step}${a.attempt > 1 ? ` (try ${a.attempt})` : ''} | ${a.weight} % | ${a.analysis.canary.requests} / ${a.analysis.stable.requests} | ${cell(m.error_rate, 4)} | ${cell(m.p99_latency, 2, ' ms')} / ${limit} | ${cell(m.divergence, 3)} | ${ICON[a.analysis.verdict]} ${a.analysis.verdict} |`
      );
    }
    lines.push('');
    // The table gives the numbers; these sentences give each test, its samples and its limit in words.
    const last = report.analyses[report.analyses.length - 1];
    lines.push(`Last analysis (step ${last.step}, ${last.weight} %):`, '');
    for (const x of last.analysis.metrics) lines.push(`- ${ICON[x.status]} ${escape(x.detail)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function escape(text: string): string {
  return escapeMarkdown(text, Number.POSITIVE_INFINITY);
}
