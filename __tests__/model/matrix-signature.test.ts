/**
 * A model with one [N, F] input and no feature_names metadata (torch.onnx.export's, skl2onnx's)
 * passes mlci train's signature check when mlci.yml names its columns in model.features.
 */
import { OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { readModelSignature } from '../../src/model/signature.js';
import { checkSignature } from '../../src/train/checks.js';

function unnamedMatrixModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('float_input', 'float', ['N', 3]);
  const w = g.floatConstant([3, 2], [0.1, -0.1, 0.2, -0.2, 0.3, -0.3]);
  g.node('Softmax', [g.node('MatMul', ['float_input', w])], {
    outputs: ['probabilities'],
    attributes: { axis: { i: 1 } }
  });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes();
}

describe('train signature check of a matrix input without feature_names', () => {
  const signature = readModelSignature(unnamedMatrixModel());

  it('passes with model.features, naming the columns', () => {
    const result = checkSignature(signature, { task: 'binary', label: 'y', features: ['a', 'b', 'c'] });
    expect(result).toMatchObject({ status: 'pass' });
  });

  it('fails without model.features, saying so', () => {
    const result = checkSignature(signature, { task: 'binary', label: 'y' });
    expect(result).toMatchObject({ status: 'fail' });
    expect(JSON.stringify(result)).toMatch(/no feature_names metadata and model.features is not set/);
  });

  it('fails when model.features has the wrong count', () => {
    const result = checkSignature(signature, { task: 'binary', label: 'y', features: ['a', 'b'] });
    expect(JSON.stringify(result)).toMatch(/has 3 columns but 2 feature names/);
  });
});
