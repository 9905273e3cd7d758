// The churn example's trainer: logistic regression over numeric and categorical columns, trained
// by mini-batch gradient descent in plain JavaScript and exported to ONNX with onnx-proto.
// It follows mlci's training convention (docs/training-convention.md):
//   MLCI_PARAMS        JSON file of params (learning_rate, epochs, batch_size, l2, train_data)
//   MLCI_SEED          seed of the weight initialisation and of the shuffling
//   MLCI_MODEL_PATH    where to write model.onnx
//   MLCI_METRICS_PATH  JSON lines {"step", "loss", "accuracy"} appended once per epoch
//   MLCI_FINAL_METRICS_PATH  final metrics.json
// Runs without mlci too: `node examples/churn-node/train.mjs` writes examples/churn-node/model.onnx.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const NUMERIC = ['tenure_months', 'monthly_charges', 'total_charges', 'age', 'support_calls'];
const CATEGORICAL = ['contract', 'internet_service', 'payment_method', 'region'];
const LABEL = 'churned';

const params = {
  learning_rate: 0.1,
  epochs: 25,
  batch_size: 256,
  l2: 0.0001,
  ...(process.env.MLCI_PARAMS ? JSON.parse(readFileSync(process.env.MLCI_PARAMS, 'utf8')) : {})
};
const seed = Number(process.env.MLCI_SEED ?? 42);
const modelPath = process.env.MLCI_MODEL_PATH ?? here('./model.onnx');
const metricsPath = process.env.MLCI_METRICS_PATH;
const finalMetricsPath = process.env.MLCI_FINAL_METRICS_PATH;
const trainPath = params.train_data ?? here('./data/train.csv');

/** mulberry32, as in generate-data.mjs. */
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

// The data has no quoted fields; an empty field is a missing value.
function readCsv(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  const columns = Object.fromEntries(names.map((n) => [n, []]));
  for (const line of lines) line.split(',').forEach((v, i) => columns[names[i]].push(v));
  return { rows: lines.length, columns };
}

const data = readCsv(trainPath);
const n = data.rows;
const labels = Float64Array.from(data.columns[LABEL], Number);

// Numeric columns: missing → training mean, then standardised. The ONNX graph repeats exactly this.
const numeric = NUMERIC.map((name) => {
  const raw = data.columns[name].map((v) => (v === '' ? NaN : Number(v)));
  const present = raw.filter((v) => !Number.isNaN(v));
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const std = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length) || 1;
  return { name, mean, std, values: Float64Array.from(raw, (v) => ((Number.isNaN(v) ? mean : v) - mean) / std) };
});
// Categorical columns: one weight per category seen in training (a missing value is the category "");
// an unseen category contributes nothing, as a one-hot encoder that ignores unknowns would.
const categorical = CATEGORICAL.map((name) => {
  const vocabulary = [...new Set(data.columns[name])].sort();
  const index = new Map(vocabulary.map((v, i) => [v, i]));
  return { name, vocabulary, codes: Int32Array.from(data.columns[name], (v) => index.get(v)) };
});

const random = prng(seed);
const wNum = Float64Array.from(NUMERIC, () => (random() - 0.5) * 0.02);
const wCat = categorical.map((c) => Float64Array.from(c.vocabulary, () => (random() - 0.5) * 0.02));
let bias = 0;

const logit = (i) => {
  let z = bias;
  for (let j = 0; j < numeric.length; j++) z += wNum[j] * numeric[j].values[i];
  for (let j = 0; j < categorical.length; j++) z += wCat[j][categorical[j].codes[i]];
  return z;
};
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

function evaluate() {
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(logit(i))));
    loss -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
    if ((p > 0.5 ? 1 : 0) === labels[i]) correct += 1;
  }
  return { loss: loss / n, accuracy: correct / n };
}

const order = Int32Array.from({ length: n }, (_, i) => i);
const report = (line) => metricsPath && appendFileSync(metricsPath, JSON.stringify(line) + '\n');
let last = evaluate();
report({ step: 0, epoch: 0, loss: last.loss, accuracy: last.accuracy });
for (let epoch = 1; epoch <= params.epochs; epoch++) {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const lr = params.learning_rate / Math.sqrt(epoch);
  for (let start = 0; start < n; start += params.batch_size) {
    const end = Math.min(n, start + params.batch_size);
    const gNum = new Float64Array(wNum.length);
    const gCat = wCat.map((w) => new Float64Array(w.length));
    let gBias = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      const error = sigmoid(logit(i)) - labels[i];
      gBias += error;
      for (let j = 0; j < numeric.length; j++) gNum[j] += error * numeric[j].values[i];
      for (let j = 0; j < categorical.length; j++) gCat[j][categorical[j].codes[i]] += error;
    }
    const size = end - start;
    bias -= (lr * gBias) / size;
    for (let j = 0; j < wNum.length; j++) wNum[j] -= lr * (gNum[j] / size + params.l2 * wNum[j]);
    for (let j = 0; j < wCat.length; j++) {
      for (let c = 0; c < wCat[j].length; c++) wCat[j][c] -= lr * (gCat[j][c] / size + params.l2 * wCat[j][c]);
    }
  }
  last = evaluate();
  report({ step: epoch, epoch, loss: last.loss, accuracy: last.accuracy });
}
console.log(`trained on ${n} rows: log loss ${last.loss.toFixed(4)}, accuracy ${last.accuracy.toFixed(4)} (seed ${seed})`);

// ---- ONNX export: one input per column (float [N,1] numeric, string [N,1] categorical) -> probabilities [N,2].
const encoder = new globalThis.TextEncoder();
const A = onnx.AttributeProto.AttributeType;
const nodes = [];
const initializers = [];
const node = (opType, inputs, output, attributes = [], domain = '') => {
  nodes.push(onnx.NodeProto.create({ opType, domain, input: inputs, output: [output], name: `${output}_node`, attribute: attributes }));
  return output;
};
const floats = (name, dims, values) => {
  initializers.push(onnx.TensorProto.create({ name, dims, dataType: 1, floatData: Array.from(values) }));
  return name;
};
const valueInfo = (name, elemType, dims) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } }
  });

const imputed = numeric.map((c) =>
  node('Imputer', [c.name], `${c.name}_imputed`, [
    { name: 'imputed_value_floats', type: A.FLOATS, floats: [c.mean] },
    { name: 'replaced_value_float', type: A.FLOAT, f: NaN }
  ], 'ai.onnx.ml')
);
const matrix = node('Concat', imputed, 'numeric', [{ name: 'axis', type: A.INT, i: 1 }]);
const centred = node('Sub', [matrix, floats('means', [numeric.length], numeric.map((c) => c.mean))], 'centred');
const scaled = node('Div', [centred, floats('stds', [numeric.length], numeric.map((c) => c.std))], 'scaled');
let sum = node('MatMul', [scaled, floats('weights', [numeric.length, 1], wNum)], 'numeric_logit');
categorical.forEach((c, j) => {
  const part = node('LabelEncoder', [c.name], `${c.name}_logit`, [
    { name: 'keys_strings', type: A.STRINGS, strings: c.vocabulary.map((v) => encoder.encode(v)) },
    { name: 'values_floats', type: A.FLOATS, floats: Array.from(wCat[j]) },
    { name: 'default_float', type: A.FLOAT, f: 0 }
  ], 'ai.onnx.ml');
  sum = node('Add', [sum, part], `logit_${j}`);
});
const logits = node('Add', [sum, floats('bias', [1], [bias])], 'logit');
const p1 = node('Sigmoid', [logits], 'p1');
const p0 = node('Sub', [floats('one', [1], [1]), p1], 'p0');
node('Concat', [p0, p1], 'probabilities', [{ name: 'axis', type: A.INT, i: 1 }]);

const model = onnx.ModelProto.create({
  irVersion: 8,
  producerName: 'mlci-example-churn-node',
  producerVersion: '1',
  opsetImport: [
    { domain: '', version: 13 },
    { domain: 'ai.onnx.ml', version: 3 }
  ],
  metadataProps: [
    { key: 'classes', value: '[0,1]' },
    { key: 'label', value: LABEL },
    { key: 'seed', value: String(seed) }
  ],
  graph: onnx.GraphProto.create({
    name: 'churn_logistic_regression',
    node: nodes,
    initializer: initializers,
    input: [...NUMERIC.map((c) => valueInfo(c, 1, ['N', 1])), ...CATEGORICAL.map((c) => valueInfo(c, 8, ['N', 1]))],
    output: [valueInfo('probabilities', 1, ['N', 2])]
  })
});
writeFileSync(modelPath, onnx.ModelProto.encode(model).finish());
if (finalMetricsPath) {
  writeFileSync(finalMetricsPath, JSON.stringify({ train_log_loss: last.loss, train_accuracy: last.accuracy, rows: n }, null, 2) + '\n');
}
console.log(`wrote ${modelPath}`);
