/**
 * The latency-vs-rate chart of a load test: p50, p95 and p99 of candidate and stable at each rate
 * of the ramp. Series names are fixed values ("candidate", "stable"), never text from the file.
 */
import type { LoadTestView } from './loadtest-input.js';
import { PALETTE, type VegaLiteSpec } from './specs.js';

/** The percentiles drawn, lowest first; each is a field of LatencyAtRate. */
export const LOAD_TEST_PERCENTILES = ['p50', 'p95', 'p99'] as const;

/** How a latency is written in the chart's point descriptions and the table beside it. */
export const latencyText = (ms: number): string => ms.toFixed(2);

/** The points of the chart, one per rate, version and percentile. */
export function latencyRateValues(view: LoadTestView) {
  return view.points.flatMap((point) =>
    (['candidate', 'stable'] as const).flatMap((series) => {
      const m = point[series];
      if (!m) return [];
      return LOAD_TEST_PERCENTILES.map((percentile) => ({
        series,
        percentile,
        rate: point.rate,
        ms: m[percentile],
        label: `${series} ${percentile} at ${point.rate} req/s: ${latencyText(m[percentile])} ms`
      }));
    })
  );
}

/** Line chart of latency (ms, from scheduled send time) against the rate asked, both versions. */
export function latencyRateSpec(view: LoadTestView): VegaLiteSpec {
  const values = latencyRateValues(view);
  const series = view.points.some((p) => p.stable) ? ['candidate', 'stable'] : ['candidate'];
  const rates = view.points.map((p) => p.rate);
  const target = view.points[view.points.length - 1];
  const named = (s: string) =>
    s === 'candidate'
      ? `candidate${view.candidateVersion === null ? '' : ` v${view.candidateVersion}`}`
      : `stable${view.stableVersion === null ? '' : ` v${view.stableVersion}`}`;
  return {
    title: {
      text: 'Latency against request rate',
      subtitle: `at ${target.rate} req/s: candidate p99 ${latencyText(target.candidate.p99)} ms${
        target.stable ? `, stable p99 ${latencyText(target.stable.p99)} ms` : ''
      }`
    },
    description: `p50, p95 and p99 latency of ${series.map(named).join(' and ')} at ${rates.join(', ')} req/s (open loop).`,
    width: 420,
    height: 240,
    data: { values },
    encoding: {
      x: {
        field: 'rate',
        type: 'quantitative',
        title: 'requests per second asked',
        scale: { zero: true },
        axis: { values: rates, format: 'd' }
      },
      y: { field: 'ms', type: 'quantitative', title: 'latency ms (from scheduled send)' },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'version',
        scale: {
          domain: series,
          range: series.map((s) => (s === 'candidate' ? PALETTE.candidate : PALETTE.baseline))
        },
        legend: { labelExpr: `datum.label === 'candidate' ? '${named('candidate')}' : '${named('stable')}'` }
      },
      strokeDash: {
        field: 'percentile',
        type: 'nominal',
        title: 'percentile',
        scale: {
          domain: [...LOAD_TEST_PERCENTILES],
          range: [
            [1, 0],
            [6, 3],
            [2, 2]
          ]
        }
      },
      detail: { field: 'percentile', type: 'nominal' }
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      {
        mark: { type: 'point', filled: true, size: 45 },
        encoding: {
          shape: {
            field: 'percentile',
            type: 'nominal',
            title: 'percentile',
            scale: { domain: [...LOAD_TEST_PERCENTILES], range: ['circle', 'square', 'triangle-up'] }
          },
          description: { field: 'label', type: 'nominal' }
        }
      }
    ]
  };
}
