import { kernels } from './kernels.js';

/**
 * Poisson(1) bootstrap weights. Each resample gives every row an independent Poisson(1) count
 * instead of drawing exactly N rows with replacement: for large N the two are equivalent
 * (Hanley & MacGibbon 2006; Chamandy et al. 2012), and the weights of a resample come from its
 * own seeded stream, so resamples are reproducible one by one and can run on any thread.
 */

/** Weight by a 16-bit uniform: the inverse CDF of Poisson(1) on a 1/65,536 grid. */
export const POISSON_TABLE: Uint8Array = kernels().TABLE;

/**
 * Fills `weights` with the Poisson(1) weights of resample `resample` of a seeded bootstrap
 * (xoshiro128** seeded by splitmix32 of seed and resample; two weights per 32-bit draw).
 */
export function fillResampleWeights(seed: number, resample: number, weights: Uint8Array): void {
  kernels().fillWeights(seed, resample, weights);
}
