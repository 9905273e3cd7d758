// Weighted value lists of numeric distributions: pooling shards, numpy-style quantiles, and the
// equal-weight point summary kept above the value cap (docs/sharded-validation.md).
import { QUANTILES, SUMMARY_POINTS, type NumericDistribution } from '../statistics.js';

function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Merges sorted weighted points of several distributions into one ascending list. */
export function pool(distributions: NumericDistribution[]): { values: number[]; counts: number[] } {
  const pairs: [number, number][] = [];
  for (const d of distributions) d.values.forEach((v, i) => pairs.push([v, d.counts[i]]));
  pairs.sort((a, b) => a[0] - b[0]);
  const values: number[] = [];
  const counts: number[] = [];
  for (const [v, c] of pairs) {
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1] += c;
    else {
      values.push(v);
      counts.push(c);
    }
  }
  return { values, counts };
}

/** numpy-style linear quantiles of a weighted sorted list (exact when weights are counts). */
export function quantilesOf(values: number[], counts: number[], n: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, p] of QUANTILES) {
    if (n === 0) {
      out[name] = null;
      continue;
    }
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    let cum = 0;
    let a = NaN;
    let b = NaN;
    for (let i = 0; i < values.length && Number.isNaN(b); i++) {
      cum += counts[i];
      if (Number.isNaN(a) && lo < cum) a = values[i];
      if (hi < cum) b = values[i];
    }
    if (Number.isNaN(b)) b = values[values.length - 1];
    if (Number.isNaN(a)) a = b;
    out[name] = lerp(a, b, h - lo);
  }
  return out;
}

/** At most SUMMARY_POINTS points of equal weight (n / points) standing for a weighted sorted list. */
export function compress(values: number[], counts: number[], n: number): number[] {
  const k = Math.min(SUMMARY_POINTS, Math.max(1, Math.round(n)));
  const out: number[] = [];
  let cum = 0;
  let i = 0;
  for (let j = 0; j < k; j++) {
    const target = ((j + 0.5) * n) / k;
    while (i < values.length - 1 && cum + counts[i] <= target) {
      cum += counts[i];
      i++;
    }
    out.push(values[i]);
  }
  return out;
}
