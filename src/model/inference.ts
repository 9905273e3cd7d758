import { createHash } from 'node:crypto';
import { readInput } from '../core/files.js';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { InputError } from '../core/errors.js';
import type { LoadedColumns } from '../data/columns.js';
import {
  chooseOutput,
  planOutput,
  type OutputChoice,
  type OutputPlan,
  type OutputTask,
  type OutputValues
} from './outputs.js';
import { isMlflowModelDir, readMlflowModel, type MlflowModel } from './mlflow.js';
import { decodeModel, signatureOf, type ModelSignature, type TensorInfo } from './signature.js';
import { declaredClasses, readThroughZipMap } from './standard-export.js';

/** An ONNX model read from disk or a registry, with its signature (not yet loaded into a session). */
export interface ModelFile {
  /** Where it came from, for messages: a path, `registry:name@v3`, `artifact:…`. */
  source: string;
  /** The file's bytes (hashed, sized, registered). */
  bytes: Uint8Array;
  sha256: string;
  /** The signature of the graph as run (a ZipMap output reads as the float tensor that feeds it). */
  signature: ModelSignature;
  /** The graph onnxruntime loads: `bytes`, or a copy with exporters' non-tensor outputs read through. */
  runBytes: Uint8Array;
  /** Class labels the graph itself names (ZipMap or classifier attributes), else null. */
  graphClasses: string[] | null;
  /** Outputs the graph makes as predicted class labels (ArgMax, a classifier's label output). */
  labelOutputs: string[];
  /** How the graph was adapted, for the progress output. */
  notes: string[];
  /** The MLflow model directory the file came from, when `--model` named one. */
  mlflow?: MlflowModel;
}

/** Reads an ONNX model file, or the ONNX file of an MLflow model directory (onnx flavour); errors name the file. */
export async function readModelFile(path: string): Promise<ModelFile> {
  if (await isMlflowModelDir(path)) {
    const mlflow = await readMlflowModel(path);
    const bytes = new Uint8Array(await readInput(mlflow.onnxPath, 'ONNX file of the MLflow model'));
    return { ...modelFromBytes(bytes, mlflow.onnxPath), mlflow };
  }
  return modelFromBytes(new Uint8Array(await readInput(path, 'model file')), path);
}

/** Wraps model bytes from any source. */
export function modelFromBytes(bytes: Uint8Array, source: string): ModelFile {
  const decoded = decodeModel(bytes, source);
  const graph = readThroughZipMap(decoded, bytes);
  return {
    source,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    signature: signatureOf(decoded),
    runBytes: graph.bytes,
    graphClasses: graph.classes,
    labelOutputs: graph.labelOutputs,
    notes: graph.notes
  };
}

/** Where a matrix input's column order came from. */
export type FeatureOrder = 'model.features' | 'metadata' | 'mlflow' | 'data';

/** How a model's inputs are filled from data columns (docs/architecture.md: one input per column, or one [N, F] matrix). */
export type InputPlan =
  | { kind: 'matrix'; input: TensorInfo; features: string[]; order: FeatureOrder; note?: string }
  | { kind: 'columns'; inputs: TensorInfo[] };

/** The single 2-D numeric input of a model and its width (null when symbolic), else null. */
function matrixInput(model: ModelFile): { input: TensorInfo; width: number | null } | null {
  const { inputs } = model.signature;
  if (inputs.length !== 1 || inputs[0].shape?.length !== 2 || inputs[0].type === 'string') return null;
  const width = inputs[0].shape[1];
  return { input: inputs[0], width: typeof width === 'number' ? width : null };
}

/** The metadata property feature_names (a JSON array), else undefined. */
function metadataFeatures(model: ModelFile): string[] | undefined {
  const raw = model.signature.metadata.feature_names;
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed) && parsed.every((n) => typeof n === 'string')) return parsed;
  } catch {
    // reported below
  }
  throw new InputError(`${model.source}: metadata feature_names is not a JSON array of column names`);
}

/** The column order an MLflow column-based signature gives a matrix input; a text column cannot go into one. */
function mlflowFeatures(model: ModelFile): string[] | undefined {
  const columns = model.mlflow?.columns;
  if (!columns) return undefined;
  const text = columns.find((c) => !NUMERIC_MLFLOW_TYPES.has(c.type));
  if (text) {
    throw new InputError(
      `${model.source}: the MLflow signature types column "${text.name}" as ${text.type}, but the model's one input is a numeric matrix`
    );
  }
  return columns.map((c) => c.name);
}
const NUMERIC_MLFLOW_TYPES = new Set(['double', 'float', 'long', 'integer', 'boolean']);

/** Whether planInputs needs the data's column names: a matrix input with no names from mlci.yml, metadata or MLflow. */
export function needsDataColumns(model: ModelFile, features?: string[]): boolean {
  const matrix = matrixInput(model);
  if (!matrix || features || (matrix.width ?? 0) <= 1) return false;
  return !metadataFeatures(model) && !mlflowFeatures(model);
}

/**
 * Decides how columns map to the model's inputs. A single [N, F] input (skl2onnx's `float_input`,
 * torch's named input) takes its column order from `features` (model.features), else the
 * metadata property feature_names, else an MLflow model's column-based signature, else — when their count is F — the data's own columns in file
 * order without the label (`dataColumns`), which the plan's note says.
 */
export function planInputs(model: ModelFile, features?: string[], dataColumns?: DataColumns): InputPlan {
  const matrix = matrixInput(model);
  if (!matrix) return { kind: 'columns', inputs: model.signature.inputs };
  const { input, width } = matrix;
  const fromMetadata = features ? undefined : metadataFeatures(model);
  const fromMlflow = features || fromMetadata ? undefined : mlflowFeatures(model);
  const names = features ?? fromMetadata ?? fromMlflow;
  const order: FeatureOrder = features ? 'model.features' : fromMetadata ? 'metadata' : 'mlflow';
  if (names && (width === null || width === names.length))
    return { kind: 'matrix', input, features: names, order };
  if (names && width !== 1) {
    throw new InputError(
      `${model.source}: input "${input.name}" takes ${width} features but ${names.length} feature names are given`
    );
  }
  if (!names && width !== null && width > 1) {
    const candidates = dataColumns?.names.filter((c) => c !== dataColumns.label);
    if (candidates && candidates.length === width) {
      const note =
        `input "${input.name}" [N, ${width}]: the model names no features, so its columns are ${dataColumns?.source}'s in file order ` +
        `(${candidates.join(', ')}); set model.features (--features) to fix the order`;
      return { kind: 'matrix', input, features: candidates, order: 'data', note };
    }
    const counted = candidates
      ? ` and ${dataColumns?.source} has ${candidates.length} columns besides the label`
      : '';
    throw new InputError(
      `${model.source}: input "${input.name}" is a [N, ${width}] matrix, but the model has no feature_names metadata${counted}; set model.features in mlci.yml (or --features)`
    );
  }
  return { kind: 'columns', inputs: model.signature.inputs };
}

/** The columns of the data a model is run on, for a matrix input whose model names no features. */
export interface DataColumns {
  /** Column names in file order. */
  names: string[];
  label: string;
  /** The data file, for messages. */
  source: string;
}

/** The data columns a plan reads. */
export function planColumns(plan: InputPlan): string[] {
  return plan.kind === 'matrix' ? plan.features : plan.inputs.map((i) => i.name);
}

/**
 * The data columns a plan feeds to string inputs: they are read as the file's exact text, so a
 * code such as "007" or "1.50" reaches the model as written, not as a reformatted number.
 */
export function planTextColumns(plan: InputPlan): string[] {
  return plan.kind === 'columns' ? plan.inputs.filter((i) => i.type === 'string').map((i) => i.name) : [];
}

/** The classes a classifier names in its metadata (`classes`, a JSON array), else in its graph (ZipMap, classifier node), else null (0..C−1). */
export function modelClasses(model: ModelFile): string[] | null {
  const graph = { classes: model.graphClasses, integerClasses: false };
  return declaredClasses(model.signature.metadata.classes, graph, model.source)?.map(String) ?? null;
}

/** A model loaded into an onnxruntime session, ready to score batches. */
export interface LoadedSession {
  model: ModelFile;
  session: InferenceSession;
  plan: InputPlan;
  task: OutputTask;
  /** The outputs fetched on each run and how the one read is decided. */
  outputs: OutputPlan;
  /** The output predictions are read from: the first of `outputs` until a run has decided. */
  output: string;
  /** Which output was read and why, once runBatches has decided. */
  choice?: OutputChoice;
  /** Time to create the session; the first one also pays for loading the runtime. */
  loadMs: number;
}

type Ort = typeof import('onnxruntime-node');
let ortModule: Promise<Ort> | undefined;

/** onnxruntime-node, imported on first use: start-up stays fast for commands that never run a model. */
export function onnxRuntime(): Promise<Ort> {
  ortModule ??= import('../core/native.js').then((native) => native.loadOnnxRuntime());
  return ortModule;
}

/** A model whose inputs and output are planned but whose onnxruntime session is not created yet. */
export type PlannedSession = Pick<LoadedSession, 'model' | 'plan' | 'task' | 'outputs' | 'output'>;

/**
 * Plans how a model is run without loading it into onnxruntime: which data columns feed its inputs
 * and which outputs are read, so a caller can start reading those columns while the session loads.
 * `output` names the output to read (else the rule of planOutput); `dataColumns` gives the data's
 * columns when a matrix input takes them in file order (planInputs).
 */
export async function planSession(
  model: ModelFile,
  task: OutputTask,
  features?: string[],
  output?: string,
  dataColumns?: () => Promise<DataColumns>
): Promise<PlannedSession> {
  checkBatchAxes(model);
  const data = dataColumns && needsDataColumns(model, features) ? await dataColumns() : undefined;
  const plan = planInputs(model, features, data);
  const outputs = planOutput(model, task, output);
  return { model, plan, task, outputs, output: outputs.outputs[0] };
}

/** Refuses an input whose first (batch) axis is a fixed size: mlci runs rows in batches of many. */
function checkBatchAxes(model: ModelFile): void {
  for (const input of model.signature.inputs) {
    const batch = input.shape?.[0];
    if (typeof batch !== 'number') continue;
    throw new InputError(
      `${model.source}: input "${input.name}" has a fixed batch axis of ${batch} (shape [${(input.shape ?? []).join(', ')}]); ` +
        'mlci runs rows in batches, so the first axis must be dynamic: export it with a symbolic size ' +
        "(dynamic_axes={name: {0: 'N'}} in torch.onnx.export, None in skl2onnx's initial_types; see docs/training-convention.md)"
    );
  }
}

/** Creates the onnxruntime session of a planned model. */
export async function openSession(planned: PlannedSession): Promise<LoadedSession> {
  const ort = await onnxRuntime();
  const started = performance.now();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(planned.model.runBytes, { graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new InputError(`${planned.model.source}: onnxruntime cannot load the model (${firstLine(error)})`);
  }
  return { ...planned, session, loadMs: performance.now() - started };
}

/** Plans a model (planSession) and creates its session. */
export async function loadSession(
  model: ModelFile,
  task: OutputTask,
  features?: string[],
  output?: string,
  dataColumns?: () => Promise<DataColumns>
): Promise<LoadedSession> {
  return openSession(await planSession(model, task, features, output, dataColumns));
}

/** The outputs of one model over all rows: N × width values, and the time spent in session.run. */
export interface ModelOutputs {
  values: Float64Array;
  width: number;
  runMs: number;
}

/**
 * Runs every model on the same rows in batches of `batchSize`, so memory holds one batch of inputs
 * at a time, gathers each model's candidate outputs as float64 and decides which one is read
 * (sets `choice` and `output` on each session).
 */
export async function runBatches(
  sessions: LoadedSession[],
  data: LoadedColumns,
  batchSize: number,
  dataSource: string,
  onBatch?: (done: number) => void
): Promise<ModelOutputs[]> {
  const ort = await onnxRuntime();
  const n = data.rowCount;
  const gathered = sessions.map(() => new Map<string, OutputValues>());
  const runMs = sessions.map(() => 0);
  // One untimed row first: the first run of a session allocates and plans, which is not latency.
  if (n > 0) {
    for (const s of sessions) {
      try {
        await s.session.run(buildFeeds(ort, s, data, 0, 1, dataSource), s.outputs.outputs);
      } catch {
        // the timed run below reports the error with the rows involved
      }
    }
  }
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    for (let m = 0; m < sessions.length; m++) {
      const s = sessions[m];
      const feeds = buildFeeds(ort, s, data, start, end, dataSource);
      const began = performance.now();
      let out: Record<string, Tensor>;
      try {
        out = await s.session.run(feeds, s.outputs.outputs);
      } catch (error) {
        throw new InputError(
          `${s.model.source}: inference failed on rows ${start + 1}–${end} of ${dataSource} (${firstLine(error)})`
        );
      }
      runMs[m] += performance.now() - began;
      for (const name of s.outputs.outputs) gather(s, gathered[m], name, out[name], start, end, n);
    }
    onBatch?.(end);
  }
  return sessions.map((s, m) => {
    if (n === 0) return { values: new Float64Array(0), width: 1, runMs: 0 };
    const chosen = chooseOutput(s.model, s.task, s.outputs, gathered[m], dataSource);
    s.output = chosen.name;
    s.choice = { name: chosen.name, reason: chosen.reason };
    return { values: chosen.values, width: chosen.width, runMs: runMs[m] };
  });
}

/** Copies one batch of one output into its all-rows buffer, checking its shape. */
function gather(
  s: LoadedSession,
  into: Map<string, OutputValues>,
  name: string,
  out: Tensor,
  start: number,
  end: number,
  n: number
): void {
  const rows = end - start;
  const width = out.dims.length >= 2 ? Number(out.dims[out.dims.length - 1]) : 1;
  if (out.dims.length > 0 && Number(out.dims[0]) !== rows) {
    throw new InputError(
      `${s.model.source}: output "${name}" has ${out.dims[0]} rows for a batch of ${rows}`
    );
  }
  if (out.dims.length > 2 || out.data.length !== rows * width) {
    throw new InputError(
      `${s.model.source}: output "${name}" has shape [${out.dims.join(', ')}]; mlci reads [N] or [N, C]`
    );
  }
  let r = into.get(name);
  if (!r) {
    r = { values: new Float64Array(n * width), width };
    into.set(name, r);
  } else if (r.width !== width) {
    throw new InputError(`${s.model.source}: output "${name}" changed width between batches`);
  }
  r.values.set(out.data as Float32Array | Float64Array, start * width);
}

function buildFeeds(
  ort: Ort,
  s: LoadedSession,
  data: LoadedColumns,
  start: number,
  end: number,
  source: string
): Record<string, Tensor> {
  const rows = end - start;
  if (s.plan.kind === 'matrix') {
    const { features, input } = s.plan;
    const width = features.length;
    const buffer = new Float64Array(rows * width);
    for (let f = 0; f < width; f++) {
      const column = numericColumn(data, features[f], source, s.model.source);
      for (let i = 0; i < rows; i++) buffer[i * width + f] = column[start + i];
    }
    const where = (k: number) => `row ${start + Math.floor(k / width) + 1}, column "${features[k % width]}"`;
    return { [input.name]: typedTensor(ort, input, buffer, [rows, width], where, source, s.model.source) };
  }
  const feeds: Record<string, Tensor> = {};
  for (const input of s.plan.inputs) {
    const dims = input.shape && input.shape.length === 2 ? [rows, 1] : [rows];
    feeds[input.name] = columnTensor(ort, input, data, start, end, dims, source, s.model.source);
  }
  return feeds;
}

function columnTensor(
  ort: Ort,
  input: TensorInfo,
  data: LoadedColumns,
  start: number,
  end: number,
  dims: number[],
  source: string,
  model: string
): Tensor {
  const name = input.name;
  if (input.type === 'string') {
    const text = data.text[name];
    const numbers = data.numeric[name];
    const out: string[] = [];
    for (let i = start; i < end; i++)
      out.push(text ? (text[i] ?? '') : Number.isNaN(numbers[i]) ? '' : String(numbers[i]));
    return new ort.Tensor('string', out, dims);
  }
  const column = numericColumn(data, name, source, model);
  const where = (k: number) => `row ${start + k + 1}, column "${name}"`;
  return typedTensor(ort, input, column.subarray(start, end), dims, where, source, model);
}

/** The numeric element types mlci feeds, and the whole-number range of the integer ones. */
const INTEGER_RANGE: Record<string, [number, number]> = {
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  bool: [0, 1]
};

/**
 * A tensor of the input's element type from float64 values. Integer and bool inputs take whole
 * numbers in their range (bool: 0 or 1), checked value by value; `where(k)` names value k's row
 * and column in the error.
 */
function typedTensor(
  ort: Ort,
  input: TensorInfo,
  values: Float64Array,
  dims: number[],
  where: (k: number) => string,
  source: string,
  model: string
): Tensor {
  if (input.type === 'float') return new ort.Tensor('float32', Float32Array.from(values), dims);
  if (input.type === 'double') return new ort.Tensor('float64', Float64Array.from(values), dims);
  const range = INTEGER_RANGE[input.type];
  if (!range) {
    throw new InputError(
      `${model}: input "${input.name}" has type ${input.type}, which mlci cannot feed (float, double, int64, int32, bool, string)`
    );
  }
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isInteger(v) || v < range[0] || v > range[1]) {
      const expected = input.type === 'bool' ? '0 or 1' : `a whole number in ${input.type}'s range`;
      throw new InputError(
        `${source}: ${where(k)}: ${Number.isNaN(v) ? 'missing' : v} is not ${expected}, but ${model} takes ${input.type} (input "${input.name}")`
      );
    }
  }
  if (input.type === 'int64')
    return new ort.Tensor(
      'int64',
      BigInt64Array.from(values, (v) => BigInt(v)),
      dims
    );
  if (input.type === 'int32') return new ort.Tensor('int32', Int32Array.from(values), dims);
  return new ort.Tensor('bool', Uint8Array.from(values), dims);
}

function numericColumn(data: LoadedColumns, name: string, source: string, model: string): Float64Array {
  const column = data.numeric[name];
  if (column) return column;
  const text = data.text[name];
  if (text) return parsedText(text, name, source, model);
  throw new InputError(`${source}: missing column "${name}" that ${model} needs`);
}

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** Text columns read as numbers, once per column (see parsedText). */
const parsedColumns = new WeakMap<(string | null)[], Float64Array>();

/**
 * A column read as text (it feeds another model's string input) that this model takes as a
 * number: its decimal values parsed (null → NaN, as a numeric read gives); any other text is refused.
 */
function parsedText(text: (string | null)[], name: string, source: string, model: string): Float64Array {
  let out = parsedColumns.get(text);
  if (out) return out;
  out = new Float64Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const v = text[i];
    if (v === null || v.trim() === '') out[i] = NaN;
    else if (DECIMAL.test(v)) out[i] = Number(v);
    else
      throw new InputError(
        `${source}: column "${name}" is text (row ${i + 1} is ${JSON.stringify(v)}), but ${model} takes it as a number`
      );
  }
  parsedColumns.set(text, out);
  return out;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
