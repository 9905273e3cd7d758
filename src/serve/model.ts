import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { type ModelSignature, type TensorInfo } from '../model/signature.js';
import { runnableModel } from '../model/standard-export.js';
import { matrixWidth } from './decode.js';
import {
  checkProbabilities,
  decideOutput,
  planServedOutput,
  servedClasses,
  type OutputSpec,
  type WarmUpValues
} from './output.js';
import type { InferenceSession, Tensor } from 'onnxruntime-node';

/** How request columns reach the model: one 2-D float matrix in `features` order, or one input per column. */
export type InputLayout =
  | { kind: 'matrix'; input: TensorInfo; features: string[] | null }
  | { kind: 'columns'; inputs: TensorInfo[] };

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
  const planned = planServedOutput(signature, options.task, source);
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
  const chosen = decideOutput(
    planned,
    source,
    await warmUp(session, layout, planned.plan.outputs, ort.Tensor)
  );
  const output: OutputSpec = {
    ...chosen,
    kind: planned.kind,
    classes: planned.kind === 'classifier' ? servedClasses(signature, runnable, chosen.name, source) : null
  };
  const fetches = [output.name];
  const extract = (result: InferenceSession.ReturnType) => {
    const tensor = result[output.name];
    if (!tensor || !(tensor.data instanceof Float32Array)) {
      throw new ModelContractError(`${source}: output "${output.name}" is not a float tensor`);
    }
    const width = tensor.dims[1] ?? 1;
    // Logits or NaN are never answered as probabilities (the warm-up row cannot prove every row).
    const problem =
      output.kind === 'classifier' ? checkProbabilities(source, output.name, tensor.data, width) : null;
    if (problem) throw new ModelContractError(problem);
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
 * allocations (a canary would otherwise look slow in its first analysis), and returns the fetched
 * outputs for the output choice. Failures give null: a model that cannot score is caught by the
 * requests themselves.
 */
async function warmUp(
  session: InferenceSession,
  layout: InputLayout,
  fetches: string[],
  Tensor: typeof import('onnxruntime-node').Tensor
): Promise<Map<string, WarmUpValues> | null> {
  const feeds: Record<string, Tensor> = {};
  if (layout.kind === 'matrix') {
    const width = matrixWidth(layout);
    if (!width) return null;
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
  const result = await session.run(feeds, fetches, RUN_OPTIONS).catch(() => null);
  if (!result) return null;
  const values = new Map<string, WarmUpValues>();
  for (const name of fetches) {
    const tensor = result[name];
    if (!tensor || !(tensor.data instanceof Float32Array)) return null;
    values.set(name, { values: tensor.data, width: tensor.dims[1] ?? 1 });
  }
  return values;
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
