// Population Stability Index on Evidently's binned shares, with empty bins filled as Evidently
// does ("feel_zeroes"): PSI = Σ (ref − cur) · ln(ref / cur).

/** Replaces zero shares by a small value (min non-zero / 1e6, or 1e-4), as Evidently. */
export function fillZeroes(shares: number[]): number[] {
  const nonZero = shares.filter((s) => s !== 0);
  if (nonZero.length === 0) return shares;
  const min = Math.min(...nonZero);
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}

/** PSI of two share vectors over the same bins (zeros filled first). */
export function psi(reference: number[], current: number[]): number {
  const r = fillZeroes(reference);
  const c = fillZeroes(current);
  let value = 0;
  for (let i = 0; i < r.length; i++) value += (r[i] - c[i]) * Math.log(r[i] / c[i]);
  return value;
}
