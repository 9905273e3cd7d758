import { InputError } from '../core/errors.js';
import { loadColumns, type LoadedColumns } from '../data/columns.js';
import type { SourceOptions } from '../data/engine.js';
import { readModelSignature, type TensorInfo } from '../model/signature.js';
import { inputColumns } from './checks.js';

/** Float outputs of a model over a data set: output name → values in row order. */
export type Predictions = Record<string, Float64Array>;

const BATCH_ROWS = 8192;

/**
 * Runs ONNX models over the columns of a data file and returns their float outputs. The columns
 * are read once and shared, so two models are compared on exactly the same inputs.
 */
export async function predictOnData(
  models: Uint8Array[],
  dataPath: string,
  options: SourceOptions & { features?: string[] } = {}
): Promise<{ rows: number; predictions: Predictions[] }> {
  const signature = readModelSignature(models[0], 'model');
  const columns = inputColumns(signature, options.features);
  if ('error' in columns) throw new InputError(`cannot feed the model from ${dataPath}: ${columns.error}`);
  // String inputs get the file's text ("007"), as evaluate feeds them.
  const asText =
    columns.mode === 'matrix' ? [] : signature.inputs.filter((i) => i.type === 'string').map((i) => i.name);
  const data = await loadColumns(dataPath, columns.names, options, asText);
  const ort = await import('../core/native.js').then((native) => native.loadOnnxRuntime());
  const predictions: Predictions[] = [];
  for (const bytes of models) {
    const session = await ort.InferenceSession.create(bytes);
    const inputs = readModelSignature(bytes, 'model').inputs;
    const parts: Record<string, number[][]> = {};
    for (let start = 0; start < data.rowCount; start += BATCH_ROWS) {
      const end = Math.min(data.rowCount, start + BATCH_ROWS);
      const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
      for (const input of inputs) {
        feeds[input.name] =
          columns.mode === 'matrix'
            ? matrixTensor(ort.Tensor, data, columns.names, start, end)
            : columnTensor(ort.Tensor, data, input, start, end);
      }
      const result = await session.run(feeds);
      for (const [name, tensor] of Object.entries(result)) {
        if (tensor.type !== 'float32' && tensor.type !== 'float64') continue;
        (parts[name] ??= []).push(Array.from(tensor.data as Float32Array));
      }
    }
    await session.release();
    predictions.push(
      Object.fromEntries(
        Object.entries(parts).map(([name, chunks]) => [name, Float64Array.from(chunks.flat())])
      )
    );
  }
  return { rows: data.rowCount, predictions };
}

type TensorCtor = typeof import('onnxruntime-node').Tensor;

function numericValues(data: LoadedColumns, name: string, start: number, end: number): Float64Array {
  const numeric = data.numeric[name];
  if (numeric) return numeric.subarray(start, end);
  const text = data.text[name].slice(start, end);
  return Float64Array.from(text, (v) => (v === null || v.trim() === '' ? NaN : Number(v)));
}

function matrixTensor(Tensor: TensorCtor, data: LoadedColumns, names: string[], start: number, end: number) {
  const rows = end - start;
  const out = new Float32Array(rows * names.length);
  names.forEach((name, j) => {
    const values = numericValues(data, name, start, end);
    for (let i = 0; i < rows; i++) out[i * names.length + j] = values[i];
  });
  return new Tensor('float32', out, [rows, names.length]);
}

function columnTensor(
  Tensor: TensorCtor,
  data: LoadedColumns,
  input: TensorInfo,
  start: number,
  end: number
) {
  const rows = end - start;
  const dims = input.shape && input.shape.length === 1 ? [rows] : [rows, 1];
  switch (input.type) {
    case 'string': {
      const text = data.text[input.name];
      const values = text
        ? text.slice(start, end).map((v) => v ?? '')
        : Array.from(data.numeric[input.name].subarray(start, end), String);
      return new Tensor('string', values, dims);
    }
    case 'double':
      return new Tensor('float64', Float64Array.from(numericValues(data, input.name, start, end)), dims);
    case 'int64':
      return new Tensor(
        'int64',
        BigInt64Array.from(numericValues(data, input.name, start, end), (v) =>
          BigInt(Number.isFinite(v) ? Math.trunc(v) : 0)
        ),
        dims
      );
    case 'int32':
      return new Tensor('int32', Int32Array.from(numericValues(data, input.name, start, end)), dims);
    case 'bool':
      return new Tensor(
        'bool',
        Uint8Array.from(numericValues(data, input.name, start, end), (v) => (v ? 1 : 0)),
        dims
      );
    default:
      return new Tensor('float32', Float32Array.from(numericValues(data, input.name, start, end)), dims);
  }
}

/** The largest absolute difference between two prediction sets; Infinity when their outputs differ in name or size. */
export function maxAbsDifference(a: Predictions, b: Predictions): number {
  let max = 0;
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (!x || !y || x.length !== y.length) return Infinity;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i]) && Number.isNaN(y[i])) continue;
      const d = Math.abs(x[i] - y[i]);
      if (!(d <= max)) max = Number.isNaN(d) ? Infinity : d;
    }
  }
  return max;
}
