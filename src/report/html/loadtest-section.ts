/** The report's load-test section: the latency-vs-rate chart and the numbers it draws. */
import { escapeHtml as e } from './escape.js';
import type { LatencyAtRate, LoadTestView } from './loadtest-input.js';
import { LOAD_TEST_PERCENTILES, latencyRateSpec, latencyText } from './loadtest-spec.js';
import type { ChartSink } from './sections.js';

function row(series: 'candidate' | 'stable', rate: number, m: LatencyAtRate): string {
  const cells = LOAD_TEST_PERCENTILES.map((p) => `<td data-percentile="${p}">${latencyText(m[p])}</td>`).join(
    ''
  );
  return (
    `<tr data-series="${series}" data-rate="${rate}"><td class="text">${series}</td><td>${rate}</td>` +
    `<td>${m.achievedRps.toFixed(1)}</td>${cells}<td>${(100 * m.errorRate).toFixed(2)} %</td></tr>`
  );
}

/** Verdict, objectives, the latency-vs-rate chart and its table (loadtest.json's points). */
export async function loadTestSection(view: LoadTestView, sink: ChartSink): Promise<string> {
  const objectives = view.objectives
    .map(
      (o) =>
        `<tr><td class="text">${e(o.objective)}</td><td>${o.limit}</td><td class="text">${o.passed ? '<span class="ok">✔ pass</span>' : '<span class="bad">✖ fail</span>'}</td><td class="text">${e(o.detail)}</td></tr>`
    )
    .join('');
  const checks = view.infrastructure
    .map(
      (c) =>
        `<tr><td class="text">${e(c.name)}</td><td class="text">${c.passed ? '<span class="ok">✔ pass</span>' : '<span class="bad">✖ fail</span>'}</td><td class="text">${e(c.detail)}</td></tr>`
    )
    .join('');
  const parts = [
    `<p>${e(view.summary)}</p>`,
    `<div class="table-wrap"><table data-table="infrastructure"><caption>Infrastructure checks: the candidate loads and answers in the serving stack it will run in.</caption><thead><tr><th scope="col" class="text">check</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${checks}</tbody></table></div>`,
    `<div class="table-wrap"><table><caption>Objectives, judged at the target rate.</caption><thead><tr><th scope="col" class="text">objective</th><th scope="col">limit</th><th scope="col" class="text">result</th><th scope="col" class="text">detail</th></tr></thead><tbody>${objectives}</tbody></table></div>`
  ];
  if (view.points.length === 0) {
    parts.push('<p class="muted">No load was sent (the infrastructure check failed).</p>');
    return parts.join('');
  }
  parts.push(
    await sink.figure(
      latencyRateSpec(view),
      'latency-rate',
      'Open loop: each request is due at its scheduled time whatever the server does, and its latency counts from then.'
    )
  );
  const rows = view.points
    .flatMap((p) => [
      row('candidate', p.rate, p.candidate),
      ...(p.stable ? [row('stable', p.rate, p.stable)] : [])
    ])
    .join('');
  parts.push(
    `<div class="table-wrap"><table data-table="latency-rate"><caption>Latency in ms at each rate of the ramp.</caption><thead><tr><th scope="col" class="text">version</th><th scope="col">req/s asked</th><th scope="col">req/s answered</th><th scope="col">p50 ms</th><th scope="col">p95 ms</th><th scope="col">p99 ms</th><th scope="col">errors</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
  return parts.join('');
}
