/**
 * evaluate reads the data while onnxruntime loads the models (the read needs only their plans):
 * a model that onnxruntime refuses is still the error reported, even when the read fails too.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { planSession, openSession, readModelFile } from '../../src/model/inference.js';
import { evaluate } from '../../src/stages/evaluate.js';
import { tempDir, writeBinaryData } from '../evaluate/helpers.js';

/** Inputs x1, x2 and a [N, 2] output that decode fine, computed by an operator no runtime has. */
function unknownOperatorOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('x1', 'float', ['N', 1]).input('x2', 'float', ['N', 1]);
  g.node('NoSuchOperator', ['x1', 'x2'], { outputs: ['probabilities'] });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes();
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('mlci-session-order-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('evaluate: models load while the data is read', () => {
  it('plans a model without onnxruntime and reports the runtime refusing it when the session opens', async () => {
    const model = join(dir, 'unknown-op.onnx');
    await writeFile(model, unknownOperatorOnnx());
    const planned = await planSession(await readModelFile(model), 'binary');
    expect(planned.plan).toEqual({
      kind: 'columns',
      inputs: [expect.objectContaining({ name: 'x1' }), expect.objectContaining({ name: 'x2' })]
    });
    await expect(openSession(planned)).rejects.toThrow(/unknown-op\.onnx: onnxruntime cannot load the model/);
  });

  it('reports the model onnxruntime refuses, not the read that failed meanwhile', async () => {
    const model = join(dir, 'unknown-op.onnx');
    await writeFile(model, unknownOperatorOnnx());
    const data = join(dir, 'no-x2.csv');
    await writeFile(data, 'x1,y\n0.5,1\n-0.5,0\n');
    const request = { model, data, label: 'y', task: 'binary' as const, out: join(dir, 'out') };
    await expect(evaluate(request)).rejects.toThrow(/unknown-op\.onnx: onnxruntime cannot load the model/);
  });

  it('reports the read when the models load', async () => {
    const data = await writeBinaryData(dir, 50);
    const g = new OnnxGraphBuilder();
    g.input('x1', 'float', ['N', 1]).input('x3', 'float', ['N', 1]);
    const p1 = g.node('Sigmoid', [g.node('Add', ['x1', 'x3'])]);
    g.node('Concat', [g.node('Sub', [g.floatConstant([1], [1]), p1]), p1], {
      outputs: ['probabilities'],
      attributes: { axis: { i: 1 } }
    });
    g.output('probabilities', 'float', ['N', 2]);
    const model = join(dir, 'x3.onnx');
    await writeFile(model, g.toBytes());
    const request = { model, data, label: 'y', task: 'binary' as const, out: join(dir, 'out2') };
    await expect(evaluate(request)).rejects.toThrow(/test\.csv: missing column "x3"/);
  });
});
