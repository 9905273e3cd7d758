// Evidently's "wasserstein" test: the first Wasserstein distance divided by the reference's
// population standard deviation (floored at 0.001); drift when the ratio is at least the threshold.

/** Normalises a Wasserstein distance by the reference std as Evidently does. */
export function wassersteinNorm(distance: number, referenceStd: number): number {
  return distance / Math.max(referenceStd, 0.001);
}
