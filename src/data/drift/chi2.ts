// Evidently's chi-square test: scipy.stats.chisquare of the current counts against the reference
// counts scaled to the current size, over the union of categories.
import { chi2Sf } from './special.js';

/** Statistic and p-value of a chi-square goodness-of-fit test. */
export interface Chi2Result {
  statistic: number;
  p_value: number;
}

/** Counts per category (keys are category labels as strings). */
export type Counts = Map<string, number>;

function total(counts: Counts): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** Chi-square test of `current` against `reference` frequencies (p-value NaN with a single category). */
export function chiSquareTest(reference: Counts, current: Counts): Chi2Result {
  const keys = new Set([...reference.keys(), ...current.keys()]);
  const kNorm = total(current) / total(reference);
  let statistic = 0;
  for (const key of keys) {
    const expected = (reference.get(key) ?? 0) * kNorm;
    const observed = current.get(key) ?? 0;
    statistic += ((observed - expected) * (observed - expected)) / expected;
  }
  return { statistic, p_value: chi2Sf(statistic, keys.size - 1) };
}
