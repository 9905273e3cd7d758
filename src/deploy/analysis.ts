import type { StatsWindow } from '../serve/server.js';
import type { VariantWindow } from '../serve/stats.js';
import { scoreDivergence } from './divergence.js';

/** Success/failure conditions of one analysis, modelled on Argo Rollouts and Flagger. */
export interface AnalysisThresholds {
  /** Fail when the canary's error rate exceeds this share (default 0.01). */
  maxErrorRate: number;
  /** Fail when canary p99 > this × stable p99 … (default 1.5) */
  maxP99Ratio: number;
  /** … and also exceeds stable p99 by more than this many ms, so that sub-millisecond jitter never fails a rollout (default 5). */
  p99SlackMs: number;
  /** Fail when the Jensen–Shannon distance (base 2) of canary vs stable predictions exceeds this (default 0.1). */
  maxDivergence: number;
  /** Inconclusive below this many canary requests (default 100). */
  minRequests: number;
}

/** Defaults of the analysis (the same as mlci.yml's `deploy.analysis`). */
export const DEFAULT_THRESHOLDS: AnalysisThresholds = {
  maxErrorRate: 0.01,
  maxP99Ratio: 1.5,
  p99SlackMs: 5,
  maxDivergence: 0.1,
  minRequests: 100
};

/** The outcome of one metric. */
export interface MetricResult {
  name: 'requests' | 'error_rate' | 'p99_latency' | 'divergence';
  status: 'pass' | 'fail' | 'inconclusive';
  value: number | null;
  /** The condition, e.g. "≤ 0.01" or "≤ max(1.5 × 1.20 ms, 1.20 ms + 5 ms)". */
  condition: string;
  detail: string;
}

/** The outcome of one analysis: failed if any metric failed, else inconclusive if any was, else passed. */
export interface AnalysisResult {
  verdict: 'pass' | 'fail' | 'inconclusive';
  metrics: MetricResult[];
  /** One line naming the failing (or inconclusive) metrics. */
  reason: string;
  canary: { version: number; requests: number; errors: number; p99Ms: number | null };
  stable: { version: number; requests: number; errors: number; p99Ms: number | null };
}

/** Quantile of a sample by linear interpolation (numpy's default), null when empty. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Judges a canary window against stable. `baseline` is stable's window before the rollout began: the
 * reference for latency, and for predictions when this window's stable saw too little traffic.
 */
export function analyse(
  window: StatsWindow,
  thresholds: AnalysisThresholds,
  baseline?: VariantWindow
): AnalysisResult {
  const canary = window.canary;
  if (!canary) throw new Error('analyse: the window has no canary');
  const t = thresholds;
  const metrics: MetricResult[] = [];
  const min = t.minRequests;
  const stable = window.stable.requests >= min || !baseline ? window.stable : baseline;
  // Latency is judged against stable before the rollout: a slow canary slows the stable requests
  // that share the server with it too, so this window's stable would hide it.
  const reference = baseline && baseline.latencyMs.length >= Math.min(min, 20) ? baseline : stable;

  const answered = canary.requests + canary.shadow.requests;
  const errors = canary.errors + canary.shadow.errors;
  metrics.push({
    name: 'requests',
    status: canary.requests >= min ? 'pass' : 'inconclusive',
    value: canary.requests,
    condition: `≥ ${min}`,
    detail: `${canary.requests} canary requests (${canary.shadow.requests} more in shadow)`
  });

  const errorRate = answered > 0 ? errors / answered : null;
  // Fail early when the errors already seen exceed the allowed share of the minimum sample.
  const certainFailure = errors > t.maxErrorRate * Math.max(min, answered);
  metrics.push({
    name: 'error_rate',
    status:
      errorRate !== null && errorRate > t.maxErrorRate && (answered >= min || certainFailure)
        ? 'fail'
        : answered >= min
          ? 'pass'
          : 'inconclusive',
    value: errorRate,
    condition: `≤ ${t.maxErrorRate}`,
    detail: `${errors} errors in ${answered} requests`
  });

  const canaryP99 = quantile(canary.latencyMs, 0.99);
  const stableP99 = quantile(reference.latencyMs, 0.99);
  const limit = stableP99 === null ? null : Math.max(t.maxP99Ratio * stableP99, stableP99 + t.p99SlackMs);
  const latencyStatus =
    canaryP99 === null ||
    limit === null ||
    canary.latencyMs.length < min ||
    reference.latencyMs.length < Math.min(min, 20)
      ? 'inconclusive'
      : canaryP99 > limit
        ? 'fail'
        : 'pass';
  metrics.push({
    name: 'p99_latency',
    status: latencyStatus,
    value: canaryP99,
    condition:
      stableP99 === null
        ? 'no stable latency to compare with'
        : `≤ max(${t.maxP99Ratio} × ${ms(stableP99)}, ${ms(stableP99)} + ${t.p99SlackMs} ms) = ${ms(limit!)}`,
    detail: `canary p99 ${canaryP99 === null ? 'n/a' : ms(canaryP99)} vs stable p99 ${stableP99 === null ? 'n/a' : ms(stableP99)}${reference === baseline ? ' (stable before the rollout)' : ''}`
  });

  let divergence: number | null = null;
  let divergenceDetail: string;
  let enough: boolean;
  // Paired scores compare both versions on the same rows, so they win over unpaired samples whenever
  // shadow scoring covered (nearly) every canary request; the last few may still be in flight.
  const paired =
    canary.pairs.length > 0 &&
    (canary.pairs.length >= min || (canary.requests >= min && canary.pairs.length >= 0.9 * canary.requests));
  if (paired) {
    divergence = scoreDivergence(
      canary.pairs.map((p) => p[0]),
      canary.pairs.map((p) => p[1]),
      canary.scoreKind
    );
    enough = true;
    divergenceDetail = `paired: both versions scored the same ${canary.pairs.length} requests`;
  } else {
    enough = canary.scores.length >= min && stable.scores.length >= min;
    if (canary.scores.length > 0 && stable.scores.length > 0) {
      divergence = scoreDivergence(canary.scores, stable.scores, canary.scoreKind);
    }
    divergenceDetail = `unpaired: ${canary.scores.length} canary vs ${stable.scores.length} stable predictions`;
  }
  metrics.push({
    name: 'divergence',
    status: divergence === null || !enough ? 'inconclusive' : divergence > t.maxDivergence ? 'fail' : 'pass',
    value: divergence,
    condition: `Jensen–Shannon distance ≤ ${t.maxDivergence}`,
    detail: divergenceDetail
  });

  const failed = metrics.filter((m) => m.status === 'fail');
  const unsure = metrics.filter((m) => m.status === 'inconclusive');
  const verdict = failed.length > 0 ? 'fail' : unsure.length > 0 ? 'inconclusive' : 'pass';
  const describe = (m: MetricResult) =>
    `${m.name} ${m.value === null ? 'n/a' : round(m.value)} (${m.status === 'inconclusive' ? m.detail : m.name === 'divergence' ? `${m.condition}; ${m.detail}` : m.condition})`;
  return {
    verdict,
    metrics,
    reason:
      verdict === 'fail'
        ? failed.map(describe).join('; ')
        : verdict === 'inconclusive'
          ? `inconclusive: ${unsure.map(describe).join('; ')}`
          : 'all metrics passed',
    canary: { version: canary.version, requests: canary.requests, errors: canary.errors, p99Ms: canaryP99 },
    stable: { version: stable.version, requests: stable.requests, errors: stable.errors, p99Ms: stableP99 }
  };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
