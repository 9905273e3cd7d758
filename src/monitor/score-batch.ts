// A batch of production data with a label column: the production model scores the labelled rows,
// as evaluate does, so the monitor can compare its metrics now with those it was registered with.
import type { LoadedColumns } from '../data/columns.js';
import { loadColumns } from '../data/columns.js';
import type { SourceOptions } from '../data/engine.js';
import { toPredictions } from '../evaluation/evaluate-model.js';
import { loadSession, planColumns, planTextColumns, runBatches, type ModelFile } from '../model/inference.js';
import type { Predictions } from '../evaluation/metrics/scorer.js';
import type { MetricTask } from '../evaluation/metrics/types.js';

/** What scoring a labelled batch gives: predictions of the labelled rows and how many had no label. */
export interface BatchScore {
  /** Null when no row has a label yet. */
  predictions: Predictions | null;
  unlabelled: number;
}

/** Keeps the rows where `label` has a value. */
function labelledRows(data: LoadedColumns, label: string): { data: LoadedColumns; unlabelled: number } {
  const y = data.numeric[label] ?? data.text[label];
  const keep: number[] = [];
  for (let i = 0; i < data.rowCount; i++) {
    const v = y[i];
    if (typeof v === 'number' ? !Number.isNaN(v) : v !== null && v !== '') keep.push(i);
  }
  if (keep.length === data.rowCount) return { data, unlabelled: 0 };
  const numeric: LoadedColumns['numeric'] = {};
  const text: LoadedColumns['text'] = {};
  for (const [k, v] of Object.entries(data.numeric)) numeric[k] = Float64Array.from(keep, (i) => v[i]);
  for (const [k, v] of Object.entries(data.text)) text[k] = keep.map((i) => v[i]);
  return { data: { rowCount: keep.length, numeric, text }, unlabelled: data.rowCount - keep.length };
}

/** The task of a model from its prediction output when mlci.yml does not say: [N, 2] binary, [N, C] multiclass, else regression. */
export function taskOfModel(model: ModelFile): MetricTask | null {
  const float = model.signature.outputs.filter((o) => o.type === 'float' || o.type === 'double');
  const probabilities =
    float.find((o) => o.name === 'probabilities') ?? float.find((o) => o.shape?.length === 2);
  const width = probabilities?.shape?.[1];
  if (typeof width === 'number' && width === 2) return 'binary';
  if (typeof width === 'number' && width > 2) return 'multiclass';
  if (float.length > 0 && (float[0].shape?.length === 1 || float[0].shape?.[1] === 1)) return 'regression';
  return null;
}

/** Runs the production model over the labelled rows of a data file. */
export async function scoreBatch(options: {
  model: ModelFile;
  data: string;
  label: string;
  task: MetricTask;
  features?: string[];
  threshold?: number;
  source?: SourceOptions;
}): Promise<BatchScore> {
  const session = await loadSession(options.model, options.task, options.features);
  try {
    const columns = [...new Set([options.label, ...planColumns(session.plan)])];
    // String inputs get the file's text ("007"), as evaluate feeds them.
    const loaded = await loadColumns(options.data, columns, options.source, planTextColumns(session.plan));
    const { data, unlabelled } = labelledRows(loaded, options.label);
    if (data.rowCount === 0) return { predictions: null, unlabelled };
    const [outputs] = await runBatches([session], data, 8192, options.data);
    const predictions = toPredictions(
      options.task,
      session,
      outputs,
      data,
      options.label,
      options.data,
      options.threshold
    );
    return { predictions, unlabelled };
  } finally {
    await session.session.release();
  }
}
