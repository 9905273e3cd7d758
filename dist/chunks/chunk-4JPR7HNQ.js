import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  decodeModel,
  require_onnx,
  signatureOf
} from "./chunk-R2X24BNK.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/model/standard-export.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var { onnx } = import_onnx_proto.default;
var ML = "ai.onnx.ml";
var FLOAT = 1;
var CLASSIFIERS = /* @__PURE__ */ new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);
var text = (bytes) => new TextDecoder().decode(bytes);
function nodeClasses(node) {
  const keys = node.opType === "ZipMap" ? ["classlabels_int64s", "classlabels_strings"] : ["classlabels_ints", "classlabels_int64s", "classlabels_strings"];
  for (const attr of node.attribute ?? []) {
    if (!keys.includes(attr.name ?? "")) continue;
    if ((attr.ints ?? []).length > 0)
      return { labels: (attr.ints ?? []).map((v) => String(v)), integers: true };
    if ((attr.strings ?? []).length > 0) return { labels: (attr.strings ?? []).map(text), integers: false };
  }
  return null;
}
function readThroughZipMap(model, fileBytes) {
  const graph = model.graph;
  if (!graph) return { bytes: fileBytes, classes: null, integerClasses: false, labelOutputs: [], notes: [] };
  const nodes = graph.node ?? [];
  const labelOutputs = predictedLabelOutputs(
    nodes,
    (graph.output ?? []).map((o) => o.name ?? "")
  );
  const consumers = new Set(nodes.flatMap((n) => n.input ?? []));
  const notes = [];
  let classes = null;
  for (const node of nodes) {
    if (node.opType !== "ZipMap" || (node.domain ?? "") !== ML) continue;
    const output = node.output?.[0] ?? "";
    const declared = (graph.output ?? []).find((o) => o.name === output);
    const named2 = nodeClasses(node);
    if (!declared || consumers.has(output) || !named2) continue;
    classes ??= named2;
    node.opType = "Identity";
    node.domain = "";
    node.attribute = [];
    declared.type = onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: FLOAT,
        shape: onnx.TensorShapeProto.create({
          dim: [
            onnx.TensorShapeProto.Dimension.create({ dimParam: "N" }),
            onnx.TensorShapeProto.Dimension.create({ dimValue: named2.labels.length })
          ]
        })
      })
    });
    notes.push(
      `ZipMap output "${output}" read through its input tensor "${node.input?.[0] ?? ""}" (float [N, ${named2.labels.length}])`
    );
  }
  classes ??= classifierClasses(
    nodes,
    (graph.output ?? []).map((o) => o.name ?? "")
  );
  const named = {
    classes: classes?.labels ?? null,
    integerClasses: classes?.integers ?? false,
    labelOutputs
  };
  if (notes.length === 0) return { bytes: fileBytes, ...named, notes };
  return { bytes: onnx.ModelProto.encode(model).finish(), ...named, notes };
}
var PASS_THROUGH = /* @__PURE__ */ new Set(["Identity", "Cast", "Reshape", "Squeeze", "Unsqueeze", "Flatten"]);
function predictedLabelOutputs(nodes, outputs) {
  const producer = /* @__PURE__ */ new Map();
  for (const n of nodes) (n.output ?? []).forEach((o, index) => producer.set(o, { node: n, index }));
  return outputs.filter((name) => {
    let current = producer.get(name);
    for (let hops = 0; current && hops < 8; hops++) {
      const op = current.node.opType ?? "";
      if (op === "ArgMax" || CLASSIFIERS.has(op) && current.index === 0) return true;
      if (!PASS_THROUGH.has(op)) return false;
      current = producer.get(current.node.input?.[0] ?? "");
    }
    return false;
  });
}
function classifierClasses(nodes, outputs) {
  const producer = /* @__PURE__ */ new Map();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  for (const name of outputs) {
    let current = producer.get(name);
    for (let hops = 0; current && hops < 8; hops++) {
      if (CLASSIFIERS.has(current.opType ?? "") && current.output?.[1]) return nodeClasses(current);
      if (!["Normalizer", "Identity", "Cast"].includes(current.opType ?? "")) break;
      current = producer.get(current.input?.[0] ?? "");
    }
  }
  return null;
}
function declaredClasses(metadataClasses, graph, source) {
  if (!metadataClasses)
    return graph.classes && (graph.integerClasses ? graph.classes.map(Number) : graph.classes);
  let parsed = null;
  try {
    parsed = JSON.parse(metadataClasses);
  } catch {
  }
  if (!Array.isArray(parsed)) throw new InputError(`${source}: metadata "classes" is not a JSON array`);
  return parsed;
}
function runnableModel(bytes, source = "model") {
  const model = decodeModel(bytes, source);
  const graph = readThroughZipMap(model, bytes);
  return { ...graph, signature: signatureOf(model) };
}
function runSignature(bytes, source = "model") {
  return runnableModel(bytes, source).signature;
}

export {
  readThroughZipMap,
  declaredClasses,
  runnableModel,
  runSignature
};
