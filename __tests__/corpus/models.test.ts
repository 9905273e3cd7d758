/**
 * Bad-input corpus for models: broken and misleading ONNX files, each evaluated through the CLI.
 * Every case states its class: exit 0 with the right answer, or exit 2 with a message naming the
 * fault. Never a crash ("unexpected error", "this is a bug"), never evaluation.json on failure.
 * A new model bug gets a case here so the class stays fixed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxGraphBuilder, linearModelOnnx } from '../../src/model/onnx-build.js';
import { runCli } from '../../test-support/cli.js';
import { tempDir, writeBinaryData } from '../evaluate/helpers.js';
import {
  MULTI_BIAS,
  MULTI_WEIGHTS,
  logitsAsProbabilitiesOnnx,
  nanOutputOnnx,
  oneColumnBinaryOnnx,
  regressorOnnx,
  threeUnnamedOutputsOnnx,
  unnormalisedOnnx,
  writeMulticlassData
} from '../evaluate/misleading-models.js';

const META = { feature_names: ['x1', 'x2'] };
const good = () =>
  linearModelOnnx({ task: 'binary', featureNames: ['x1', 'x2'], weights: [[1.4], [-0.7]], bias: [0] });

/** A binary model over x1, x2 and the text column `country` (string input, LabelEncoder to a float). */
function stringInputOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('x1', 'float', ['N', 1]).input('x2', 'float', ['N', 1]).input('country', 'string', ['N', 1]);
  const shift = g.node('LabelEncoder', ['country'], {
    domain: 'ai.onnx.ml',
    attributes: {
      keys_strings: { strings: ['FR', 'DE'] },
      values_floats: { floats: [0.3, -0.3] },
      default_float: { f: 0 }
    }
  });
  const w1 = g.floatConstant([1], [1.4]);
  const w2 = g.floatConstant([1], [-0.7]);
  const logit = g.node('Add', [g.node('Add', [g.node('Mul', ['x1', w1]), g.node('Mul', ['x2', w2])]), shift]);
  const p1 = g.node('Sigmoid', [logit]);
  const p0 = g.node('Sub', [g.floatConstant([1], [1]), p1]);
  g.node('Concat', [p0, p1], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ mlOpset: 2 });
}

/** One float input per column, named after a column the data does not have. */
function unknownInputOnnx(): Uint8Array {
  return linearModelOnnx({
    task: 'binary',
    featureNames: ['x1', 'no_such_column'],
    weights: [[1], [1]],
    bias: [0],
    inputMode: 'columns'
  });
}

/** A [N, 3] input whose feature_names metadata lists two columns. */
function wrongWidthOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 3]);
  const w = g.floatConstant([3, 2], [1, -1, 1, -1, 1, -1]);
  g.node('Softmax', [g.node('MatMul', ['input', w])], {
    outputs: ['probabilities'],
    attributes: { axis: { i: 1 } }
  });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: META });
}

/** A [N, width] input with no feature_names metadata (skl2onnx's `float_input`, a torch export). */
function unnamedMatrixOnnx(width: number): () => Uint8Array {
  return () => {
    const g = new OnnxGraphBuilder();
    g.input('float_input', 'float', ['N', width]);
    const w = g.floatConstant(
      [width, 2],
      Array.from({ length: width * 2 }, (_, i) => (i % 2 ? -1 : 1))
    );
    g.node('Softmax', [g.node('MatMul', ['float_input', w])], {
      outputs: ['probabilities'],
      attributes: { axis: { i: 1 } }
    });
    g.output('probabilities', 'float', ['N', 2]);
    return g.toBytes();
  };
}

/** A classifier that only gives an int64 label. */
function labelOnlyOnnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 2]);
  const w = g.floatConstant([2, 2], [1, -1, -1, 1]);
  g.node('ArgMax', [g.node('MatMul', ['input', w])], {
    outputs: ['label'],
    attributes: { axis: { i: 1 }, keepdims: { i: 0 } }
  });
  g.output('label', 'int64', ['N']);
  return g.toBytes({ metadata: META });
}

/** p1 = sigmoid(1.4·x1 − 0.7·x2) as [N, 1], after a float `label` [N, 1] (p1 > 0.5) unless `labelOnly`. */
function floatLabelOnnx(labelOnly: boolean): () => Uint8Array {
  return () => {
    const g = new OnnxGraphBuilder();
    g.input('input', 'float', ['N', 2]);
    const p1 = g.node('Sigmoid', [g.node('MatMul', ['input', g.floatConstant([2, 1], [1.4, -0.7])])]);
    const half = g.floatConstant([1], [0.5]);
    g.node('Cast', [g.node('Greater', [p1, half])], { outputs: ['label'], attributes: { to: { i: 1 } } });
    g.output('label', 'float', ['N', 1]);
    if (!labelOnly) {
      g.node('Identity', [p1], { outputs: ['probability'] });
      g.output('probability', 'float', ['N', 1]);
    }
    return g.toBytes({ metadata: META });
  };
}

/** A softmax model over an input `input` [batch, 2] of element type `type`, cast to float. */
function typedInputOnnx(type: 'int64' | 'float', batch: number | string): () => Uint8Array {
  return () => {
    const g = new OnnxGraphBuilder();
    g.input('input', type, [batch, 2]);
    const x = type === 'float' ? 'input' : g.node('Cast', ['input'], { attributes: { to: { i: 1 } } });
    const w = g.floatConstant([2, 2], [1.4, -1.4, -0.7, 0.7]);
    g.node('Softmax', [g.node('MatMul', [x, w])], {
      outputs: ['probabilities'],
      attributes: { axis: { i: 1 } }
    });
    g.output('probabilities', 'float', [batch, 2]);
    return g.toBytes({ metadata: META });
  };
}

/** A 3-class softmax model, evaluated as binary. */
function multiclassOnnx(): Uint8Array {
  return linearModelOnnx({
    task: 'multiclass',
    featureNames: ['x1', 'x2'],
    weights: MULTI_WEIGHTS,
    bias: MULTI_BIAS
  });
}

/** Probabilities [N, 1, 2]: a rank-3 output. */
function rank3Onnx(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 2]);
  const w = g.floatConstant([2, 2], [1.4, -1.4, -0.7, 0.7]);
  const p = g.node('Softmax', [g.node('MatMul', ['input', w])], { attributes: { axis: { i: 1 } } });
  g.node('Unsqueeze', [p, g.int64Constant([1], [1])], { outputs: ['scores'] });
  g.output('scores', 'float', ['N', 1, 2]);
  return g.toBytes({ metadata: META });
}

/** scikit-learn's accuracy and roc_auc (binary) or log_loss (multiclass) on the probabilities mlci read. */
function sklearn(predictions: string, data: string): Record<string, number> {
  const script = `
import json, sys, numpy as np, pandas as pd
from sklearn import metrics as m
p = pd.read_csv(sys.argv[1]).filter(like='candidate_').to_numpy(dtype=np.float64)
if p.shape[1] == 1: p = np.column_stack([1 - p[:, 0], p[:, 0]])
y = pd.read_csv(sys.argv[2])['y'].to_numpy()
out = {'accuracy': m.accuracy_score(y, p.argmax(axis=1)), 'log_loss': m.log_loss(y, p, labels=list(range(p.shape[1])))}
if p.shape[1] == 2: out['roc_auc'] = m.roc_auc_score(y, p[:, 1])
print(json.dumps(out))`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, predictions, data], { encoding: 'utf8' })
  );
}

type Case = {
  name: string;
  /** The model file's bytes. */
  bytes: () => Uint8Array;
  data: 'binary' | 'multi';
  task: string;
  extra?: string[];
} & ({ exit: 2; message: RegExp } | { exit: 0; output: string });

const CASES: Case[] = [
  {
    name: 'a regressor evaluated as binary',
    bytes: regressorOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message:
      /no output holds probabilities.*"variable" \[N, 1\] row 1 .*values outside \[0, 1\].*--task regression/
  },
  {
    name: 'logits in the output named probabilities',
    bytes: logitsAsProbabilitiesOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message:
      /output "probabilities" \(the output named "probabilities"\) does not hold probabilities.*row 1 is \(-?[\d.]+, -?[\d.]+\): values outside \[0, 1\].*after softmax or sigmoid/
  },
  {
    name: 'rows in [0, 1] that do not sum to 1',
    bytes: unnormalisedOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /row 1 is \([\d.]+, [\d.]+\): the row sums to [\d.]+, not 1/
  },
  {
    name: 'NaN outputs',
    bytes: nanOutputOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /output "probabilities" is NaN for row 1 of .*test\.csv/
  },
  {
    name: 'unnamed outputs (logits, probabilities, label)',
    bytes: threeUnnamedOutputsOnnx,
    data: 'multi',
    task: 'multiclass',
    exit: 0,
    output: 'output_1'
  },
  {
    name: 'logits named by --output',
    bytes: threeUnnamedOutputsOnnx,
    data: 'multi',
    task: 'multiclass',
    extra: ['--output', 'output_0'],
    exit: 2,
    message: /output "output_0" \(named by --output\) does not hold probabilities/
  },
  {
    name: 'a one-column binary output',
    bytes: oneColumnBinaryOnnx,
    data: 'binary',
    task: 'binary',
    exit: 0,
    output: 'p1'
  },
  {
    name: 'a string input fed from a text column',
    bytes: stringInputOnnx,
    data: 'binary',
    task: 'binary',
    exit: 0,
    output: 'probabilities'
  },
  {
    name: 'an int64 label as the only output',
    bytes: labelOnlyOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /no float probability output \[N, C\] found; its outputs: "label" int64 \[N\]/
  },
  {
    name: 'a float label output before the probability output',
    bytes: floatLabelOnnx(false),
    data: 'binary',
    task: 'binary',
    exit: 0,
    output: 'probability'
  },
  {
    name: 'a float label as the only output',
    bytes: floatLabelOnnx(true),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /no float probability output \[N, C\] found; not read: "label" \(class labels: its name/
  },
  {
    name: '--output naming a label output',
    bytes: floatLabelOnnx(false),
    data: 'binary',
    task: 'binary',
    extra: ['--output', 'label'],
    exit: 2,
    message: /--output: output "label" float \[N, 1\] .* holds predicted class labels/
  },
  {
    name: 'an int64 matrix input fed fractional values',
    bytes: typedInputOnnx('int64', 'N'),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message:
      /test\.csv: row 1, column "x1": -?[\d.]+ is not a whole number in int64's range, but .* takes int64 \(input "input"\)/
  },
  {
    name: 'a fixed batch axis of 1',
    bytes: typedInputOnnx('float', 1),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /input "input" has a fixed batch axis of 1 \(shape \[1, 2\]\); .* must be dynamic/
  },
  {
    name: 'a multiclass model evaluated as binary',
    bytes: multiclassOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /task is binary but output "probabilities" has 3 classes; use --task multiclass/
  },
  {
    name: 'a rank-3 output',
    bytes: rank3Onnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /output "scores" has shape \[\d+, 1, 2\]; mlci reads \[N\] or \[N, C\]/
  },
  {
    name: 'input names that match no column',
    bytes: unknownInputOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /no_such_column/
  },
  {
    name: 'a [N, 3] input with two feature names',
    bytes: wrongWidthOnnx,
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /input "input" takes 3 features but 2 feature names are given/
  },
  {
    name: 'a [N, 2] input without feature names, the data having 3 columns besides the label',
    bytes: unnamedMatrixOnnx(2),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message:
      /"float_input" is a \[N, 2\] matrix, but the model has no feature_names metadata and .*test\.csv has 3 columns besides the label; set model\.features/
  },
  {
    name: 'a [N, 3] input without feature names whose data order includes a text column',
    bytes: unnamedMatrixOnnx(3),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /column "country" is text/
  },
  {
    name: 'a file that is not ONNX',
    bytes: () => new TextEncoder().encode('x1,x2\n1,2\n'),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /model\.onnx: not an ONNX model|onnxruntime cannot load/
  },
  {
    name: 'a truncated ONNX file',
    bytes: () => good().subarray(0, Math.floor(good().length / 2)),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /model\.onnx: (not an ONNX model|onnxruntime cannot load)/
  },
  {
    name: 'an empty file',
    bytes: () => new Uint8Array(0),
    data: 'binary',
    task: 'binary',
    exit: 2,
    message: /model\.onnx: not an ONNX model/
  }
];

let dir: string;
const data: Record<Case['data'], string> = { binary: '', multi: '' };

beforeAll(async () => {
  dir = await tempDir('mlci-corpus-models-');
  data.binary = await writeBinaryData(dir, 400, 7);
  data.multi = await writeMulticlassData(dir, 400, 8);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('model corpus: mlci evaluate on broken and misleading ONNX models', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const caseDir = join(dir, `case-${i}`);
    const modelPath = join(dir, `case-${i}-model.onnx`);
    await writeFile(modelPath, c.bytes());
    const out = join(caseDir, 'out');
    const predictions = join(dir, `case-${i}-predictions.csv`);
    const res = await runCli([
      'evaluate',
      ...['--model', modelPath, '--data', data[c.data], '--label', 'y', '--task', c.task],
      ...['--out', out, '--predictions', predictions, ...(c.extra ?? [])]
    ]);
    expect(res.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
    expect([res.code, res.stderr]).toEqual([c.exit, expect.any(String)]);
    if (c.exit === 2) {
      expect(res.stderr).toMatch(c.message);
      expect(existsSync(join(out, 'evaluation.json'))).toBe(false);
      expect(existsSync(predictions)).toBe(false);
      return;
    }
    const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(evaluation.candidate.output.name).toBe(c.output);
    const expected = sklearn(predictions, data[c.data]);
    for (const [metric, value] of Object.entries(expected))
      expect([metric, Math.abs(evaluation.candidate.metrics[metric] - value) <= 1e-9]).toEqual([
        metric,
        true
      ]);
  });
});
