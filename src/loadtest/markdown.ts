// The load test's Markdown section (loadtest.md, the deployment report, the job summary).
import { escapeCell, escapeMarkdown } from '../report/markdown.js';
import type { LoadTestReport, Measurement } from './types.js';

const f2 = (x: number) => x.toFixed(2);

function row(what: string, m: Measurement): string {
  const rss = m.rss_mb === null ? '—' : m.rss_mb.toFixed(0);
  return `| ${what} | ${m.target_rps} | ${m.achieved_rps.toFixed(1)} | ${f2(m.latency_ms.p50)} | ${f2(m.latency_ms.p95)} | ${f2(m.latency_ms.p99)} | ${(100 * m.error_rate).toFixed(2)} % | ${rss} |`;
}

/** The load test as a Markdown section: verdict, objectives, infrastructure checks and the ramp. */
export function loadTestMarkdown(report: LoadTestReport): string {
  const icon = report.verdict === 'pass' ? '✅ passed' : '❌ failed';
  const version = report.candidate.version === null ? '' : `@v${report.candidate.version}`;
  const stable = report.stable?.version ? ` against stable v${report.stable.version}` : '';
  const source =
    report.rate.source === 'production'
      ? ` (production's observed ${f2(report.rate.observed_rps ?? 0)} req/s × ${report.rate.headroom} headroom)`
      : '';
  const lines = [
    `## Load test ${escapeMarkdown(report.model)}${version}: ${icon}`,
    '',
    `${escapeMarkdown(report.summary, Infinity)}`,
    '',
    `Open loop at ${report.rate.rps} req/s${source}${stable}, ${report.duration_s} s per version in alternating slices, ` +
      `${report.rows} distinct request rows; latency from each request's scheduled send time.`,
    '',
    '| objective | limit | measured | |',
    '|---|---|---|---|',
    ...report.objectives.map(
      (o) => `| ${o.objective} | ${o.limit} | ${escapeCell(o.detail, Infinity)} | ${o.passed ? '✅' : '❌'} |`
    ),
    ''
  ];
  if (report.infrastructure.length > 0) {
    lines.push('| infrastructure check | | |', '|---|---|---|');
    for (const c of report.infrastructure)
      lines.push(`| ${escapeCell(c.name)} | ${escapeCell(c.detail, 500)} | ${c.passed ? '✅' : '❌'} |`);
    lines.push('');
  }
  lines.push(
    '| version | rate asked | achieved req/s | p50 ms | p95 ms | p99 ms | errors | RSS MB |',
    '|---|---|---|---|---|---|---|---|'
  );
  for (const p of report.points) {
    lines.push(row(`candidate${version}`, p.candidate));
    if (p.stable) lines.push(row(`stable v${report.stable?.version ?? '?'}`, p.stable));
  }
  return `${lines.join('\n')}\n`;
}
