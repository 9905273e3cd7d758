// Jensen–Shannon distance as scipy.spatial.distance.jensenshannon(p, q) with scipy's default natural
// logarithm, as Evidently calls it, on the binned shares Evidently computes (union of categories, or
// shared Sturges bins for numbers). Base 2 would make every distance √(1/ln 2) ≈ 1.20× larger and
// flag drift that Evidently's 0.1 threshold does not.

function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/** scipy.spatial.distance.jensenshannon(p, q, base); natural logarithm unless `base` is given. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  const js = base === undefined ? left + right : (left + right) / Math.log(base);
  return Math.sqrt(js / 2);
}
