import onnxProto from 'onnx-proto';
import { InputError } from '../core/errors.js';
import { decodeModel, signatureOf, type ModelSignature } from './signature.js';

const { onnx } = onnxProto;

type Model = onnxProto.onnx.ModelProto;
type Node = onnxProto.onnx.INodeProto;

const ML = 'ai.onnx.ml';
const FLOAT = 1;
/** Classifier operators whose `classlabels_*` attributes name the columns of their probability output. */
const CLASSIFIERS = new Set(['LinearClassifier', 'TreeEnsembleClassifier', 'SVMClassifier']);

/** A model graph as mlci runs it: exporters' conventions that onnxruntime-node cannot return, read through. */
export interface StandardGraph {
  /** The graph to load into onnxruntime (the file's own bytes when nothing was rewired). */
  bytes: Uint8Array;
  /** Class labels named by the graph (ZipMap or classifier attributes), in probability-column order. */
  classes: string[] | null;
  /** The graph names its classes by integers (`classlabels_ints`/`_int64s`), not strings. */
  integerClasses: boolean;
  /** Graph outputs that carry predicted class labels (an ArgMax's, or a classifier node's first output). */
  labelOutputs: string[];
  /** What was changed, for the progress output. */
  notes: string[];
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Class labels as a node's attributes give them, as strings, and whether they were integers. */
interface NodeClasses {
  labels: string[];
  integers: boolean;
}

/** The class labels of a ZipMap or ai.onnx.ml classifier node, else null. */
function nodeClasses(node: Node): NodeClasses | null {
  const keys =
    node.opType === 'ZipMap'
      ? ['classlabels_int64s', 'classlabels_strings']
      : ['classlabels_ints', 'classlabels_int64s', 'classlabels_strings'];
  for (const attr of node.attribute ?? []) {
    if (!keys.includes(attr.name ?? '')) continue;
    if ((attr.ints ?? []).length > 0)
      return { labels: (attr.ints ?? []).map((v) => String(v)), integers: true };
    if ((attr.strings ?? []).length > 0) return { labels: (attr.strings ?? []).map(text), integers: false };
  }
  return null;
}

/**
 * Reads a ZipMap output (skl2onnx's default for classifiers: probabilities as a sequence of maps,
 * which onnxruntime-node cannot return) through the float tensor that feeds it: the ZipMap node
 * becomes an Identity and the graph output keeps its name as a float [N, C] tensor. Class labels
 * come from the ZipMap's attributes, else from the classifier node that makes the probabilities.
 */
export function readThroughZipMap(model: Model, fileBytes: Uint8Array): StandardGraph {
  const graph = model.graph;
  if (!graph) return { bytes: fileBytes, classes: null, integerClasses: false, labelOutputs: [], notes: [] };
  const nodes = graph.node ?? [];
  const labelOutputs = predictedLabelOutputs(
    nodes,
    (graph.output ?? []).map((o) => o.name ?? '')
  );
  const consumers = new Set(nodes.flatMap((n) => n.input ?? []));
  const notes: string[] = [];
  let classes: NodeClasses | null = null;
  for (const node of nodes) {
    if (node.opType !== 'ZipMap' || (node.domain ?? '') !== ML) continue;
    const output = node.output?.[0] ?? '';
    const declared = (graph.output ?? []).find((o) => o.name === output);
    const named = nodeClasses(node);
    if (!declared || consumers.has(output) || !named) continue;
    classes ??= named;
    node.opType = 'Identity';
    node.domain = '';
    node.attribute = [];
    declared.type = onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: FLOAT,
        shape: onnx.TensorShapeProto.create({
          dim: [
            onnx.TensorShapeProto.Dimension.create({ dimParam: 'N' }),
            onnx.TensorShapeProto.Dimension.create({ dimValue: named.labels.length })
          ]
        })
      })
    });
    notes.push(
      `ZipMap output "${output}" read through its input tensor "${node.input?.[0] ?? ''}" (float [N, ${named.labels.length}])`
    );
  }
  classes ??= classifierClasses(
    nodes,
    (graph.output ?? []).map((o) => o.name ?? '')
  );
  const named = {
    classes: classes?.labels ?? null,
    integerClasses: classes?.integers ?? false,
    labelOutputs
  };
  if (notes.length === 0) return { bytes: fileBytes, ...named, notes };
  return { bytes: onnx.ModelProto.encode(model).finish(), ...named, notes };
}

/** Nodes that only pass values on (copy, cast, reshape), which a label or probability output may go through. */
const PASS_THROUGH = new Set(['Identity', 'Cast', 'Reshape', 'Squeeze', 'Unsqueeze', 'Flatten']);

/**
 * The graph outputs that carry predicted labels, not scores: those made (directly or through
 * pass-through nodes) by an ArgMax or by the first output of an ai.onnx.ml classifier node.
 */
function predictedLabelOutputs(nodes: Node[], outputs: string[]): string[] {
  const producer = new Map<string, { node: Node; index: number }>();
  for (const n of nodes) (n.output ?? []).forEach((o, index) => producer.set(o, { node: n, index }));
  return outputs.filter((name) => {
    let current = producer.get(name);
    for (let hops = 0; current && hops < 8; hops++) {
      const op = current.node.opType ?? '';
      if (op === 'ArgMax' || (CLASSIFIERS.has(op) && current.index === 0)) return true;
      if (!PASS_THROUGH.has(op)) return false;
      current = producer.get(current.node.input?.[0] ?? '');
    }
    return false;
  });
}

/**
 * Class labels of the classifier whose probability output reaches a graph output (directly or
 * through element-wise nodes such as skl2onnx's Normalizer or Identity), else null.
 */
function classifierClasses(nodes: Node[], outputs: string[]): NodeClasses | null {
  const producer = new Map<string, Node>();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  for (const name of outputs) {
    let current = producer.get(name);
    for (let hops = 0; current && hops < 8; hops++) {
      if (CLASSIFIERS.has(current.opType ?? '') && current.output?.[1]) return nodeClasses(current);
      if (!['Normalizer', 'Identity', 'Cast'].includes(current.opType ?? '')) break;
      current = producer.get(current.input?.[0] ?? '');
    }
  }
  return null;
}

/**
 * The classes a classifier declares, in probability-column order: its metadata `classes` (a JSON
 * array, values as written), else those its graph names (integers as numbers), else null.
 */
export function declaredClasses(
  metadataClasses: string | undefined,
  graph: Pick<StandardGraph, 'classes' | 'integerClasses'>,
  source: string
): (string | number)[] | null {
  if (!metadataClasses)
    return graph.classes && (graph.integerClasses ? graph.classes.map(Number) : graph.classes);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(metadataClasses);
  } catch {
    // refused below
  }
  if (!Array.isArray(parsed)) throw new InputError(`${source}: metadata "classes" is not a JSON array`);
  return parsed as (string | number)[];
}

/** A model as mlci runs it: the graph to load (a ZipMap output read through) and its signature. */
export function runnableModel(
  bytes: Uint8Array,
  source = 'model'
): StandardGraph & { signature: ModelSignature } {
  const model = decodeModel(bytes, source);
  const graph = readThroughZipMap(model, bytes);
  return { ...graph, signature: signatureOf(model) };
}

/** The signature of a model as mlci runs it (a ZipMap output read as the float tensor that feeds it). */
export function runSignature(bytes: Uint8Array, source = 'model'): ModelSignature {
  return runnableModel(bytes, source).signature;
}
