import { metricDirection } from '../evaluation/metrics/catalog.js';
import type { IntervalResult } from './bootstrap.js';

/** What a change is, judged by its interval (or measured spread), never by its sign alone. */
export type NoiseVerdict = 'better' | 'worse' | 'within_noise';

/** Slices with fewer rows get no interval and no colour: their cells say "too few rows". */
export const MIN_INTERVAL_ROWS = 100;

/** A measured quantity's median and the range of its timed passes. */
export interface Spread {
  median: number;
  low: number;
  high: number;
  /** Timed passes behind the median. */
  passes: number;
}

function byDirection(metric: string, up: boolean): NoiseVerdict {
  const direction = metricDirection(metric);
  if (direction === null) return 'within_noise';
  return up === (direction === 'higher') ? 'better' : 'worse';
}

/**
 * A change is better or worse only when its paired bootstrap interval excludes 0, in the metric's
 * direction (the metric catalog); otherwise it is within noise. Null when there is no interval.
 */
export function verdictFromInterval(
  metric: string,
  interval: IntervalResult | undefined
): NoiseVerdict | null {
  if (!interval || interval.low === null) return null;
  if (interval.low > 0) return byDirection(metric, true);
  if (interval.high < 0) return byDirection(metric, false);
  return 'within_noise';
}

/** A measured change (latency) counts only beyond both spreads: the two ranges of passes must not overlap. */
export function verdictFromSpread(metric: string, candidate: Spread, baseline: Spread): NoiseVerdict {
  if (candidate.low > baseline.high) return byDirection(metric, true);
  if (candidate.high < baseline.low) return byDirection(metric, false);
  return 'within_noise';
}

/** An exact quantity (bytes): any difference is real. */
export function verdictFromExact(metric: string, delta: number): NoiseVerdict {
  return delta === 0 ? 'within_noise' : byDirection(metric, delta > 0);
}
