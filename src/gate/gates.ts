import type { GateSpec } from '../config/types.js';
import { higherIsBetter } from '../evaluation/metrics/catalog.js';
import type { IntervalResult } from './bootstrap.js';
import { formatSigned, formatValue } from '../report/format.js';

/** The kinds of threshold a gate can hold (docs/architecture.md, gates). */
export type GateKind = keyof GateSpec;

/** Gate kinds in the order they are checked and reported. */
export const GATE_KINDS: readonly GateKind[] = ['min', 'max', 'max_drop', 'max_rise', 'min_relative_change'];

const CHANGE_KINDS = new Set<GateKind>(['max_drop', 'max_rise', 'min_relative_change']);

/** Whether a gate compares with the baseline (and so is skipped on a first run). */
export function isChangeGate(kind: GateKind): boolean {
  return CHANGE_KINDS.has(kind);
}

/** The outcome of one threshold on one metric (optionally within one slice). */
export interface GateResult {
  metric: string;
  slice?: { column: string; value: string };
  kind: GateKind;
  threshold: number;
  status: 'pass' | 'fail' | 'skipped';
  candidate: number | null;
  baseline: number | null;
  /** What was compared with the threshold: the value, the drop, the rise or the relative change. */
  observed: number | null;
  reason: string;
  /** Paired bootstrap interval of candidate − baseline, for change gates when computed. */
  interval?: IntervalResult;
}

/** One side's metrics: values (null when undefined) and the reasons of undefined ones. */
export interface MetricSide {
  values: Record<string, number | null>;
  reasons?: Record<string, string>;
}

/** What gates are applied to. `baseline` is null on a first run (no baseline model at all). */
export interface GateInput {
  candidate: MetricSide;
  baseline: MetricSide | null;
  slice?: { column: string; value: string };
}

// Thresholds such as max_drop: 0.01 must not fail on 0.010000000000000009.
const TOLERANCE = 1e-12;

/** Applies every threshold of every gated metric. */
export function applyGates(specs: Record<string, GateSpec>, input: GateInput): GateResult[] {
  const results: GateResult[] = [];
  for (const [metric, spec] of Object.entries(specs)) {
    for (const kind of GATE_KINDS) {
      const threshold = spec[kind];
      if (threshold === undefined) continue;
      results.push(applyOne(metric, kind, threshold, input));
    }
  }
  return results;
}

function side(s: MetricSide, metric: string): { value: number | null; missing: string | null } {
  if (!(metric in s.values)) return { value: null, missing: 'is not computed' };
  const value = s.values[metric];
  if (value === null || !Number.isFinite(value))
    return { value: null, missing: `is undefined (${s.reasons?.[metric] ?? 'no value'})` };
  return { value, missing: null };
}

const fmt = (x: number) => formatValue(x);

/** How a value moved, in words that match its sign: "fell by 0.0185", "rose by 0.0185", "did not change". */
function moved(change: number): string {
  if (change === 0) return 'did not change';
  return `${change > 0 ? 'rose' : 'fell'} by ${fmt(Math.abs(change))}`;
}

function applyOne(metric: string, kind: GateKind, threshold: number, input: GateInput): GateResult {
  const base = { metric, kind, threshold, ...(input.slice ? { slice: input.slice } : {}) };
  const c = side(input.candidate, metric);
  const b = input.baseline ? side(input.baseline, metric) : null;
  const result = (status: GateResult['status'], observed: number | null, reason: string): GateResult => ({
    ...base,
    status,
    candidate: c.value,
    baseline: b?.value ?? null,
    observed,
    reason
  });
  if (c.value === null)
    return result('fail', null, `${metric} ${c.missing} on the candidate, so the gate cannot pass`);
  const cv = c.value;
  if (kind === 'min') {
    return result(
      cv + TOLERANCE >= threshold ? 'pass' : 'fail',
      cv,
      `${metric} = ${fmt(cv)}, must be ≥ ${fmt(threshold)}`
    );
  }
  if (kind === 'max') {
    return result(
      cv - TOLERANCE <= threshold ? 'pass' : 'fail',
      cv,
      `${metric} = ${fmt(cv)}, must be ≤ ${fmt(threshold)}`
    );
  }
  if (!b) return result('skipped', null, 'no baseline (first run): change gates are skipped');
  if (b.value === null)
    return result('fail', null, `${metric} ${b.missing} on the baseline, so the change cannot be measured`);
  const bv = b.value;
  const higher = higherIsBetter(metric);
  if (kind === 'max_drop') {
    const drop = bv - cv;
    const note = higher ? '' : ` (a fall of ${metric} is an improvement)`;
    return result(
      drop - TOLERANCE <= threshold ? 'pass' : 'fail',
      drop,
      `${moved(cv - bv)}, a fall of at most ${fmt(threshold)} allowed${note}`
    );
  }
  if (kind === 'max_rise') {
    const rise = cv - bv;
    const note = higher ? ` (a rise of ${metric} is an improvement)` : '';
    return result(
      rise - TOLERANCE <= threshold ? 'pass' : 'fail',
      rise,
      `${moved(rise)}, a rise of at most ${fmt(threshold)} allowed${note}`
    );
  }
  const improvement = higher ? cv - bv : bv - cv;
  const relative =
    bv !== 0 ? improvement / Math.abs(bv) : improvement === 0 ? 0 : improvement > 0 ? Infinity : -Infinity;
  const way = higher
    ? '(candidate − baseline) / |baseline|'
    : '(baseline − candidate) / |baseline|, lower is better';
  return result(
    relative + TOLERANCE >= threshold ? 'pass' : 'fail',
    Number.isFinite(relative) ? relative : null,
    `relative improvement ${formatSigned(relative)} ${way}, must be ≥ ${fmt(threshold)}`
  );
}

/** The verdict of a set of gate results. */
export interface Verdict {
  verdict: 'pass' | 'fail';
  /** True on a first run: no baseline, so nothing was compared and the pass only means the value gates held. */
  rubber_stamp: boolean;
  summary: string;
}

/** Decides the verdict: any failed gate fails; no baseline is a rubber stamp, said explicitly. */
export function decideVerdict(results: GateResult[], hasBaseline: boolean): Verdict {
  const failed = results.filter((r) => r.status === 'fail');
  const passed = results.filter((r) => r.status === 'pass').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  if (failed.length > 0) {
    const names = [
      ...new Set(failed.map((f) => (f.slice ? `${f.metric} [${f.slice.column}=${f.slice.value}]` : f.metric)))
    ];
    return {
      verdict: 'fail',
      rubber_stamp: false,
      summary: `fail: ${failed.length} of ${results.length} gate${results.length === 1 ? '' : 's'} failed (${names.join(', ')})`
    };
  }
  if (!hasBaseline) {
    return {
      verdict: 'pass',
      rubber_stamp: true,
      summary:
        `pass (rubber stamp): no baseline model to compare with, so this first run is accepted` +
        (skipped > 0 ? `; ${skipped} change gate${skipped === 1 ? ' was' : 's were'} skipped` : '') +
        (passed > 0 ? `; ${passed} value gate${passed === 1 ? '' : 's'} passed` : '')
    };
  }
  return {
    verdict: 'pass',
    rubber_stamp: false,
    summary:
      results.length === 0
        ? 'pass: no gates configured'
        : `pass: all ${results.length} gate${results.length === 1 ? '' : 's'} passed`
  };
}
