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

/**
 * Uniform bins as sklearn.calibration.calibration_curve(strategy='uniform') draws them: edges
 * i/n computed as numpy's linspace does, a value on an edge belongs to the lower bin.
 */
export function calibration(
  confidence: Float64Array,
  hit: Uint8Array,
  of: Calibration['of'],
  binCount = 10
): Calibration {
  const step = 1 / binCount;
  const inner = Array.from({ length: binCount - 1 }, (_, i) => (i + 1) * step);
  const rows = new Float64Array(binCount);
  const sums = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  for (let i = 0; i < confidence.length; i++) {
    const v = confidence[i];
    let b = 0;
    while (b < inner.length && inner[b] < v) b++;
    rows[b]++;
    sums[b] += v;
    hits[b] += hit[i];
  }
  let ece = 0;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < binCount; b++) {
    const n = rows[b];
    const mean = n > 0 ? sums[b] / n : null;
    const fraction = n > 0 ? hits[b] / n : null;
    if (n > 0) ece += n * Math.abs((fraction as number) - (mean as number));
    bins.push({
      lower: b === 0 ? 0 : inner[b - 1],
      upper: b === binCount - 1 ? 1 : inner[b],
      rows: n,
      mean_predicted: mean,
      fraction_positive: fraction
    });
  }
  const total = confidence.length;
  return { expected_calibration_error: total > 0 ? ece / total : null, of, bins };
}
