import type { RolloutReport } from './rollout.js';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⏸️' };
const OUTCOME: Record<RolloutReport['outcome'], string> = {
  promoted: '✅ promoted',
  rolled_back: '❌ rolled back',
  paused: '⏸️ paused (inconclusive)'
};

/** Markdown summary of a rollout for the job summary and deployment.md. */
export function rolloutMarkdown(
  model: string,
  report: RolloutReport,
  target: string,
  alias: string | null
): string {
  const lines = [
    `## Canary ${model}@v${report.version}: ${OUTCOME[report.outcome]}`,
    '',
    `Target: ${escape(target)} · stable before: v${report.stable} · steps: ${report.steps.join(' → ')} %`,
    '',
    `**Reason:** ${escape(report.reason)}`,
    ''
  ];
  if (alias) lines.push(alias, '');
  if (report.analyses.length > 0) {
    lines.push(
      '| step | weight | requests | error rate | p99 canary / limit | divergence | verdict |',
      '|---|---|---|---|---|---|---|'
    );
    for (const a of report.analyses) {
      const m = Object.fromEntries(a.analysis.metrics.map((x) => [x.name, x]));
      const num = (v: number | null | undefined, digits = 3) =>
        v === null || v === undefined ? 'n/a' : v.toFixed(digits);
      const latencyLimit = /= ([0-9.]+ ms)/.exec(m.p99_latency?.condition ?? '')?.[1] ?? 'n/a';
      lines.push(
        `| ${a.step}${a.attempt > 1 ? ` (try ${a.attempt})` : ''} | ${a.weight} % | ${a.analysis.canary.requests} | ${num(m.error_rate?.value, 4)} | ${num(m.p99_latency?.value, 2)} ms / ${latencyLimit} | ${num(m.divergence?.value)} | ${ICON[a.analysis.verdict]} ${a.analysis.verdict} |`
      );
    }
    lines.push('');
  }
  if (report.outcome === 'paused' && report.pausedAt) {
    lines.push(
      `The canary stays at ${report.pausedAt.weight} %. Resume with \`mlci deploy-canary --resume\` or by running the workflow with \`resume: true\`.`,
      ''
    );
  }
  return lines.join('\n');
}

function escape(text: string): string {
  return text.replace(/[|<>]/g, (c) => `\\${c}`).replace(/@(\w)/g, '@\u200b$1');
}
