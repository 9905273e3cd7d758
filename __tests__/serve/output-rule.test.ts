/**
 * mlci serve reads a model's output by evaluate's rule and never answers values that are not class
 * probabilities as probabilities: the misleading models evaluate refuses are refused (or read right)
 * by the server too.
 */
import { describe, expect, it } from '@jest/globals';
import { OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { loadOrt, loadServedModel, ModelContractError } from '../../src/serve/model.js';
import {
  logitsAsProbabilitiesOnnx,
  oneColumnBinaryOnnx,
  threeUnnamedOutputsOnnx,
  unnormalisedOnnx
} from '../evaluate/misleading-models.js';

const load = (bytes: Uint8Array, task?: 'binary' | 'multiclass') =>
  loadServedModel(bytes, { name: 'm', version: 1, task });

/** Logits [N, 2] named `probabilities` whose row of zeros looks like probabilities (0.5, 0.5). */
function logitsValidAtZero(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 2]);
  const w = g.floatConstant([2, 2], [2, -2, 1, -1]);
  const b = g.floatConstant([2], [0.5, 0.5]);
  g.node('Add', [g.node('MatMul', ['input', w]), b], { outputs: ['probabilities'] });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: { feature_names: ['x1', 'x2'] } });
}

describe("mlci serve reads outputs by evaluate's rule", () => {
  it('answers from the softmax output of a model whose first output is logits, as evaluate does', async () => {
    const served = await load(threeUnnamedOutputsOnnx(), 'multiclass');
    expect(served.output).toMatchObject({ name: 'output_1', kind: 'classifier', classes: [0, 1, 2] });
    expect(served.output.reason).toMatch(/the first float output whose values are probabilities/);
    await served.release();
  });

  it.each([
    [
      'logits named "probabilities"',
      logitsAsProbabilitiesOnnx(),
      /row 1 is \(0, 0\): the row sums to 0, not 1/
    ],
    ['rows summing to 1.76', unnormalisedOnnx(), /the row sums to 1\.76/],
    ['one column p(class 1)', oneColumnBinaryOnnx(), /output "p1" has one column \(p\(class 1\)\)/]
  ])('refuses a binary model with %s before serving it', async (_what, bytes, message) => {
    await expect(load(bytes, 'binary')).rejects.toThrow(message);
  });

  it('fails a request whose answer is not probabilities instead of answering it (500, not a plausible value)', async () => {
    const served = await load(logitsValidAtZero(), 'binary');
    const ort = await loadOrt();
    const zeros = await served.run({ input: new ort.Tensor('float32', new Float32Array(2), [1, 2]) });
    expect(Array.from(zeros.data)).toEqual([0.5, 0.5]);
    const run = served.run({ input: new ort.Tensor('float32', Float32Array.of(1, 0), [1, 2]) });
    await expect(run).rejects.toThrow(ModelContractError);
    await expect(
      served.run({ input: new ort.Tensor('float32', Float32Array.of(1, 0), [1, 2]) })
    ).rejects.toThrow(/output "probabilities" row 1 is \(2\.5, -1\.5\): values outside \[0, 1\]/);
    await served.release();
  });
});
