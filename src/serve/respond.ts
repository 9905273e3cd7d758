// What the model server answers and logs for a scored batch: the response body, the log rows, metadata.
import { positiveClassIndex } from '../model/labels.js';
import type { AliasStatus } from './alias-watch.js';
import type { DecodedBatch } from './decode.js';
import type { ServedModel } from './model.js';
import type { PredictionLog, PredictionRecord, TrafficSource } from './prediction-log.js';

/** The server's names for responses, built once. */
export interface ResponseNames {
  name: string;
  /** `name` as a JSON string, for the hand-serialised common case. */
  nameJson: string;
  /** Binary decision threshold: positive when p(positive class) > threshold (default argmax). */
  threshold?: number;
}

const DATATYPES: Record<string, string> = {
  float: 'FP32',
  double: 'FP64',
  int64: 'INT64',
  int32: 'INT32',
  string: 'BYTES',
  bool: 'BOOL'
};

/** The model metadata of GET /v2/models/{name} (KServe v2). */
export function modelMetadata(
  name: string,
  versions: number[],
  model: ServedModel,
  alias?: AliasStatus
): unknown {
  const tensor = (t: { name: string; type: string; shape: (number | string | null)[] | null }) => ({
    name: t.name,
    datatype: DATATYPES[t.type] ?? t.type.toUpperCase(),
    shape: (t.shape ?? []).map((d) => (typeof d === 'number' ? d : -1))
  });
  return {
    name,
    versions: versions.map(String),
    platform: 'onnxruntime_onnx',
    inputs: model.signature.inputs.map(tensor),
    outputs: model.signature.outputs.map(tensor),
    parameters: {
      version: model.version,
      sha256: model.sha256,
      feature_names:
        model.layout.kind === 'matrix' ? model.layout.features : model.layout.inputs.map((i) => i.name),
      classes: model.output.classes,
      ...(alias ? { alias } : {})
    }
  };
}

/** The response body for a scored batch, in the request's protocol. */
export function renderPrediction(
  names: ResponseNames,
  model: ServedModel,
  data: Float32Array,
  rows: number,
  width: number,
  protocol: 'v2' | 'rows',
  body: unknown
): string {
  let cached: number[] | undefined;
  const array = () => (cached ??= Array.from(data));
  const id =
    protocol === 'v2' && typeof (body as { id?: unknown }).id === 'string'
      ? (body as { id: string }).id
      : undefined;
  if (model.output.kind === 'regressor') {
    const flat = width === 1 ? array() : array().filter((_, i) => i % width === 0);
    if (protocol === 'rows')
      return JSON.stringify({ predictions: flat, model_version: String(model.version) });
    return JSON.stringify({
      model_name: names.name,
      model_version: String(model.version),
      id,
      outputs: [{ name: model.output.name, datatype: 'FP32', shape: [rows], data: flat }]
    });
  }
  const classes = model.output.classes!;
  const labels = new Array<string | number | null>(rows);
  const threshold = names.threshold;
  // The thresholded column is the positive class's (class 1, else the greater label), as evaluate reads it.
  const positive = width === 2 && threshold !== undefined ? positiveClassIndex(classes.map(String)) : 1;
  for (let r = 0; r < rows; r++) {
    const best = rowClass(data, r, width, threshold, positive);
    labels[r] = best < 0 ? null : classes[best];
  }
  if (protocol === 'rows') {
    const probabilities = Array.from({ length: rows }, (_, r) => array().slice(r * width, (r + 1) * width));
    return JSON.stringify({ predictions: labels, probabilities, model_version: String(model.version) });
  }
  const stringLabels = typeof classes[0] === 'string';
  if (id === undefined && !stringLabels && allFinite(data)) {
    // The common case, serialised by hand: a third of the time JSON.stringify takes here.
    return (
      `{"model_name":${names.nameJson},"model_version":"${model.version}","outputs":[{"name":"probabilities",` +
      `"datatype":"FP32","shape":[${rows},${width}],"data":[${data.join(',')}]},{"name":"label","datatype":"INT64",` +
      `"shape":[${rows}],"data":[${labels.join(',')}]}]}`
    );
  }
  return JSON.stringify({
    model_name: names.name,
    model_version: String(model.version),
    id,
    outputs: [
      { name: 'probabilities', datatype: 'FP32', shape: [rows, width], data: array() },
      { name: 'label', datatype: stringLabels ? 'BYTES' : 'INT64', shape: [rows], data: labels }
    ]
  });
}

/** Writes one log record per row of a scored (and sampled) request. */
export function logRows(
  log: PredictionLog,
  name: string,
  variant: 'stable' | 'canary',
  model: ServedModel,
  batch: DecodedBatch,
  data: Float32Array,
  width: number,
  latency: number,
  body: unknown,
  source: TrafficSource | undefined
): void {
  const ts = new Date().toISOString();
  const requestId =
    typeof (body as { id?: unknown })?.id === 'string' ? (body as { id: string }).id : undefined;
  for (let r = 0; r < batch.rows; r++) {
    const prediction: PredictionRecord['prediction'] = {};
    if (model.output.kind === 'regressor') prediction.value = data[r * width];
    else {
      prediction.probabilities = Array.from(data.subarray(r * width, (r + 1) * width));
      const best = rowClass(data, r, width);
      if (best >= 0) prediction.label = model.output.classes?.[best] ?? best;
    }
    log.write({
      ts,
      model: name,
      version: model.version,
      variant,
      source,
      request_id: requestId,
      features: batch.row(r),
      prediction,
      latency_ms: Math.round(latency * 1000) / 1000
    });
  }
}

/** Whether every value is finite (JSON has no NaN or Infinity; JSON.stringify turns them into null). */
function allFinite(data: Float32Array): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

/**
 * The class answered for row r: the positive class (column `positive`) above the threshold (binary,
 * when set), else the arg-max;
 * −1 for a row of NaN probabilities (a missing value the model cannot use): no label, not class 0's.
 */
function rowClass(data: Float32Array, r: number, width: number, threshold?: number, positive = 1): number {
  const at = r * width;
  if (data[at] !== data[at]) return -1;
  if (width === 2 && threshold !== undefined)
    return data[at + positive] > threshold ? positive : 1 - positive;
  let best = 0;
  for (let c = 1; c < width; c++) if (data[at + c] > data[at + best]) best = c;
  return best;
}
