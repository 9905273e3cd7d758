import type { GateSpec } from '../config/types.js';
import type { MetricDelta } from '../evaluation/types.js';
import { higherIsBetter, isBootstrappable } from '../evaluation/metrics/catalog.js';
import type { MetricValues } from '../evaluation/metrics/result.js';
import type { IntervalResult } from './bootstrap.js';
import { isChangeGate, type GateKind, type GateResult } from './gates.js';

/** Per-metric change from baseline to candidate, direction-aware. */
export function computeDeltas(
  candidate: MetricValues,
  baseline: MetricValues | null,
  intervals: Record<string, IntervalResult> = {}
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
      change: delta === null ? null : delta === 0 ? 'same' : delta > 0 === higher ? 'better' : 'worse'
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
