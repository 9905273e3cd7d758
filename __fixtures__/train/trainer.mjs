// A configurable fake trainer for the train tests. It follows the training convention
// (MLCI_PARAMS, MLCI_SEED, MLCI_MODEL_PATH, MLCI_METRICS_PATH) and misbehaves on request:
//   params.mode = ok | fail | no-model | not-onnx | nan | nan-token | nan-string | rising | unseeded | timestamp | wide
// It also appends one line per run to params.runs_file (when set) so tests can count real runs.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const params = JSON.parse(readFileSync(process.env.MLCI_PARAMS, 'utf8'));
const mode = params.mode ?? 'ok';
const seed = Number(process.env.MLCI_SEED);
if (params.runs_file) appendFileSync(params.runs_file, `${seed}\n`);
console.log(`fake trainer: mode ${mode}, seed ${seed}`);

function prng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mode === 'unseeded' ? Math.random : prng(seed);

const steps = 20;
const lines = [];
for (let step = 1; step <= steps; step++) {
  let loss = mode === 'rising' ? 0.3 + 0.02 * step : 0.7 * Math.exp(-step / 8) + 0.1;
  const line = { step, loss };
  if (mode === 'nan' && step === 7) line.loss = NaN; // JSON.stringify writes null
  // Python's json writes a bare NaN; str(tensor) or an f-string makes the loss a string.
  if (mode === 'nan-string' && step === 6) line.loss = 'nan';
  lines.push(mode === 'nan-token' && step === 5 ? `{"step": 5, "loss": NaN}` : JSON.stringify(line));
}
if (process.env.MLCI_METRICS_PATH) appendFileSync(process.env.MLCI_METRICS_PATH, lines.join('\n') + '\n');

if (mode === 'fail') {
  console.error('loading data…');
  console.error('Traceback: something broke in the trainer');
  process.exit(3);
}
if (mode === 'no-model') process.exit(0);
if (mode === 'not-onnx') {
  writeFileSync(process.env.MLCI_MODEL_PATH, 'this is a pickle, not an ONNX model\n');
  process.exit(0);
}

// A logistic regression over columns x1, x2: probabilities [N, 2].
const features = mode === 'wide' ? ['x1', 'x2', 'x3'] : ['x1', 'x2'];
const weights = features.map(() => random() * 2 - 1);
const bias = random() - 0.5;
const vi = (name, elemType, dims) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } }
  });
const tensor = (name, dims, values) => onnx.TensorProto.create({ name, dims, dataType: 1, floatData: values });
const node = (opType, input, output, attribute = []) => onnx.NodeProto.create({ opType, input, output: [output], attribute });
const axis1 = [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 }];
const metadata = [{ key: 'classes', value: '[0,1]' }];
if (mode === 'timestamp') metadata.push({ key: 'trained_at', value: new Date().toISOString() + Math.random() });
const model = onnx.ModelProto.create({
  irVersion: 8,
  producerName: 'fake-trainer',
  opsetImport: [{ domain: '', version: 13 }],
  metadataProps: metadata,
  graph: {
    name: 'fake',
    node: [
      node('Concat', features, 'x', axis1),
      node('MatMul', ['x', 'w'], 'xw'),
      node('Add', ['xw', 'b'], 'z'),
      node('Sigmoid', ['z'], 'p1'),
      node('Sub', ['one', 'p1'], 'p0'),
      node('Concat', ['p0', 'p1'], 'probabilities', axis1)
    ],
    initializer: [tensor('w', [features.length, 1], weights), tensor('b', [1], [bias]), tensor('one', [1], [1])],
    input: features.map((f) => vi(f, 1, ['N', 1])),
    output: [vi('probabilities', 1, ['N', 2])]
  }
});
writeFileSync(process.env.MLCI_MODEL_PATH, onnx.ModelProto.encode(model).finish());
console.log(`fake trainer: wrote ${process.env.MLCI_MODEL_PATH}`);
