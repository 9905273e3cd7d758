// One ascending walk over the pooled distinct values of two samples gives the exact two-sample KS
// statistic and the exact first Wasserstein distance, as scipy computes them from the sorted samples.

/** Accumulates F1 − F2 and ∫|F1 − F2| while distinct values arrive in ascending order. */
export class EcdfWalk {
  private cumA = 0;
  private cumB = 0;
  private prev = NaN;
  private prevDiff = 0;
  private w = 0;
  /** max(F_A − F_B) over the pooled values. */
  maxDiff = -Infinity;
  /** min(F_A − F_B) over the pooled values. */
  minDiff = Infinity;

  constructor(
    readonly nA: number,
    readonly nB: number
  ) {}

  /** Adds one distinct value with its count in each sample (values must not decrease: see DriftWalk.add). */
  push(value: number, countA: number, countB: number): void {
    if (this.prev === this.prev) this.w += this.prevDiff * (value - this.prev);
    this.cumA += countA;
    this.cumB += countB;
    const diff = this.cumA / this.nA - this.cumB / this.nB;
    if (diff > this.maxDiff) this.maxDiff = diff;
    if (diff < this.minDiff) this.minDiff = diff;
    this.prevDiff = Math.abs(diff);
    this.prev = value;
  }

  /** scipy.stats.wasserstein_distance of the two samples. */
  get wasserstein(): number {
    return this.w;
  }

  /** max(F_A − F_B), as scipy's maxS. */
  get maxS(): number {
    return this.maxDiff === -Infinity ? 0 : this.maxDiff;
  }

  /** max(0, −min(F_A − F_B)), as scipy's minS. */
  get minS(): number {
    return this.minDiff === Infinity ? 0 : Math.min(1, Math.max(0, -this.minDiff));
  }
}

/** Walks two samples given as arrays (small data, tests): sorts them and feeds an EcdfWalk. */
export function walkSamples(a: ArrayLike<number>, b: ArrayLike<number>): EcdfWalk {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  const walk = new EcdfWalk(sa.length, sb.length);
  let i = 0;
  let j = 0;
  while (i < sa.length || j < sb.length) {
    const v = j >= sb.length || (i < sa.length && sa[i] <= sb[j]) ? sa[i] : sb[j];
    let ca = 0;
    let cb = 0;
    while (i < sa.length && sa[i] === v) {
      ca++;
      i++;
    }
    while (j < sb.length && sb[j] === v) {
      cb++;
      j++;
    }
    walk.push(v, ca, cb);
  }
  return walk;
}
