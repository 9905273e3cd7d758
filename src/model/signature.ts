import onnxProto from 'onnx-proto';
import { InputError } from '../core/errors.js';

const { onnx } = onnxProto;

/** One input or output of an ONNX graph. Symbolic dimensions are strings, unknown ones null. */
export interface TensorInfo {
  name: string;
  /** Element type: float, double, int64, int32, string, bool, …; "map"/"sequence" for non-tensors. */
  type: string;
  shape: (number | string | null)[] | null;
}

/** What a model promises to its callers: the contract serving and evaluation rely on. */
export interface ModelSignature {
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** Opset version by domain ('' is the default ONNX domain). */
  opset: Record<string, number>;
  irVersion: number;
  producer: string;
  producerVersion: string;
  /** metadata_props of the model (feature_names, classes, …), as strings. */
  metadata: Record<string, string>;
}

const ELEM_TYPES: Record<number, string> = {
  1: 'float',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'double',
  12: 'uint32',
  13: 'uint64'
};

/** Decodes an ONNX model; `source` names the file in errors. */
export function decodeModel(bytes: Uint8Array, source = 'model'): onnxProto.onnx.ModelProto {
  let model;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new InputError(`${source}: not an ONNX model (${(error as Error).message})`);
  }
  if (!model.graph || (model.graph.output ?? []).length === 0) {
    throw new InputError(`${source}: not an ONNX model (no graph with outputs)`);
  }
  return model;
}

/** Reads the signature of an ONNX model without running it; `source` names the file in errors. */
export function readModelSignature(bytes: Uint8Array, source = 'model'): ModelSignature {
  return signatureOf(decodeModel(bytes, source));
}

function toInfo(v: onnxProto.onnx.IValueInfoProto): TensorInfo {
  const tensor = v.type?.tensorType;
  if (!tensor) return { name: v.name ?? '', type: v.type?.mapType ? 'map' : 'sequence', shape: null };
  return {
    name: v.name ?? '',
    type: ELEM_TYPES[tensor.elemType ?? 0] ?? `type${tensor.elemType}`,
    shape: tensor.shape
      ? (tensor.shape.dim ?? []).map((d) =>
          d.dimParam
            ? d.dimParam
            : d.dimValue !== undefined && d.dimValue !== null
              ? Number(d.dimValue)
              : null
        )
      : null
  };
}

/** The signature of a decoded model. */
export function signatureOf(model: onnxProto.onnx.ModelProto): ModelSignature {
  const graph = model.graph as onnxProto.onnx.GraphProto;
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  return {
    inputs: (graph.input ?? []).filter((v) => !initializers.has(v.name ?? '')).map(toInfo),
    outputs: (graph.output ?? []).map(toInfo),
    opset: Object.fromEntries((model.opsetImport ?? []).map((o) => [o.domain ?? '', Number(o.version ?? 0)])),
    irVersion: Number(model.irVersion ?? 0),
    producer: model.producerName ?? '',
    producerVersion: model.producerVersion ?? '',
    metadata: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? '']))
  };
}
