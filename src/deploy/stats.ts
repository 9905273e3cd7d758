// The one-sided tests of the canary analysis, computed as scipy.stats computes them (held against
// scipy on random data by __tests__/deploy/stats.test.ts). One-sided: the canary is only ever judged
// worse than stable, never better.
import { lgamma, ndtr } from '../data/drift/special.js';

/** The outcome of one test: its statistic and p-value. */
export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Mann–Whitney U test that `x` tends to be larger than `y`, as scipy.stats.mannwhitneyu(x, y,
 * alternative='greater', method='asymptotic'): U of x, normal approximation with the tie correction
 * and the continuity correction. The statistic is U.
 */
export function mannWhitneyGreater(x: ArrayLike<number>, y: ArrayLike<number>): TestResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  const pooled = new Float64Array(n1 + n2);
  for (let i = 0; i < n1; i++) pooled[i] = x[i];
  for (let j = 0; j < n2; j++) pooled[n1 + j] = y[j];
  const order = Array.from(pooled.keys()).sort((a, b) => pooled[a] - pooled[b]);
  const n = n1 + n2;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && pooled[order[end]] === pooled[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (order[k] < n1) rankSumX += rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (u - (n1 * n2) / 2 - 0.5) / s;
  // All values tied: no evidence either way.
  const pValue = s > 0 ? ndtr(-z) : 1;
  return { statistic: u, pValue };
}

/**
 * Fisher's exact test that group 1 has the larger share of events, as scipy.stats.fisher_exact(
 * [[events1, others1], [events2, others2]], alternative='greater'): the hypergeometric upper tail.
 * The statistic is the sample odds ratio.
 */
export function fisherGreater(
  events1: number,
  others1: number,
  events2: number,
  others2: number
): TestResult {
  const n1 = events1 + others1;
  const total = n1 + events2 + others2;
  const events = events1 + events2;
  const logChoose = (n: number, k: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
  const denominator = logChoose(total, n1);
  let pValue = 0;
  for (let k = events1; k <= Math.min(n1, events); k++) {
    pValue += Math.exp(logChoose(events, k) + logChoose(total - events, n1 - k) - denominator);
  }
  const odds = (events1 * others2) / (others1 * events2);
  return { statistic: Number.isNaN(odds) ? NaN : odds, pValue: Math.min(1, pValue) };
}

/**
 * One-sample t-test that the mean of `values` exceeds `mean0`, as scipy.stats.ttest_1samp(values,
 * mean0, alternative='greater'). With no spread the mean alone decides (p 0 above, 1 otherwise).
 */
export function tTestGreater(values: ArrayLike<number>, mean0: number): TestResult {
  const n = values.length;
  if (n < 2) return { statistic: NaN, pValue: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (sd === 0) return { statistic: mean > mean0 ? Infinity : -Infinity, pValue: mean > mean0 ? 0 : 1 };
  const t = (mean - mean0) / (sd / Math.sqrt(n));
  return { statistic: t, pValue: studentSf(t, n - 1) };
}

/** Exact binomial test that the success probability exceeds `p0`, as scipy.stats.binomtest(k, n, p0, alternative='greater'). */
export function binomialGreater(k: number, n: number, p0: number): TestResult {
  const pValue = k <= 0 ? 1 : k > n ? 0 : incompleteBeta(k, n - k + 1, p0);
  return { statistic: n > 0 ? k / n : NaN, pValue };
}

/** P(T > t) of Student's t with `df` degrees of freedom (scipy.stats.t.sf). */
export function studentSf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t > 0 ? tail : 1 - tail;
}

/** The regularised incomplete beta function I_x(a, b) (scipy.special.betainc), by Lentz's continued fraction. */
export function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast below (a + 1) / (a + b + 2); use the symmetry above it.
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(b, a, 1 - x)) / b;
  return (front * betaFraction(a, b, x)) / a;
}

function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The median (numpy's: the mean of the two middle values of an even sample); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
