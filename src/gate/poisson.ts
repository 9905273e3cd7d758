/**
 * Poisson(1) bootstrap weights. Each resample gives every row an independent Poisson(1) count
 * instead of drawing exactly N rows with replacement: for large N the two are equivalent
 * (Hanley & MacGibbon 2006; Chamandy et al. 2012), and the weights of a resample come from its
 * own seeded stream, written sequentially, so resamples are reproducible one by one.
 */

const TABLE_BITS = 16;

/** Weight by a 16-bit uniform: the inverse CDF of Poisson(1) on a 1/65,536 grid. */
export const POISSON_TABLE: Uint8Array = (() => {
  const size = 1 << TABLE_BITS;
  const table = new Uint8Array(size);
  let k = 0;
  let p = Math.exp(-1);
  let cdf = p;
  for (let u = 0; u < size; u++) {
    const q = (u + 0.5) / size;
    while (q > cdf && k < 255) {
      k++;
      p /= k;
      cdf += p;
    }
    table[u] = k;
  }
  return table;
})();

function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * Fills `weights` with the Poisson(1) weights of resample `resample` of a seeded bootstrap
 * (xoshiro128** seeded by splitmix32 of seed and resample; two weights per 32-bit draw).
 */
export function fillResampleWeights(seed: number, resample: number, weights: Uint8Array): void {
  let a = splitmix32(seed ^ Math.imul(resample + 1, 0x2545f491));
  let b = splitmix32(a ^ 0x6a09e667);
  let c = splitmix32(b ^ 0x3c6ef372);
  let d = splitmix32(c ^ 0x510e527f);
  if ((a | b | c | d) === 0) a = 1;
  const table = POISSON_TABLE;
  const n = weights.length;
  for (let i = 0; i < n; i += 2) {
    const x = Math.imul(b, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    weights[i] = table[r & 0xffff];
    if (i + 1 < n) weights[i + 1] = table[r >>> 16];
  }
}
