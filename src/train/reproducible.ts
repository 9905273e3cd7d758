import { sha256 } from '../lineage/files.js';
import type { ReproducibilityRecord } from '../lineage/record.js';
import type { SourceOptions } from '../data/engine.js';
import { maxAbsDifference, predictOnData } from './predict.js';

/** Default tolerance on predictions when bytes differ: float32 noise, not a different model. */
export const DEFAULT_TOLERANCE = 1e-6;

/**
 * Compares the models of two runs: byte equality first; when bytes differ (timestamps in
 * metadata, non-deterministic serialisation), the predictions on evaluation data within a tolerance.
 */
export async function compareRuns(
  first: Uint8Array,
  second: Uint8Array,
  options: {
    data?: string;
    dataLabel?: string;
    tolerance?: number;
    source?: SourceOptions;
    features?: string[];
  }
): Promise<ReproducibilityRecord> {
  const hashes: [string, string] = [sha256(first), sha256(second)];
  if (hashes[0] === hashes[1]) {
    return {
      reproducible: true,
      method: 'bytes',
      identical_bytes: true,
      sha256: hashes,
      predictions: null,
      detail: `both runs wrote byte-identical models (sha256 ${hashes[0].slice(0, 12)}…)`
    };
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!options.data) {
    return {
      reproducible: false,
      method: 'bytes',
      identical_bytes: false,
      sha256: hashes,
      predictions: null,
      detail:
        'the two runs wrote different model bytes, and there is no evaluation data (data.eval) to compare their predictions on'
    };
  }
  const { rows, predictions } = await predictOnData([first, second], options.data, {
    ...options.source,
    features: options.features
  });
  const diff = maxAbsDifference(predictions[0], predictions[1]);
  const outputs = Object.keys(predictions[0]);
  const shown = options.dataLabel ?? options.data;
  const reproducible = diff <= tolerance;
  return {
    reproducible,
    method: 'predictions',
    identical_bytes: false,
    sha256: hashes,
    predictions: {
      data: shown,
      rows,
      outputs,
      max_abs_diff: Number.isFinite(diff) ? diff : Number.MAX_VALUE,
      tolerance
    },
    detail: reproducible
      ? `model bytes differ, but predictions on ${rows} rows of ${shown} agree within ${tolerance} (largest difference ${diff.toPrecision(3)})`
      : `model bytes differ and predictions on ${rows} rows of ${shown} differ by up to ${Number.isFinite(diff) ? diff.toPrecision(3) : 'an incomparable amount (different outputs)'}, more than the tolerance ${tolerance}: the trainer is not deterministic for a fixed seed (does it read MLCI_SEED?)`
  };
}
