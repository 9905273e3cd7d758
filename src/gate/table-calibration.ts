import { calibrationInputs } from '../evaluation/evaluate-model.js';
import {
  CALIBRATION_BINS,
  calibrationBin,
  calibrationEdges,
  eceFromBins
} from '../evaluation/metrics/calibration.js';
import type { Predictions } from '../evaluation/metrics/scorer.js';
import type { StrataSet, TableMemory } from './table-kernels.js';

/** Cells per calibration stratum: candidate's hit × baseline's hit. */
const HIT_CELLS = 4;

/**
 * The strata set that resamples expected calibration error: a stratum per pair of reliability bins
 * (candidate's × baseline's), its cells the two models' hits, its terms both confidences. Each
 * model's ECE is a function of per-bin weighted rows, confidence and hits, which these sums give
 * exactly (eceFromBins, as the model report forms it). Its arrays are placed now and formed by
 * fill() (in reference order when given). Null for regression.
 */
export function calibrationSet(
  predictions: [Predictions, Predictions],
  memory: TableMemory,
  offset: number
): { set: StrataSet; fill(order: Uint32Array | null): void } | null {
  if (predictions.some((p) => p.task === 'regression')) return null;
  const n = predictions[0].y.length;
  const code = memory.i32(n);
  const stratum = memory.i32(n);
  const terms = memory.f64(2 * n);
  const strata = CALIBRATION_BINS * CALIBRATION_BINS;
  const set = {
    code,
    stratum,
    strata,
    cells: strata * HIT_CELLS,
    termCount: 2,
    wholeTerms: 0,
    terms,
    offset
  };
  const fill = (order: Uint32Array | null) => {
    const [a, b] = predictions.map(calibrationInputs) as [CalibrationInputs, CalibrationInputs];
    const inner = calibrationEdges(CALIBRATION_BINS);
    // Each row's code in row order first (sequential reads): the pass in reference order then reads
    // one 2-byte code at random instead of both hits (the binning is not repeated either).
    const rowCode = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const st =
        calibrationBin(a.confidence[i], inner) * CALIBRATION_BINS + calibrationBin(b.confidence[i], inner);
      rowCode[i] = st * HIT_CELLS + a.hit[i] * 2 + b.hit[i];
    }
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k;
      const c = rowCode[i];
      code[k] = c;
      stratum[k] = Math.floor(c / HIT_CELLS);
      terms[2 * k] = a.confidence[i];
      terms[2 * k + 1] = b.confidence[i];
    }
  };
  return { set, fill };
}

type CalibrationInputs = NonNullable<ReturnType<typeof calibrationInputs>>;

/** Both models' expected calibration error in one resample's record (at: the resample's start). */
export function resampledCalibration(
  set: StrataSet,
  record: Float64Array,
  at: number
): [number | null, number | null] {
  const B = CALIBRATION_BINS;
  const base = at + set.offset;
  const sums = at + set.offset + set.cells;
  const bins = () => ({ rows: new Float64Array(B), sums: new Float64Array(B), hits: new Float64Array(B) });
  const [ca, cb] = [bins(), bins()];
  for (let ba = 0; ba < B; ba++)
    for (let bb = 0; bb < B; bb++) {
      const st = ba * B + bb;
      for (let cell = 0; cell < HIT_CELLS; cell++) {
        const w = record[base + st * HIT_CELLS + cell];
        ca.rows[ba] += w;
        cb.rows[bb] += w;
        ca.hits[ba] += (cell >> 1) * w;
        cb.hits[bb] += (cell & 1) * w;
      }
      ca.sums[ba] += record[sums + st];
      cb.sums[bb] += record[sums + set.strata + st];
    }
  return [eceFromBins(ca.rows, ca.sums, ca.hits), eceFromBins(cb.rows, cb.sums, cb.hits)];
}
