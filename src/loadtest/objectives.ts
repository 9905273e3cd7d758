// The objectives a load test is gated on, checked at the target rate (docs/loadtest.md).
import {
  DEFAULT_LOAD_TEST_MAX_ERROR_RATE,
  DEFAULT_LOAD_TEST_MAX_P99_RATIO,
  DEFAULT_LOAD_TEST_P99_SLACK_MS
} from '../config/load-test-defaults.js';
import { median, sliceRatio } from './slice-ratio.js';
import type { ObjectiveCheck, RatePoint } from './types.js';

/** Limits of a load test; unset ones are not checked (error rate and the ratio have defaults). */
export interface Objectives {
  maxP99Ms?: number;
  minRps?: number;
  maxErrorRate: number;
  maxP99RatioVsStable: number;
  /** A p99 difference from stable below this many ms passes the ratio objective. */
  p99SlackMs: number;
}

/** The objectives with the defaults of mlci.yml's `deploy.load_test.objectives` filled in. */
export function withDefaults(given: Partial<Objectives> = {}): Objectives {
  return {
    maxP99Ms: given.maxP99Ms,
    minRps: given.minRps,
    maxErrorRate: given.maxErrorRate ?? DEFAULT_LOAD_TEST_MAX_ERROR_RATE,
    maxP99RatioVsStable: given.maxP99RatioVsStable ?? DEFAULT_LOAD_TEST_MAX_P99_RATIO,
    p99SlackMs: given.p99SlackMs ?? DEFAULT_LOAD_TEST_P99_SLACK_MS
  };
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Checks each set objective against the candidate (and stable) measured at the target rate. */
export function checkObjectives(point: RatePoint, objectives: Objectives): ObjectiveCheck[] {
  const c = point.candidate;
  const checks: ObjectiveCheck[] = [];
  if (objectives.maxP99Ms !== undefined) {
    const limit = objectives.maxP99Ms;
    checks.push({
      objective: 'max_p99_ms',
      limit,
      value: c.latency_ms.p99,
      passed: c.latency_ms.p99 <= limit,
      detail: `candidate p99 ${ms(c.latency_ms.p99)} at ${point.rate} req/s (limit ${ms(limit)})`
    });
  }
  if (objectives.minRps !== undefined) {
    const limit = objectives.minRps;
    checks.push({
      objective: 'min_rps',
      limit,
      value: c.achieved_rps,
      passed: c.achieved_rps >= limit,
      detail: `candidate answered ${c.achieved_rps.toFixed(1)} req/s of ${point.rate} asked (at least ${limit})`
    });
  }
  checks.push({
    objective: 'max_error_rate',
    limit: objectives.maxErrorRate,
    value: c.error_rate,
    passed: c.error_rate <= objectives.maxErrorRate,
    detail: `${c.errors} of ${c.requests} candidate requests failed (${(100 * c.error_rate).toFixed(2)} %, limit ${(100 * objectives.maxErrorRate).toFixed(2)} %)`
  });
  if (point.stable) checks.push(ratioCheck(point, objectives));
  return checks;
}

/**
 * Candidate p99 against stable's, measured in the same alternating slices, judged on the slices'
 * p99s (sliceRatio): it fails when the Hodges–Lehmann ratio is above the limit and the candidate is
 * measurably slower than stable (the 95 % lower bound of the ratio above 1). A pause of a shared
 * machine sets the p99 of the slice it falls in, and with it the p99 over all requests, but moves
 * neither much; a latency the candidate adds to every request moves all its slices. Differences of
 * the median slices under the slack pass (sub-millisecond p99s differ by scheduling). Measured on
 * a busy 2-core machine: docs/loadtest.md, __tests__/loadtest/ratio-noise.test.ts.
 */
function ratioCheck(point: RatePoint, objectives: Objectives): ObjectiveCheck {
  const candidate = point.candidate.latency_ms.p99;
  const stable = point.stable!.latency_ms.p99;
  const limit = objectives.maxP99RatioVsStable;
  const slices = point.slice_p99_ms;
  const sliced = slices !== null && slices.candidate.length > 0 && slices.stable.length > 0;
  const c = sliced ? median(slices.candidate) : candidate;
  const s = sliced ? median(slices.stable) : stable;
  const ratio = sliced
    ? sliceRatio(slices.candidate, slices.stable)
    : { estimate: c / Math.max(s, 1e-3), lowerBound: null };
  const slower = ratio.lowerBound === null || ratio.lowerBound > 1;
  const over = sliced
    ? `median slice p99 ${ms(c)} vs ${ms(s)} over ${slices.candidate.length} and ${slices.stable.length} slices, ` +
      `median ratio of the ${slices.candidate.length * slices.stable.length} slice pairs`
    : 'no slices, ratio';
  const bound =
    ratio.lowerBound === null
      ? ''
      : `, 95 % lower bound ${ratio.lowerBound.toFixed(2)}× (${slower ? '' : 'not '}measurably slower than stable)`;
  return {
    objective: 'max_p99_ratio_vs_stable',
    limit,
    value: ratio.estimate,
    passed: ratio.estimate <= limit || !slower || c - s <= objectives.p99SlackMs,
    detail:
      `candidate p99 ${ms(candidate)} vs stable ${ms(stable)}; ${over} ${ratio.estimate.toFixed(2)}×${bound} ` +
      `(fails above ${limit}× when measurably slower and not within ${objectives.p99SlackMs} ms of stable)`
  };
}
