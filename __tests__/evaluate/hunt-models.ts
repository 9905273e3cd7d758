/**
 * Small ONNX models for the evaluate bug-hunt tests, built at test time. Most copy data columns to
 * their outputs, so the values mlci scores are known exactly and scikit-learn can be run on them.
 */
import { execFileSync } from 'node:child_process';
import onnxProto from 'onnx-proto';
import { OnnxGraphBuilder, type ElemTypeName } from '../../src/model/onnx-build.js';

const { onnx } = onnxProto;

/** One output of a column-copying model: the concatenated input columns, [N, k] or flattened to [N]. */
export interface CopiedOutput {
  name: string;
  from: string[];
  rank: 1 | 2;
}

/** A model with one float [N, 1] input per column and outputs that copy them (docs: one input per column). */
export function columnCopyModel(
  inputs: string[],
  outputs: CopiedOutput[],
  metadata: Record<string, unknown> = {}
): Uint8Array {
  const g = new OnnxGraphBuilder();
  for (const name of inputs) g.input(name, 'float', ['N', 1]);
  for (const o of outputs) {
    const joined = g.node('Concat', o.from, { attributes: { axis: { i: 1 } } });
    if (o.rank === 1) g.node('Reshape', [joined, g.int64Constant([1], [-1])], { outputs: [o.name] });
    else g.node('Identity', [joined], { outputs: [o.name] });
    g.output(o.name, 'float', o.rank === 1 ? ['N'] : ['N', o.from.length]);
  }
  return g.toBytes({ metadata });
}

/**
 * A binary model over the column `q` (p of the positive class): `out0` is the arg-max label cast
 * to float [N] (made by ArgMax, named nothing like a label), then `out1` = q [N].
 */
export function argMaxLabelFirstModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('q', 'float', ['N', 1]);
  const one = g.floatConstant([1], [1]);
  const probs = g.node('Concat', [g.node('Sub', [one, 'q']), 'q'], { attributes: { axis: { i: 1 } } });
  const argmax = g.node('ArgMax', [probs], { attributes: { axis: { i: 1 }, keepdims: { i: 0 } } });
  g.node('Cast', [argmax], { outputs: ['out0'], attributes: { to: { i: 1 } } });
  g.node('Reshape', ['q', g.int64Constant([1], [-1])], { outputs: ['out1'] });
  g.output('out0', 'float', ['N']);
  g.output('out1', 'float', ['N']);
  return g.toBytes();
}

/**
 * A binary model whose [N, 2] output holds (p(class 1), p(class 0)) from the column `q`, with the
 * classes in that order: in metadata `classes` [1, 0], or (`zipmap`) as a ZipMap's
 * classlabels_int64s [1, 0] on the output `output_probability`.
 */
export function classOneFirstModel(zipmap = false): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('q', 'float', ['N', 1]);
  const one = g.floatConstant([1], [1]);
  const columns = ['q', g.node('Sub', [one, 'q'])];
  if (!zipmap) {
    g.node('Concat', columns, { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
    g.output('probabilities', 'float', ['N', 2]);
    return g.toBytes({ metadata: { classes: [1, 0] } });
  }
  const probs = g.node('Concat', columns, { attributes: { axis: { i: 1 } } });
  g.node('ZipMap', [probs], {
    outputs: ['output_probability'],
    domain: 'ai.onnx.ml',
    attributes: { classlabels_int64s: { ints: [1, 0] } }
  });
  g.output('output_probability', 'float', ['N', 2]);
  return asZipMapOutput(g.toBytes({ mlOpset: 1 }), 'output_probability');
}

/** Declares an output as ZipMap declares it: a sequence of maps from int64 class to float. */
function asZipMapOutput(bytes: Uint8Array, name: string): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const output = (model.graph?.output ?? []).find((o) => o.name === name);
  if (!output) throw new Error(`no output ${name}`);
  output.type = onnx.TypeProto.create({
    sequenceType: onnx.TypeProto.Sequence.create({
      elemType: onnx.TypeProto.create({
        mapType: onnx.TypeProto.Map.create({
          keyType: 7,
          valueType: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType: 1 }) })
        })
      })
    })
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * A binary model with one string input `zip` [N, 1] mapped by a LabelEncoder to p(class 1):
 * "007" → 0.875 and "010" → 0.125, but "7" → 0.125 and "10" → 0.875 (other text → 0.5).
 */
export function zipCodeModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('zip', 'string', ['N', 1]);
  const p = g.node('LabelEncoder', ['zip'], {
    domain: 'ai.onnx.ml',
    attributes: {
      keys_strings: { strings: ['007', '010', '7', '10'] },
      values_floats: { floats: [0.875, 0.125, 0.125, 0.875] },
      default_float: { f: 0.5 }
    }
  });
  const one = g.floatConstant([1], [1]);
  g.node('Concat', [g.node('Sub', [one, p]), p], {
    outputs: ['probabilities'],
    attributes: { axis: { i: 1 } }
  });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ mlOpset: 2 });
}

/** A binary model over a float input `zip` [N, 1]: p(class 1) = sigmoid(zip − 8.5). */
export function numericZipModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('zip', 'float', ['N', 1]);
  const p = g.node('Sigmoid', [g.node('Sub', ['zip', g.floatConstant([1], [8.5])])]);
  const one = g.floatConstant([1], [1]);
  g.node('Concat', [g.node('Sub', [one, p]), p], {
    outputs: ['probabilities'],
    attributes: { axis: { i: 1 } }
  });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes();
}

/**
 * A regressor over one matrix input `input` [batch, 2] of `type` (cast to float): the output
 * `variable` [batch, 1] is 2·a + b. `batch` is 'N' (dynamic) or a fixed size.
 */
export function matrixRegressor(type: ElemTypeName, batch: number | string = 'N'): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', type, [batch, 2]);
  const x = type === 'float' ? 'input' : g.node('Cast', ['input'], { attributes: { to: { i: 1 } } });
  const w = g.floatConstant([2, 1], [2, 1]);
  g.node('MatMul', [x, w], { outputs: ['variable'] });
  g.output('variable', 'float', [batch, 1]);
  return g.toBytes({ metadata: { feature_names: ['a', 'b'] } });
}

/** Runs a Python script with scikit-learn (/usr/bin/python3) on arguments and parses its JSON answer. */
export function python<T>(script: string, ...args: string[]): T {
  const stdout = execFileSync('/usr/bin/python3', ['-W', 'ignore', '-c', script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return JSON.parse(stdout) as T;
}
