// Finds the lineage of the two models an evaluation compares: the candidate's training.json beside
// it, the baseline's from its registry record (its stored training.json, else the record's lineage)
// or a training.json beside a baseline file; then diffs them.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Registry } from '../registry/types.js';
import { TRAINING_RECORD_SCHEMA, type TrainingRecord } from './record.js';
import {
  diffLineage,
  nothingToCompare,
  snapshotFromTraining,
  snapshotFromVersion,
  type LineageSnapshot,
  type WhatChanged
} from './what-changed.js';

/** The two models of an evaluation, as far as lineage needs them. */
export interface ComparedModels {
  candidate: { path: string; sha256: string };
  /** The baseline and where it came from; null on a first run. */
  baseline: {
    kind: 'file' | 'registry' | 'artifact' | 'none';
    ref: string | null;
    sha256: string;
    /** The baseline file (kind `file`). */
    path?: string;
    /** The registry version (kind `registry`). */
    version?: number;
  } | null;
  registry?: Registry | null;
  modelName?: string;
}

/** What changed from the baseline to the candidate, or why it cannot be said. */
export async function whatChanged(models: ComparedModels): Promise<WhatChanged> {
  const base = models.baseline;
  if (!base || base.kind === 'none')
    return nothingToCompare(null, 'first run: no production model to compare with');
  const ref = base.ref ?? base.kind;
  const candidate = await recordBeside(models.candidate.path, models.candidate.sha256);
  if (!candidate)
    return nothingToCompare(
      ref,
      'the candidate has no training.json of its own beside it (mlci train writes one), so its lineage is unknown'
    );
  const baseline = await baselineSnapshot(models, base);
  if (typeof baseline === 'string') return nothingToCompare(ref, baseline);
  return diffLineage(baseline, snapshotFromTraining(candidate), ref);
}

async function baselineSnapshot(
  models: ComparedModels,
  base: NonNullable<ComparedModels['baseline']>
): Promise<LineageSnapshot | string> {
  if (base.kind === 'registry' && models.registry && models.modelName && base.version !== undefined) {
    const version = await models.registry.resolve({ name: models.modelName, version: base.version });
    if (!version) return `${base.ref} is not in the registry any more`;
    if (version.assets.includes('training.json')) {
      // The gate does not depend on lineage: an unreadable record leaves the registry's summary.
      const bytes = await models.registry
        .download(models.modelName, base.version, 'training.json')
        .catch(() => null);
      const record = bytes && parseRecord(new TextDecoder().decode(bytes), version.sha256);
      if (record) return snapshotFromTraining(record);
    }
    return snapshotFromVersion(version.lineage);
  }
  if (base.kind === 'file' && base.path) {
    const record = await recordBeside(base.path, base.sha256);
    return record
      ? snapshotFromTraining(record)
      : `the baseline ${base.path} has no training.json of its own beside it, so its lineage is unknown`;
  }
  return 'the baseline came from a CI artifact, which carries no training lineage';
}

// training.json beside a model, when it describes that very model (same sha256).
async function recordBeside(model: string, sha256: string): Promise<TrainingRecord | null> {
  let text: string;
  try {
    text = await readFile(join(dirname(model), 'training.json'), 'utf8');
  } catch {
    return null;
  }
  return parseRecord(text, sha256);
}

function parseRecord(text: string, sha256: string): TrainingRecord | null {
  try {
    const value = JSON.parse(text) as TrainingRecord;
    if (value?.schema !== TRAINING_RECORD_SCHEMA) return null;
    return value.model?.sha256 === sha256 ? value : null;
  } catch {
    return null;
  }
}
