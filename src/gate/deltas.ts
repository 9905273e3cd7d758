import type { GateSpec } from '../config/types.js';
import type { MetricDelta } from '../evaluation/types.js';
import { higherIsBetter, isBootstrappable, measuredBy } from '../evaluation/metrics/catalog.js';
import type { MetricValues } from '../evaluation/metrics/result.js';
import type { IntervalResult } from './bootstrap.js';
import { isChangeGate, type GateKind, type GateResult } from './gates.js';
import {
  verdictFromExact,
  verdictFromInterval,
  verdictFromSpread,
  type NoiseVerdict,
  type Spread
} from './noise.js';

/**
 * Better / worse / within noise: from the paired bootstrap interval when there is one, from the
 * spread of timed passes for latency, exactly for sizes; without evidence, no verdict (null)
 * unless nothing changed.
 */
export function changeVerdict(
  metric: string,
  delta: number | null,
  interval: IntervalResult | undefined,
  spreads?: [Spread, Spread]
): NoiseVerdict | null {
  if (delta === null) return null;
  const fromInterval = verdictFromInterval(metric, interval);
  if (fromInterval) return fromInterval;
  const measured = measuredBy(metric);
  if (measured === 'exact') return verdictFromExact(metric, delta);
  if (measured === 'timed' && spreads) return verdictFromSpread(metric, spreads[0], spreads[1]);
  return delta === 0 ? 'within_noise' : null;
}

/** Per-metric change from baseline to candidate, direction-aware and judged against noise (changeVerdict). */
export function computeDeltas(
  candidate: MetricValues,
  baseline: MetricValues | null,
  intervals: Record<string, IntervalResult> = {},
  spreads: Record<string, [Spread, Spread]> = {}
): Record<string, MetricDelta> {
  const out: Record<string, MetricDelta> = {};
  for (const [metric, c] of Object.entries(candidate)) {
    const b = baseline ? (baseline[metric] ?? null) : null;
    const higher = higherIsBetter(metric);
    const both = c !== null && b !== null;
    const delta = both ? c - b : null;
    const entry: MetricDelta = {
      candidate: c,
      baseline: b,
      delta,
      relative: both && b !== 0 ? (delta as number) / Math.abs(b) : null,
      higher_is_better: higher,
      change: changeVerdict(metric, delta, intervals[metric], spreads[metric])
    };
    if (intervals[metric]) entry.interval = intervals[metric];
    out[metric] = entry;
  }
  return out;
}

/** Metrics with a change gate that the paired bootstrap can resample, known before any gate is applied. */
export function changeGatedMetrics(gates: Record<string, GateSpec>): string[] {
  return Object.entries(gates)
    .filter(
      ([metric, spec]) =>
        isBootstrappable(metric) && Object.keys(spec).some((k) => isChangeGate(k as GateKind))
    )
    .map(([metric]) => metric);
}

/** Metrics whose whole-data change gate compared two defined values (so an interval is worth computing). */
export function comparedChanges(gates: readonly GateResult[]): string[] {
  const compared = gates.filter(
    (g) =>
      !g.slice &&
      isChangeGate(g.kind) &&
      g.status !== 'skipped' &&
      g.candidate !== null &&
      g.baseline !== null
  );
  return [...new Set(compared.map((g) => g.metric))];
}
