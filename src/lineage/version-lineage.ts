import type { VersionLineage } from '../registry/types.js';
import { dataVersionId, type TrainingRecord } from './record.js';

/** The lineage a registry version keeps, taken from a training.json (data hashes keyed by path). */
export function versionLineage(record: TrainingRecord, recordName = 'training.json'): VersionLineage {
  const lineage: VersionLineage = {
    dataHashes: Object.fromEntries(record.data.map((file) => [file.path, dataVersionId(file)])),
    params: { ...record.params, seed: record.seed },
    trainingRecord: recordName
  };
  if (record.git) {
    lineage.commit = record.git.commit;
    lineage.dirty = record.git.dirty;
  }
  if (record.github) lineage.runUrl = record.github.run_url;
  return lineage;
}
