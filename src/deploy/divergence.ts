import type { ScoreKind } from '../serve/stats.js';

/**
 * Jensen–Shannon distance between two frequency vectors, as scipy.spatial.distance.jensenshannon
 * computes it (normalised inputs, natural logs, divided by log(base)). Base 2 keeps it in [0, 1].
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  if (p.length !== q.length) throw new Error('jensenShannonDistance: vectors differ in length');
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  if (sp <= 0 || sq <= 0) return NaN;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log(a / m);
    if (b > 0) js += b * Math.log(b / m);
  }
  js /= 2;
  return Math.sqrt(Math.max(0, js) / Math.log(base));
}

/**
 * Histograms of two score samples on shared bins: ten equal bins on [0, 1] for probabilities, one bin
 * per class index, and ten equal-width bins over the joint range for regression values.
 */
export function sharedHistograms(
  a: number[],
  b: number[],
  kind: ScoreKind,
  bins = 10
): { p: number[]; q: number[] } {
  if (kind === 'class') {
    const classes = [...new Set([...a, ...b])].sort((x, y) => x - y);
    const index = new Map(classes.map((c, i) => [c, i]));
    const p = new Array<number>(classes.length).fill(0);
    const q = new Array<number>(classes.length).fill(0);
    for (const v of a) p[index.get(v)!] += 1;
    for (const v of b) q[index.get(v)!] += 1;
    return { p, q };
  }
  let lo = 0;
  let hi = 1;
  if (kind === 'value') {
    lo = Infinity;
    hi = -Infinity;
    for (const v of [a, b]) {
      for (const x of v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
  }
  const p = new Array<number>(bins).fill(0);
  const q = new Array<number>(bins).fill(0);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const bin = (x: number) => Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / width)));
  for (const x of a) p[bin(x)] += 1;
  for (const x of b) q[bin(x)] += 1;
  return { p, q };
}

/** Jensen–Shannon distance (base 2) between two score samples on shared bins. */
export function scoreDivergence(canary: number[], stable: number[], kind: ScoreKind): number {
  const { p, q } = sharedHistograms(canary, stable, kind);
  return jensenShannonDistance(p, q, 2);
}
