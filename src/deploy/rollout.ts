import { checkSteps } from '../config/rules.js';
import { CheckFailedError, InputError } from '../core/errors.js';
import type { VariantWindow } from '../serve/stats.js';
import { analyse, type AnalysisResult, type AnalysisThresholds } from './analysis.js';
import type { CanaryTarget } from './target.js';
import type { ServerState } from '../serve/server.js';
import { pacedLoad } from './traffic.js';
import { performance } from 'node:perf_hooks';

export { checkSteps };

/** Replayed traffic for the analysis: bodies sent at `rate` per second for each step's interval. */
export interface ReplayTraffic {
  bodies: string[];
  rate: number;
}

/** How to roll a version out. */
export interface RolloutOptions {
  version: number;
  /** Canary traffic percentages, increasing (default 10, 50, 100). */
  steps: number[];
  /** How long each analysis observes traffic, ms; undefined derives it from the traffic rate (see `derivedIntervalMs`). */
  intervalMs?: number;
  /** Consecutive failed analyses tolerated before rolling back (Argo's consecutiveErrorLimit; 0 = roll back at the first). */
  failureLimit: number;
  thresholds: AnalysisThresholds;
  /** Also score every request with the other version, for a paired divergence (default true). */
  shadow: boolean;
  /** Replay traffic; without it the rollout only observes production traffic. */
  traffic?: ReplayTraffic;
  /** Resume a paused rollout at this step index (the step is analysed again). */
  resumeStep?: number;
  /** Failures already counted before a pause. */
  failures?: number;
  /** Progress notes (step started, analysis result). */
  onEvent?: (event: RolloutEvent) => void | Promise<void>;
  /** Waits `ms` (tests shorten it); default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** How often a progress event reports the interval under way, ms (default 5,000). */
  progressEveryMs?: number;
}

/** What happened at one analysis. */
export interface StepReport {
  step: number;
  weight: number;
  attempt: number;
  analysis: AnalysisResult;
  replay?: { sent: number; ok: number; failed: number };
}

/** Progress of a rollout, for logs and deployment statuses. */
export type RolloutEvent =
  | { kind: 'step'; step: number; weight: number; of: number }
  | { kind: 'interval'; step: number; weight: number; intervalMs: number; rate: number | null }
  | { kind: 'progress'; step: number; canaryRequests: number; stableRequests: number; leftMs: number }
  | { kind: 'analysis'; report: StepReport }
  | { kind: 'warning'; message: string }
  | { kind: 'done'; outcome: RolloutOutcome; reason: string };

/** promoted: the canary is stable now; rolled_back: stable kept; paused: inconclusive, waiting for a resume. */
export type RolloutOutcome = 'promoted' | 'rolled_back' | 'paused';

/** The record of a rollout. */
export interface RolloutReport {
  version: number;
  stable: number;
  outcome: RolloutOutcome;
  reason: string;
  steps: number[];
  analyses: StepReport[];
  failures: number;
  /** The step to resume at when paused. */
  pausedAt?: { step: number; weight: number };
  started: string;
  finished: string;
}

/**
 * Runs a progressive rollout as Argo Rollouts and Flagger do: at each traffic step the canary is
 * analysed for one interval; a passed analysis advances, a failed one counts towards the failure
 * limit (then rolls back), an inconclusive one pauses the rollout where it is.
 */
export async function runRollout(target: CanaryTarget, options: RolloutOptions): Promise<RolloutReport> {
  const steps = checkSteps(options.steps);
  if (options.intervalMs !== undefined) checkInterval(options.intervalMs, 'interval');
  const started = new Date().toISOString();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const firstStep = options.resumeStep ?? 0;
  const mixed = target.latencyAgainstBaseline ?? false;
  // With replayed traffic the rate is known: a sample the steps cannot reach is said before anything moves.
  let shortfall = options.traffic
    ? sampleShortfall(steps, firstStep, options.traffic.rate, options, mixed)
    : null;
  const initial = await target.state();
  const promotedBefore = checkStart(target, options, initial);
  const analyses: StepReport[] = [];
  let failures = options.failures ?? 0;
  const finish = async (outcome: RolloutOutcome, reason: string, pausedAt?: RolloutReport['pausedAt']) => {
    await options.onEvent?.({ kind: 'done', outcome, reason });
    return {
      version: options.version,
      stable: initial.stable.version,
      outcome,
      reason,
      steps,
      analyses,
      failures,
      pausedAt,
      started,
      finished: new Date().toISOString()
    } satisfies RolloutReport;
  };

  if (promotedBefore) return finish('promoted', promotedBefore);

  const observe = (intervalMs: number, step: number) =>
    observeInterval(target, options, sleep, intervalMs, step);
  await announce(shortfall, options);

  // The baseline: stable alone for one interval, with the canary loaded (so a model that cannot load
  // fails here) but given no traffic.
  await options.onEvent?.({ kind: 'step', step: 0, weight: 0, of: steps.length });
  try {
    await target.setCanary(options.version, 0, options.shadow);
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    await target.rollback().catch(() => undefined);
    return finish('rolled_back', `v${options.version} could not be loaded: ${error.message}`);
  }
  try {
    return await steer();
  } catch (error) {
    // Whatever broke (the network, the target), stable gets all traffic back before the error surfaces.
    await target.rollback().catch(() => undefined);
    throw error;
  }

  async function steer(): Promise<RolloutReport> {
    // Without a set interval the baseline lasts long enough for stable to reach the minimum sample
    // at the replay rate, or a fixed probe of production traffic that measures its rate.
    const replayRate = options.traffic?.rate ?? null;
    const baselineMs =
      options.intervalMs ?? (replayRate ? derivedIntervalMs(replayRate, 100, options.thresholds) : PROBE_MS);
    const started = performance.now();
    await observe(baselineMs, 0);
    const baseline: VariantWindow = (await target.stats()).stable;
    const rate =
      replayRate ??
      (baseline.requests > 0 ? baseline.requests / ((performance.now() - started) / 1000) : null);
    if (!options.traffic && rate !== null) {
      shortfall = sampleShortfall(steps, firstStep, rate, options, mixed);
      await announce(shortfall, options);
    }

    for (let index = options.resumeStep ?? 0; index < steps.length; index++) {
      const weight = steps[index];
      await options.onEvent?.({ kind: 'step', step: index + 1, weight, of: steps.length });
      await target.setCanary(options.version, weight, options.shadow);
      const intervalMs =
        options.intervalMs ??
        (rate ? derivedIntervalMs(rate, weight, options.thresholds) : FALLBACK_INTERVAL_MS);
      await options.onEvent?.({ kind: 'interval', step: index + 1, weight, intervalMs, rate });
      for (let attempt = 1; ; attempt++) {
        const replay = await observe(intervalMs, index + 1);
        const window = await target.stats();
        // A step after the first is reached only when the one before passed, latency included (judged
        // there, or carried from the step before it), so from the second step on latency has been judged.
        const analysis = analyse(window, options.thresholds, baseline, {
          judgedEarlier: index > 0,
          againstBaseline: target.latencyAgainstBaseline
        });
        const report: StepReport = { step: index + 1, weight, attempt, analysis, replay };
        analyses.push(report);
        await options.onEvent?.({ kind: 'analysis', report });
        if (analysis.verdict === 'pass') {
          // The limit counts consecutive failures: one noisy interval followed by a clean one is no trend.
          failures = 0;
          break;
        }
        if (analysis.verdict === 'inconclusive') {
          const why = shortfall?.warn?.step === index ? `; ${shortfall.warn.message}` : '';
          return finish('paused', `step ${index + 1} (${weight} %): ${analysis.reason}${why}`, {
            step: index,
            weight
          });
        }
        failures += 1;
        if (failures > options.failureLimit) {
          await target.rollback();
          return finish('rolled_back', `step ${index + 1} (${weight} %): ${analysis.reason}`);
        }
      }
    }
    await target.promote();
    return finish('promoted', `all ${steps.length} steps passed (${steps.join(' → ')} %)`);
  }
}

/**
 * Checks the target's state before a rollout starts. Returns why the rollout is already done when
 * the target serves the version as stable: it promoted it and the run stopped before its caller
 * moved the alias (killed, or the registry write failed), so the analysis had passed and a re-run
 * finishes the job instead of refusing it. Throws when another rollout is under way.
 */
function checkStart(target: CanaryTarget, options: RolloutOptions, initial: ServerState): string | null {
  if (initial.stable.version === options.version) {
    if (!initial.canary)
      return `v${options.version} is already the stable version on ${target.description}: an earlier rollout promoted it there and stopped before the alias moved`;
    throw new InputError(
      `v${options.version} is already the stable version on ${target.description}, and v${initial.canary.version} is its canary: another rollout is under way`
    );
  }
  // A restarted server has no canary; a different canary means someone else is rolling out.
  if (options.resumeStep !== undefined && initial.canary && initial.canary.version !== options.version) {
    throw new InputError(
      `cannot resume: ${target.description} has canary v${initial.canary.version}, not v${options.version}`
    );
  }
  return null;
}

/** Refuses steps that cannot judge the canary, or warns of a sample too small, before any traffic moves. */
async function announce(shortfall: Shortfall | null, options: RolloutOptions): Promise<void> {
  if (shortfall?.refuse) throw new InputError(shortfall.refuse);
  if (shortfall?.warn) await options.onEvent?.({ kind: 'warning', message: shortfall.warn.message });
}

/** Below this an analysis interval is spent on the window's own admin calls: nothing could be measured. */
export const MIN_INTERVAL_MS = 100;

/** Refuses an analysis interval too short to measure anything; `where` names the flag or key. */
export function checkInterval(ms: number, where: string): number {
  if (!(ms >= MIN_INTERVAL_MS)) {
    throw new InputError(
      `${where}: ${ms} ms is too short for an analysis to see any traffic (at least ${MIN_INTERVAL_MS} ms; without it the interval follows the traffic rate)`
    );
  }
  return ms;
}

/** What the steps' sample will be at a traffic rate: a refusal, or a warning naming the first short step. */
interface Shortfall {
  refuse?: string;
  warn?: { step: number; message: string };
}

/**
 * Checks the sample each step can reach at `rate` requests/s. The first step must leave stable the
 * latencies the latency test needs, since no earlier step can judge latency for it (refused: the
 * rollout would pause there on every resume); a step whose canary gets fewer requests than an
 * analysis needs will pause as inconclusive (a warning: the traffic may be meant to be thin).
 */
function sampleShortfall(
  steps: number[],
  from: number,
  rate: number,
  options: Pick<RolloutOptions, 'intervalMs' | 'thresholds'>,
  mixed: boolean
): Shortfall | null {
  const t = options.thresholds;
  // A target that measures the mixed traffic (KServe) counts every request and judges latency against the baseline.
  const sample = (index: number) => {
    const intervalMs = options.intervalMs ?? derivedIntervalMs(rate, steps[index], t);
    const total = (rate * intervalMs) / 1000;
    const share = mixed ? 100 : steps[index];
    return { intervalMs, canary: (total * share) / 100, stable: (total * (100 - share)) / 100 };
  };
  const shortfall: Shortfall = {};
  const first = sample(from);
  if (!mixed && from === 0 && first.stable < t.minLatencySamples && first.canary >= t.minRequests) {
    shortfall.refuse = `step 1 (${steps[0]} %) leaves stable about ${Math.floor(first.stable)} requests in its ${seconds(first.intervalMs)} interval, fewer than the ${t.minLatencySamples} latencies needed to judge the canary's latency against stable under the same load (no earlier step can judge it): start with a step that leaves stable more traffic, e.g. 10,50,100`;
  }
  for (let index = from; index < steps.length; index++) {
    const { intervalMs, canary } = sample(index);
    if (canary >= t.minRequests) continue;
    shortfall.warn = {
      step: index,
      message: `at ${rate.toPrecision(3)} requests/s, step ${index + 1} (${steps[index]} %) gives the canary about ${Math.floor(canary)} requests in its ${seconds(intervalMs)} interval, fewer than the ${t.minRequests} an analysis needs (min_requests): it will pause as inconclusive; raise the rate or the interval`
    };
    break;
  }
  return shortfall.refuse || shortfall.warn ? shortfall : null;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** How long the baseline watches production traffic to measure its rate when no interval is set. */
const PROBE_MS = 10_000;
/** The interval when no interval is set and no traffic reached stable during the probe. */
const FALLBACK_INTERVAL_MS = 60_000;
/** Extra time over the expected, so that a rate that dips a little still yields the minimum sample. */
const MARGIN = 1.25;

/**
 * The interval in which the canary, given `weight` % of traffic arriving at `rate` per second, answers
 * the requests the analysis needs (`minRequests`, and at least `minLatencySamples`), with a margin;
 * between 1 s and 10 min.
 */
export function derivedIntervalMs(rate: number, weight: number, thresholds: AnalysisThresholds): number {
  const need = Math.max(thresholds.minRequests, thresholds.minLatencySamples);
  const perSecond = (rate * weight) / 100;
  return Math.round(Math.min(600_000, Math.max(1000, (1000 * need * MARGIN) / perSecond)));
}

/** Emits progress events while an interval runs: the requests so far and the time left. */
function watchInterval(
  target: CanaryTarget,
  options: RolloutOptions,
  step: number,
  intervalMs: number
): { stop(): void } {
  const every = options.progressEveryMs ?? 5000;
  if (!options.onEvent || intervalMs <= every) return { stop: () => undefined };
  const end = performance.now() + intervalMs;
  const timer = setInterval(() => {
    void target
      .stats()
      .then((w) =>
        options.onEvent?.({
          kind: 'progress',
          step,
          canaryRequests: w.canary?.requests ?? 0,
          stableRequests: w.stable.requests,
          leftMs: Math.max(0, end - performance.now())
        })
      )
      .catch(() => undefined);
  }, every);
  return { stop: () => clearInterval(timer) };
}

/** Resets the window, then lets one interval of traffic flow (replayed, or production's), reporting progress. */
async function observeInterval(
  target: CanaryTarget,
  options: RolloutOptions,
  sleep: (ms: number) => Promise<void>,
  intervalMs: number,
  step: number
): Promise<StepReport['replay']> {
  await target.resetStats();
  const watch = watchInterval(target, options, step, intervalMs);
  try {
    if (!options.traffic) {
      await sleep(intervalMs);
      return undefined;
    }
    const count = Math.max(1, Math.round((options.traffic.rate * intervalMs) / 1000));
    const summary = await pacedLoad({
      url: target.inferUrl,
      bodies: options.traffic.bodies,
      rate: options.traffic.rate,
      count,
      onResult: target.observe?.bind(target),
      // The server logs replayed rows apart, so monitoring production traffic does not see them.
      source: 'replay'
    });
    return { sent: summary.sent, ok: summary.ok, failed: summary.failed };
  } finally {
    watch.stop();
  }
}
