/** One reliability bin: rows whose confidence falls in (lower, upper]. */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  rows: number;
  mean_predicted: number | null;
  fraction_positive: number | null;
}

/** Expected calibration error and the reliability diagram behind it. */
export interface Calibration {
  /** Σ_b (n_b / N)·|fraction_positive_b − mean_predicted_b| over non-empty bins. */
  expected_calibration_error: number | null;
  /** What is calibrated: the positive-class probability (binary) or the top-class confidence (multiclass). */
  of: 'positive_probability' | 'top_class_confidence';
  bins: ReliabilityBin[];
}

/** Reliability bins of the model report (uniform on [0, 1]). */
export const CALIBRATION_BINS = 10;

/** The inner bin edges i/n as numpy's linspace computes them. */
export function calibrationEdges(binCount = CALIBRATION_BINS): number[] {
  const step = 1 / binCount;
  return Array.from({ length: binCount - 1 }, (_, i) => (i + 1) * step);
}

/**
 * The bin of a confidence value (the number of inner edges below it): a value on an edge belongs
 * to the lower bin. Started from v × bins and moved to where the edges say (a scan from 0 costs a
 * mispredicted exit per value).
 */
export function calibrationBin(v: number, inner: readonly number[]): number {
  const guess = Math.floor(v * (inner.length + 1));
  let b = guess > 0 ? Math.min(guess, inner.length) : 0; // NaN: 0, as no edge is below it
  while (b > 0 && !(inner[b - 1] < v)) b--;
  while (b < inner.length && inner[b] < v) b++;
  return b;
}

/** ECE from per-bin totals: Σ_b n_b·|hits_b/n_b − confidence_b/n_b| / Σ n_b (null without rows). */
export function eceFromBins(
  rows: ArrayLike<number>,
  sums: ArrayLike<number>,
  hits: ArrayLike<number>
): number | null {
  let ece = 0;
  let total = 0;
  for (let b = 0; b < rows.length; b++) {
    const n = rows[b];
    total += n;
    if (n > 0) ece += n * Math.abs(hits[b] / n - sums[b] / n);
  }
  return total > 0 ? ece / total : null;
}

/**
 * Uniform bins as sklearn.calibration.calibration_curve(strategy='uniform') draws them: edges
 * i/n computed as numpy's linspace does, a value on an edge belongs to the lower bin. With
 * `weights`, each row counts that many times (a bootstrap resample).
 */
export function calibration(
  confidence: Float64Array,
  hit: Uint8Array,
  of: Calibration['of'],
  binCount = CALIBRATION_BINS,
  weights: Uint8Array | null = null
): Calibration {
  const inner = calibrationEdges(binCount);
  const rows = new Float64Array(binCount);
  const sums = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  for (let i = 0; i < confidence.length; i++) {
    const w = weights === null ? 1 : weights[i];
    const b = calibrationBin(confidence[i], inner);
    rows[b] += w;
    sums[b] += w * confidence[i];
    hits[b] += w * hit[i];
  }
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < binCount; b++) {
    const n = rows[b];
    bins.push({
      lower: b === 0 ? 0 : inner[b - 1],
      upper: b === binCount - 1 ? 1 : inner[b],
      rows: n,
      mean_predicted: n > 0 ? sums[b] / n : null,
      fraction_positive: n > 0 ? hits[b] / n : null
    });
  }
  return { expected_calibration_error: eceFromBins(rows, sums, hits), of, bins };
}
