// One canary analysis: three one-sided tests of canary against stable, each with a practical floor,
// so that a difference that is real but too small to matter passes, and a sample too small to show
// anything is inconclusive rather than failed (docs/serving.md, "Canary analysis").
import { DEFAULT_CANARY_ANALYSIS } from '../config/defaults.js';
import type { StatsWindow } from '../serve/server.js';
import type { VariantWindow } from '../serve/stats.js';
import { pairedDivergence, unpairedDivergence } from './divergence.js';
import { fisherGreater, mannWhitneyGreater, median } from './stats.js';

/** The conditions of one analysis. */
export interface AnalysisThresholds {
  /** Significance level of each test: the false-alarm rate of an analysis of a candidate as good as stable (default 0.01). */
  alpha: number;
  /** Fail only when the canary's error rate exceeds stable's by more than this share (default 0.01). */
  maxErrorRate: number;
  /** Fail only when the canary's median latency exceeds this × stable's median … (default 1.5; the name is kept from when the p99 was compared) */
  maxP99Ratio: number;
  /** … and stable's median + this many ms, so that sub-millisecond jitter never fails a rollout (default 5). */
  p99SlackMs: number;
  /** Fail only when the predictions differ by more than this (paired: mean |Δ p(positive)|; unpaired: KS distance) (default 0.1). */
  maxDivergence: number;
  /** Canary requests an analysis needs before the error and divergence tests can pass (default 150). */
  minRequests: number;
  /** Latencies each side needs before the latency test judges at all (default 20). */
  minLatencySamples: number;
}

/** Defaults of the analysis (the same as mlci.yml's `deploy.analysis`). */
export const DEFAULT_THRESHOLDS: AnalysisThresholds = { ...DEFAULT_CANARY_ANALYSIS };

/** The test behind a metric's verdict, for reports. */
export interface MetricTest {
  name: string;
  /** Sample sizes: canary, then stable. */
  n: [number, number];
  statistic: number;
  pValue: number;
  alpha: number;
}

/** The outcome of one metric. */
export interface MetricResult {
  name: 'error_rate' | 'p99_latency' | 'divergence';
  status: 'pass' | 'fail' | 'inconclusive';
  /** The practical effect compared with the limit: excess error rate, canary median latency (ms), divergence. */
  value: number | null;
  /** The limit on `value`, e.g. "≤ 1.0 % above stable" or "median ≤ max(1.5 × 1.20 ms, 1.20 ms + 5 ms) = 6.20 ms". */
  condition: string;
  /** One plain sentence: the test, the sample sizes, the statistic and the limit. */
  detail: string;
  test: MetricTest | null;
}

/** A metric with too small a sample to judge: no value, no test, the sizes said. */
function inconclusive(name: MetricResult['name'], condition: string, detail: string): MetricResult {
  return { name, status: 'inconclusive', value: null, condition, detail, test: null };
}

/** The outcome of one analysis: failed if any metric failed, else inconclusive if any was, else passed. */
export interface AnalysisResult {
  verdict: 'pass' | 'fail' | 'inconclusive';
  metrics: MetricResult[];
  /** The failing (or inconclusive) metrics' sentences. */
  reason: string;
  canary: { version: number; requests: number; errors: number; p99Ms: number | null };
  stable: { version: number; requests: number; errors: number; p99Ms: number | null };
}

/** What an analysis may lean on for latency when this window's stable answered too little. */
export interface LatencyContext {
  /** An earlier step of this rollout passed the latency test (its pass carries over). */
  judgedEarlier?: boolean;
  /** The target cannot tell the versions apart within a window (KServe): compare with stable before the rollout. */
  againstBaseline?: boolean;
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
 * Judges a canary window against stable. Stable in the same window is the reference (same machine,
 * same moment: under "no difference" both samples are exchangeable, which is what keeps each test's
 * false-alarm rate at α); `baseline`, stable's window before the rollout, stands in when this
 * window's stable saw too little traffic (the 100 % step).
 */
export function analyse(
  window: StatsWindow,
  thresholds: AnalysisThresholds,
  baseline?: VariantWindow,
  latency: LatencyContext = {}
): AnalysisResult {
  const canary = window.canary;
  if (!canary) throw new Error('analyse: the window has no canary');
  const t = thresholds;
  const enough = (w: VariantWindow, min: number) => w.requests >= min;
  const stable = enough(window.stable, t.minRequests) || !baseline ? window.stable : baseline;
  const concurrent = window.stable.latencyMs.length >= t.minLatencySamples;
  // A slow canary slows the stable requests that share the server with it too, which would raise the
  // limit with it: the limit starts from stable's median before the rollout when that is lower.
  const medians = [median(window.stable.latencyMs), baseline ? median(baseline.latencyMs) : NaN];
  const before = baseline && baseline.latencyMs.length >= t.minLatencySamples ? medians[1] : NaN;
  const stableMedian = before < medians[0] || Number.isNaN(medians[0]) ? before : medians[0];
  const metrics = [
    errorMetric(canary, stable, t),
    concurrent
      ? latencyMetric(canary, window.stable, stableMedian, t, stableMedian === before)
      : latency.againstBaseline && baseline && !Number.isNaN(before)
        ? latencyMetric(canary, baseline, before, t, true)
        : unjudgedLatency(canary, window.stable, t, latency.judgedEarlier ?? false),
    divergenceMetric(canary, stable, t)
  ];
  const failed = metrics.filter((m) => m.status === 'fail');
  const unsure = metrics.filter((m) => m.status === 'inconclusive');
  const verdict = failed.length > 0 ? 'fail' : unsure.length > 0 ? 'inconclusive' : 'pass';
  return {
    verdict,
    metrics,
    reason:
      verdict === 'fail'
        ? failed.map((m) => m.detail).join('; ')
        : verdict === 'inconclusive'
          ? `inconclusive: ${unsure.map((m) => m.detail).join('; ')}`
          : 'all metrics passed',
    canary: {
      version: canary.version,
      requests: canary.requests,
      errors: canary.errors,
      p99Ms: quantile(canary.latencyMs, 0.99)
    },
    stable: {
      version: stable.version,
      requests: stable.requests,
      errors: stable.errors,
      p99Ms: quantile(concurrent || !baseline ? window.stable.latencyMs : baseline.latencyMs, 0.99)
    }
  };
}

/** Errors: Fisher's exact test (canary errs more often) and the excess over stable's rate against the floor. */
function errorMetric(canary: VariantWindow, stable: VariantWindow, t: AnalysisThresholds): MetricResult {
  const n = canary.requests;
  const m = stable.requests + stable.shadow.requests;
  const errors = canary.errors;
  const stableErrors = stable.errors + stable.shadow.errors;
  const condition = `≤ ${pct(t.maxErrorRate)} above stable`;
  const sizes = `${errors} errors in ${n} canary requests vs ${stableErrors} in ${m} stable`;
  if (n === 0 || m === 0) {
    const missing =
      n === 0 ? `${t.minRequests} canary requests needed` : 'no stable requests to compare with';
    return inconclusive('error_rate', condition, `error_rate: ${sizes}, ${missing}`);
  }
  const excess = errors / n - stableErrors / m;
  const fisher = fisherGreater(errors, n - errors, stableErrors, m - stableErrors);
  const significant = fisher.pValue < t.alpha;
  const failed = significant && excess > t.maxErrorRate;
  // A significant excess fails at any sample size (the test holds its α at every size); a pass needs the minimum.
  const status = failed ? 'fail' : n >= t.minRequests ? 'pass' : 'inconclusive';
  const verdict = failed
    ? `canary errs more often (p ${p(fisher.pValue)} < ${t.alpha}) and ${pct(excess)} more than stable > ${pct(t.maxErrorRate)} allowed`
    : status === 'pass'
      ? significant
        ? `more errors (p ${p(fisher.pValue)}) but only ${pct(excess)} above stable, within ${pct(t.maxErrorRate)}`
        : `no significant excess (p ${p(fisher.pValue)} ≥ ${t.alpha})`
      : `${n} of the ${t.minRequests} canary requests needed`;
  return {
    name: 'error_rate',
    status,
    value: excess,
    condition,
    detail: `error_rate: Fisher's exact test, ${sizes}: ${verdict}`,
    test: {
      name: "Fisher's exact test",
      n: [n, m],
      statistic: fisher.statistic,
      pValue: fisher.pValue,
      alpha: t.alpha
    }
  };
}

/**
 * Latency: a Mann–Whitney U test that canary requests take longer than stable's in the same window,
 * and a practical floor on the canary's median: the median of a few dozen requests is steady where
 * their p99 (their slowest one) is not, and a slower model shifts the whole distribution.
 */
function latencyMetric(
  canary: VariantWindow,
  reference: VariantWindow,
  stableMedian: number,
  t: AnalysisThresholds,
  medianBefore: boolean
): MetricResult {
  const n = canary.latencyMs.length;
  const m = reference.latencyMs.length;
  const sizes = `${n} canary vs ${m} stable latencies`;
  if (n < t.minLatencySamples || m < t.minLatencySamples) {
    return inconclusive(
      'p99_latency',
      `${t.minLatencySamples} latencies each side`,
      `p99_latency: ${sizes}, ${t.minLatencySamples} needed each side`
    );
  }
  const limit = Math.max(t.maxP99Ratio * stableMedian, stableMedian + t.p99SlackMs);
  const canaryMedian = median(canary.latencyMs);
  const mw = mannWhitneyGreater(canary.latencyMs, reference.latencyMs);
  const significant = mw.pValue < t.alpha;
  const failed = significant && canaryMedian > limit;
  const base = `${ms(stableMedian)}${medianBefore ? ' (stable before the rollout)' : ''}`;
  const condition = `median ≤ max(${t.maxP99Ratio} × ${base}, ${ms(stableMedian)} + ${t.p99SlackMs} ms) = ${ms(limit)}`;
  const test = significant
    ? `canary slower (U ${mw.statistic}, p ${p(mw.pValue)} < ${t.alpha})`
    : `not significantly slower (U ${mw.statistic}, p ${p(mw.pValue)} ≥ ${t.alpha})`;
  return {
    name: 'p99_latency',
    status: failed ? 'fail' : 'pass',
    value: canaryMedian,
    condition,
    detail: `p99_latency: Mann–Whitney U, ${sizes}: ${test}, canary median ${ms(canaryMedian)} ${canaryMedian > limit ? '>' : '≤'} ${condition.slice('median ≤ '.length)}; p99 ${ms(quantile(canary.latencyMs, 0.99)!)} vs ${ms(quantile(reference.latencyMs, 0.99)!)}`,
    test: {
      name: 'Mann–Whitney U test',
      n: [n, m],
      statistic: mw.statistic,
      pValue: mw.pValue,
      alpha: t.alpha
    }
  };
}

/**
 * Latency when this window's stable answered too few requests to compare with (the 100 % step, or
 * a step leaving stable a sliver): stable before the rollout ran under other load, so a comparison
 * with it would test the load, not the model. A pass of an earlier step carries over; without one,
 * latency has not been shown to be fine, which is inconclusive, never a pass.
 */
function unjudgedLatency(
  canary: VariantWindow,
  stable: VariantWindow,
  t: AnalysisThresholds,
  judgedEarlier: boolean
): MetricResult {
  const m = stable.latencyMs.length;
  const few =
    m === 0
      ? 'no stable requests in this window'
      : `only ${m} stable latenc${m === 1 ? 'y' : 'ies'} in this window (${t.minLatencySamples} needed)`;
  const sizes = `${few} to compare ${canary.latencyMs.length} canary latencies with under the same load`;
  if (judgedEarlier) {
    return {
      name: 'p99_latency',
      status: 'pass',
      value: null,
      condition: 'passed at an earlier step that left stable enough traffic',
      detail: `p99_latency: ${sizes}; passed at an earlier step`,
      test: null
    };
  }
  return inconclusive(
    'p99_latency',
    `${t.minLatencySamples} latencies each side`,
    `p99_latency: ${sizes}, and no earlier step judged it: give the first step a share that leaves stable traffic (e.g. --steps 10,50,100) or a longer interval`
  );
}

/** Divergence: paired on the same requests when shadow scoring gave pairs, else two-sample KS. */
function divergenceMetric(canary: VariantWindow, stable: VariantWindow, t: AnalysisThresholds): MetricResult {
  // The last shadow scorings may still be in flight when the window is read: pairs covering (nearly)
  // every canary request are the paired sample.
  const paired = canary.pairs.length > 0 && canary.pairs.length >= 0.9 * Math.min(canary.requests, 5000);
  const [n, m] = paired
    ? [canary.pairs.length, canary.pairs.length]
    : [canary.scores.length, stable.scores.length];
  const sizes = paired
    ? `paired on ${n} requests both versions scored`
    : `${n} canary vs ${m} stable predictions`;
  const condition = `≤ ${t.maxDivergence}`;
  if (n < 2 || m < 2) return inconclusive('divergence', condition, `divergence: ${sizes}`);
  const d = paired
    ? pairedDivergence(canary.pairs, canary.scoreKind, t.maxDivergence)
    : unpairedDivergence(canary.scores, stable.scores);
  const significant = d.pValue < t.alpha;
  const failed = significant && d.effect > t.maxDivergence;
  const status = failed ? 'fail' : n >= t.minRequests ? 'pass' : 'inconclusive';
  const verdict =
    status === 'inconclusive'
      ? `${n} of the ${t.minRequests} needed`
      : `${d.effectName} ${round(d.effect)} ${d.effect > t.maxDivergence ? '>' : '≤'} ${t.maxDivergence}, ${d.testName.includes('t-test') ? `t ${round(d.statistic)}, ` : ''}p ${p(d.pValue)} ${significant ? '<' : '≥'} ${t.alpha}`;
  return {
    name: 'divergence',
    status,
    value: d.effect,
    condition,
    detail: `divergence: ${d.testName}, ${sizes}: ${verdict}`,
    test: { name: d.testName, n: [n, m], statistic: d.statistic, pValue: d.pValue, alpha: t.alpha }
  };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(share !== 0 && Math.abs(share) < 0.01 ? 2 : 1)} %`;
}

function p(value: number): string {
  return value < 1e-4 ? value.toExponential(1) : value.toPrecision(2);
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
