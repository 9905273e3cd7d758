import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { lcg } from './helpers.js';

/** Weights of a 3-class softmax regression over x1, x2 (one column per class). */
export const MULTI_WEIGHTS = [
  [2.0, -1.0, -1.0],
  [-0.5, 1.5, -1.0]
];
export const MULTI_BIAS = [0.1, 0.0, -0.1];

/** Writes a 3-class CSV whose label follows MULTI_WEIGHTS with noise: features x1, x2, label y. */
export async function writeMulticlassData(dir: string, rows: number, seed = 3): Promise<string> {
  const r = lcg(seed);
  const lines = ['x1,x2,y'];
  for (let i = 0; i < rows; i++) {
    const x = [Math.round((r() * 4 - 2) * 100) / 100, Math.round((r() * 4 - 2) * 100) / 100];
    const scores = [0, 1, 2].map(
      (k) => x[0] * MULTI_WEIGHTS[0][k] + x[1] * MULTI_WEIGHTS[1][k] + MULTI_BIAS[k] + (r() - 0.5) * 1.5
    );
    lines.push(`${x[0]},${x[1]},${scores.indexOf(Math.max(...scores))}`);
  }
  const path = join(dir, 'multi.csv');
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

/** A linear layer over the [N, 2] input `input` (x1, x2); returns the logits' value name. */
function linear(g: OnnxGraphBuilder, weights: number[][], bias: number[]): string {
  g.input('input', 'float', ['N', 2]);
  const w = g.floatConstant([2, bias.length], weights.flat());
  const b = g.floatConstant([bias.length], bias);
  return g.node('Add', [g.node('MatMul', ['input', w]), b]);
}

const META = { feature_names: ['x1', 'x2'] };

/** A regressor (one float output `variable` [N, 1], values around 90), as evaluated with --task binary. */
export function regressorOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const out = linear(g, [[3], [-2]], [90]);
  g.node('Identity', [out], { outputs: ['variable'] });
  g.output('variable', 'float', ['N', 1]);
  return g.toBytes({ metadata: META });
}

/** A binary model whose output named `probabilities` [N, 2] holds logits. */
export function logitsAsProbabilitiesOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const logits = linear(
    g,
    [
      [-1.4, 1.4],
      [0.7, -0.7]
    ],
    [0, 0]
  );
  g.node('Identity', [logits], { outputs: ['probabilities'] });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: META });
}

/** A 3-class model with unnamed outputs in this order: logits, probabilities, label (int64). */
export function threeUnnamedOutputsOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const logits = linear(g, MULTI_WEIGHTS, MULTI_BIAS);
  g.node('Identity', [logits], { outputs: ['output_0'] });
  g.node('Softmax', [logits], { outputs: ['output_1'], attributes: { axis: { i: 1 } } });
  g.node('ArgMax', [logits], { outputs: ['output_2'], attributes: { axis: { i: 1 }, keepdims: { i: 0 } } });
  g.output('output_0', 'float', ['N', 3]);
  g.output('output_1', 'float', ['N', 3]);
  g.output('output_2', 'int64', ['N']);
  return g.toBytes({ metadata: META });
}

/** A binary model whose one-column output holds sigmoid(logit): p(class 1) only, named `p1`. */
export function oneColumnBinaryOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const logit = linear(g, [[1.4], [-0.7]], [0]);
  g.node('Sigmoid', [logit], { outputs: ['p1'] });
  g.output('p1', 'float', ['N', 1]);
  return g.toBytes({ metadata: META });
}

/** A binary model whose `probabilities` output is NaN on every row (0 × log of a negative number). */
export function nanOutputOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const logits = linear(
    g,
    [
      [0, 0],
      [0, 0]
    ],
    [-1, -1]
  );
  g.node('Log', [logits], { outputs: ['probabilities'] });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: META });
}

/** A binary model whose `probabilities` rows are in [0, 1] but sum to 1.5 (two sigmoids). */
export function unnormalisedOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  const logits = linear(
    g,
    [
      [1.4, -1.4],
      [-0.7, 0.7]
    ],
    [2, 2]
  );
  g.node('Sigmoid', [logits], { outputs: ['probabilities'] });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: META });
}
