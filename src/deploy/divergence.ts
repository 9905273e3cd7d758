// Prediction divergence between canary and stable, as a test whose false-alarm rate holds at the
// sample size seen (docs/serving.md, "Canary analysis"). Paired when shadow scoring gave both
// versions' scores on the same requests (an identical model then differs by exactly zero); else a
// two-sample Kolmogorov–Smirnov test on the two score samples.
import { walkSamples } from '../data/drift/ecdf.js';
import { ksTest } from '../data/drift/ks.js';
import type { ScoreKind } from '../serve/stats.js';
import { binomialGreater, tTestGreater, type TestResult } from './stats.js';

/** The outcome of a divergence test: the effect (compared with the limit) and the test behind it. */
export interface DivergenceTest extends TestResult {
  /** The practical size of the difference, on the scale of the limit. */
  effect: number;
  /** What the effect measures, in plain words. */
  effectName: string;
  /** The test, in plain words. */
  testName: string;
}

/**
 * Paired divergence on the same requests: the mean absolute change of p(positive) for probabilities,
 * of the value in standard deviations of stable's values for regression, and the share of requests
 * whose class changed for classes; tested one-sided against `limit` (t-test, or exact binomial for
 * the share), so a candidate whose true change is within the limit fails with probability ≤ α.
 */
export function pairedDivergence(pairs: [number, number][], kind: ScoreKind, limit: number): DivergenceTest {
  if (kind === 'class') {
    const changed = pairs.filter(([c, s]) => c !== s).length;
    return {
      ...binomialGreater(changed, pairs.length, limit),
      effect: pairs.length > 0 ? changed / pairs.length : NaN,
      effectName: 'share of requests whose class changed',
      testName: 'exact binomial test'
    };
  }
  const scale = kind === 'value' ? standardDeviation(pairs.map((p) => p[1])) : 1;
  const changes = pairs.map(([c, s]) => Math.abs(c - s) / (scale > 0 ? scale : 1));
  const mean = changes.reduce((a, b) => a + b, 0) / Math.max(1, changes.length);
  return {
    ...tTestGreater(changes, limit),
    effect: changes.length > 0 ? mean : NaN,
    effectName:
      kind === 'value' ? 'mean |change| in standard deviations of stable' : 'mean |change of p(positive)|',
    testName: 'one-sided t-test'
  };
}

/**
 * Unpaired divergence: the two-sample Kolmogorov–Smirnov distance between the score samples and its
 * p-value (scipy.stats.ks_2samp). On class indices the test is conservative (ties), never liberal.
 */
export function unpairedDivergence(canary: number[], stable: number[]): DivergenceTest {
  const walk = walkSamples(canary, stable);
  const ks = ksTest(walk.maxS, walk.minS, canary.length, stable.length);
  return {
    statistic: ks.statistic,
    pValue: ks.p_value,
    effect: ks.statistic,
    effectName: 'Kolmogorov–Smirnov distance',
    testName: 'two-sample Kolmogorov–Smirnov test'
  };
}

function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}
