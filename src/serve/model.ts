import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { type ModelSignature, type TensorInfo } from '../model/signature.js';
import { runnableModel, type StandardGraph } from '../model/standard-export.js';
import type { InferenceSession, Tensor } from 'onnxruntime-node';

/** How request columns reach the model: one 2-D float matrix in `features` order, or one input per column. */
export type InputLayout =
  | { kind: 'matrix'; input: TensorInfo; features: string[] | null }
  | { kind: 'columns'; inputs: TensorInfo[] };

/** What the model answers: class probabilities [N, C] or a regression value per row. */
export interface OutputSpec {
  name: string;
  kind: 'classifier' | 'regressor';
  /** Class labels of a classifier (metadata `classes`, else the graph's, else 0..C−1); null for a regressor or unknown C. */
  classes: (string | number)[] | null;
}

/** One model version loaded into onnxruntime and ready to score. */
export interface ServedModel {
  name: string;
  version: number;
  sha256: string;
  signature: ModelSignature;
  layout: InputLayout;
  output: OutputSpec;
  /** Scores prepared feeds and returns the output tensor's data and shape. */
  run(feeds: Record<string, Tensor>): Promise<{ data: Float32Array; shape: readonly number[] }>;
  /** Frees the native session once no request uses the model any more. */
  release(): Promise<void>;
}

/** Options for loading a model. */
export interface LoadModelOptions {
  name: string;
  version: number;
  /** The sha256 the registry recorded; loading fails on a mismatch. */
  sha256?: string;
  /** Column order of a matrix model when its metadata has no `feature_names` (mlci.yml `features:`). */
  features?: string[];
  /** Overrides the output-kind guess. */
  task?: 'binary' | 'multiclass' | 'regression';
  /** Intra-op threads of onnxruntime (1 is fastest for small models under concurrent load). */
  threads?: number;
}

let ortModule: Promise<typeof import('onnxruntime-node')> | undefined;

/** onnxruntime-node, imported on first use so that commands that do not score start fast. */
export function loadOrt(): Promise<typeof import('onnxruntime-node')> {
  ortModule ??= import('../core/native.js').then((native) => native.loadOnnxRuntime());
  return ortModule;
}

/** Hex sha256 of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Loads model bytes into onnxruntime after checking their sha256 and the input/output contract. */
export async function loadServedModel(bytes: Uint8Array, options: LoadModelOptions): Promise<ServedModel> {
  const source = `${options.name}@v${options.version}`;
  const sha256 = sha256Hex(bytes);
  if (options.sha256 && options.sha256 !== sha256) {
    throw new InputError(
      `${source}: sha256 mismatch: registry records ${options.sha256}, the model file has ${sha256}`
    );
  }
  // A ZipMap output (skl2onnx's default) is served from the float tensor that feeds it.
  const runnable = runnableModel(bytes, source);
  const signature = runnable.signature;
  const layout = inputLayout(signature, options.features, source);
  const output = outputSpec(signature, options.task, source, graphLabels(runnable));
  const ort = await loadOrt();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(runnable.bytes, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 4
    });
  } catch (error) {
    throw new InputError(`${source}: onnxruntime cannot load the model: ${(error as Error).message}`);
  }
  const fetches = [output.name];
  await warmUp(session, layout, fetches, ort.Tensor);
  const extract = (result: InferenceSession.ReturnType) => {
    const tensor = result[output.name];
    if (!tensor || !(tensor.data instanceof Float32Array)) {
      throw new ModelContractError(`${source}: output "${output.name}" is not a float tensor`);
    }
    return { data: tensor.data, shape: tensor.dims };
  };
  return {
    name: options.name,
    version: options.version,
    sha256,
    signature,
    layout,
    output,
    run(feeds) {
      // then() rather than an async function: one promise less per request.
      return session.run(feeds, fetches, RUN_OPTIONS).then(extract);
    },
    async release() {
      await session.release();
    }
  };
}

/**
 * Runs one row of zeros so that the first real request does not pay for onnxruntime's first-run
 * allocations (a canary would otherwise look slow in its first analysis). Failures are ignored:
 * a model that cannot score is caught by the requests themselves.
 */
async function warmUp(
  session: InferenceSession,
  layout: InputLayout,
  fetches: string[],
  Tensor: typeof import('onnxruntime-node').Tensor
): Promise<void> {
  const feeds: Record<string, Tensor> = {};
  if (layout.kind === 'matrix') {
    const width =
      typeof layout.input.shape?.[1] === 'number' ? layout.input.shape[1] : layout.features?.length;
    if (!width) return;
    feeds[layout.input.name] = new Tensor('float32', new Float32Array(width), [1, width]);
  } else {
    for (const input of layout.inputs) {
      const dims = input.shape?.length === 1 ? [1] : [1, 1];
      if (input.type === 'string') feeds[input.name] = new Tensor('string', [''], dims);
      else if (input.type === 'int64') feeds[input.name] = new Tensor('int64', new BigInt64Array(1), dims);
      else if (input.type === 'int32') feeds[input.name] = new Tensor('int32', new Int32Array(1), dims);
      else if (input.type === 'double') feeds[input.name] = new Tensor('float64', new Float64Array(1), dims);
      else feeds[input.name] = new Tensor('float32', new Float32Array(1), dims);
    }
  }
  await session.run(feeds, fetches, RUN_OPTIONS).catch(() => undefined);
}

/** The model ran but broke its output contract (wrong type or shape): a server-side error. */
export class ModelContractError extends Error {}

/** onnxruntime logs failed runs on stderr; the server reports them itself. */
const RUN_OPTIONS = { logSeverityLevel: 4 } as const;

const NUMERIC = new Set(['float', 'double', 'int64', 'int32']);

function inputLayout(
  signature: ModelSignature,
  configured: string[] | undefined,
  source: string
): InputLayout {
  const inputs = signature.inputs;
  if (inputs.length === 0) throw new InputError(`${source}: the model has no inputs`);
  const single = inputs[0];
  if (inputs.length === 1 && single.type === 'float' && single.shape?.length === 2) {
    const width = single.shape[1];
    let features: string[] | null = configured ?? null;
    if (!features && signature.metadata.feature_names) {
      try {
        const parsed = JSON.parse(signature.metadata.feature_names) as unknown;
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) features = parsed;
      } catch {
        throw new InputError(`${source}: metadata feature_names is not a JSON array of column names`);
      }
    }
    if (features && typeof width === 'number' && features.length !== width) {
      throw new InputError(`${source}: ${features.length} feature names for an input of width ${width}`);
    }
    return { kind: 'matrix', input: single, features };
  }
  for (const input of inputs) {
    if (!NUMERIC.has(input.type) && input.type !== 'string') {
      throw new InputError(
        `${source}: input "${input.name}" has type ${input.type}; expected float, int64 or string`
      );
    }
  }
  return { kind: 'columns', inputs };
}

/** The classes the graph names (ZipMap or classifier attributes), integers as numbers, else null. */
function graphLabels(graph: StandardGraph): (string | number)[] | null {
  if (!graph.classes) return null;
  return graph.integerClasses ? graph.classes.map(Number) : graph.classes;
}

function outputSpec(
  signature: ModelSignature,
  task: LoadModelOptions['task'],
  source: string,
  graphClasses: (string | number)[] | null
): OutputSpec {
  const floats = signature.outputs.filter((o) => o.type === 'float');
  const named = floats.find((o) => o.name === 'probabilities');
  const matrix = floats.find(
    (o) => o.shape?.length === 2 && (typeof o.shape[1] !== 'number' || o.shape[1] >= 2)
  );
  const wantsClassifier = task ? task !== 'regression' : Boolean(named ?? matrix);
  const chosen = wantsClassifier ? (named ?? matrix) : floats[0];
  if (!chosen) {
    throw new InputError(
      `${source}: no usable output: a classifier needs a float output [N, C] (named "probabilities"), a regressor a float output`
    );
  }
  if (!wantsClassifier) return { name: chosen.name, kind: 'regressor', classes: null };
  let classes: (string | number)[] | null = null;
  if (signature.metadata.classes) {
    try {
      const parsed = JSON.parse(signature.metadata.classes) as unknown;
      if (Array.isArray(parsed)) classes = parsed as (string | number)[];
    } catch {
      throw new InputError(`${source}: metadata classes is not a JSON array`);
    }
  }
  // As evaluate reads them (modelClasses): the metadata's list, else the graph's, else 0..C−1.
  classes ??= graphClasses;
  const width = chosen.shape?.[1];
  if (!classes && typeof width === 'number') classes = Array.from({ length: width }, (_, i) => i);
  return { name: chosen.name, kind: 'classifier', classes };
}
