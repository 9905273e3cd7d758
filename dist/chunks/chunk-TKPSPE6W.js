import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  chooseOutput,
  encodeLabels,
  planOutput,
  positiveClassIndex,
  positiveLast,
  predictedClasses
} from "./chunk-GL4WARX4.js";
import {
  isMlflowModelDir,
  readMlflowModel
} from "./chunk-ASXTV7AU.js";
import {
  declaredClasses,
  readThroughZipMap
} from "./chunk-4JPR7HNQ.js";
import {
  decodeModel,
  signatureOf
} from "./chunk-R2X24BNK.js";
import {
  MAPE_EPS,
  METRICS_BY_TASK,
  METRIC_CATALOG,
  assertMetricRanges,
  confusionMatrix,
  defined,
  undefinedMetric
} from "./chunk-RDRUDDB3.js";
import {
  readInput
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/model/inference.ts
import { createHash } from "node:crypto";
async function readModelFile(path) {
  if (await isMlflowModelDir(path)) {
    const mlflow = await readMlflowModel(path);
    const bytes = new Uint8Array(await readInput(mlflow.onnxPath, "ONNX file of the MLflow model"));
    return { ...modelFromBytes(bytes, mlflow.onnxPath), mlflow };
  }
  return modelFromBytes(new Uint8Array(await readInput(path, "model file")), path);
}
function modelFromBytes(bytes, source) {
  const decoded = decodeModel(bytes, source);
  const graph = readThroughZipMap(decoded, bytes);
  return {
    source,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    signature: signatureOf(decoded),
    runBytes: graph.bytes,
    graphClasses: graph.classes,
    labelOutputs: graph.labelOutputs,
    notes: graph.notes
  };
}
function matrixInput(model) {
  const { inputs } = model.signature;
  if (inputs.length !== 1 || inputs[0].shape?.length !== 2 || inputs[0].type === "string") return null;
  const width = inputs[0].shape[1];
  return { input: inputs[0], width: typeof width === "number" ? width : null };
}
function metadataFeatures(model) {
  const raw = model.signature.metadata.feature_names;
  if (!raw) return void 0;
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((n) => typeof n === "string")) return parsed;
  } catch {
  }
  throw new InputError(`${model.source}: metadata feature_names is not a JSON array of column names`);
}
function mlflowFeatures(model) {
  const columns = model.mlflow?.columns;
  if (!columns) return void 0;
  const text = columns.find((c) => !NUMERIC_MLFLOW_TYPES.has(c.type));
  if (text) {
    throw new InputError(
      `${model.source}: the MLflow signature types column "${text.name}" as ${text.type}, but the model's one input is a numeric matrix`
    );
  }
  return columns.map((c) => c.name);
}
var NUMERIC_MLFLOW_TYPES = /* @__PURE__ */ new Set(["double", "float", "long", "integer", "boolean"]);
function needsDataColumns(model, features) {
  const matrix = matrixInput(model);
  if (!matrix || features || (matrix.width ?? 0) <= 1) return false;
  return !metadataFeatures(model) && !mlflowFeatures(model);
}
function planInputs(model, features, dataColumns) {
  const matrix = matrixInput(model);
  if (!matrix) return { kind: "columns", inputs: model.signature.inputs };
  const { input, width } = matrix;
  const fromMetadata = features ? void 0 : metadataFeatures(model);
  const fromMlflow = features || fromMetadata ? void 0 : mlflowFeatures(model);
  const names = features ?? fromMetadata ?? fromMlflow;
  const order = features ? "model.features" : fromMetadata ? "metadata" : "mlflow";
  if (names && (width === null || width === names.length))
    return { kind: "matrix", input, features: names, order };
  if (names && width !== 1) {
    throw new InputError(
      `${model.source}: input "${input.name}" takes ${width} features but ${names.length} feature names are given`
    );
  }
  if (!names && width !== null && width > 1) {
    const candidates = dataColumns?.names.filter((c) => c !== dataColumns.label);
    if (candidates && candidates.length === width) {
      const note = `input "${input.name}" [N, ${width}]: the model names no features, so its columns are ${dataColumns?.source}'s in file order (${candidates.join(", ")}); set model.features (--features) to fix the order`;
      return { kind: "matrix", input, features: candidates, order: "data", note };
    }
    const counted = candidates ? ` and ${dataColumns?.source} has ${candidates.length} columns besides the label` : "";
    throw new InputError(
      `${model.source}: input "${input.name}" is a [N, ${width}] matrix, but the model has no feature_names metadata${counted}; set model.features in mlci.yml (or --features)`
    );
  }
  return { kind: "columns", inputs: model.signature.inputs };
}
function planColumns(plan) {
  return plan.kind === "matrix" ? plan.features : plan.inputs.map((i) => i.name);
}
function planTextColumns(plan) {
  return plan.kind === "columns" ? plan.inputs.filter((i) => i.type === "string").map((i) => i.name) : [];
}
function modelClasses(model) {
  const graph = { classes: model.graphClasses, integerClasses: false };
  return declaredClasses(model.signature.metadata.classes, graph, model.source)?.map(String) ?? null;
}
var ortModule;
function onnxRuntime() {
  ortModule ??= import("./native-IGEQGGP4.js").then((native) => native.loadOnnxRuntime());
  return ortModule;
}
async function planSession(model, task, features, output, dataColumns) {
  checkBatchAxes(model);
  const data = dataColumns && needsDataColumns(model, features) ? await dataColumns() : void 0;
  const plan = planInputs(model, features, data);
  const outputs = planOutput(model, task, output);
  return { model, plan, task, outputs, output: outputs.outputs[0] };
}
function checkBatchAxes(model) {
  for (const input of model.signature.inputs) {
    const batch = input.shape?.[0];
    if (typeof batch !== "number") continue;
    throw new InputError(
      `${model.source}: input "${input.name}" has a fixed batch axis of ${batch} (shape [${(input.shape ?? []).join(", ")}]); mlci runs rows in batches, so the first axis must be dynamic: export it with a symbolic size (dynamic_axes={name: {0: 'N'}} in torch.onnx.export, None in skl2onnx's initial_types; see docs/training-convention.md)`
    );
  }
}
async function openSession(planned) {
  const ort = await onnxRuntime();
  const started = performance.now();
  let session;
  try {
    session = await ort.InferenceSession.create(planned.model.runBytes, { graphOptimizationLevel: "all" });
  } catch (error) {
    throw new InputError(`${planned.model.source}: onnxruntime cannot load the model (${firstLine(error)})`);
  }
  return { ...planned, session, loadMs: performance.now() - started };
}
async function loadSession(model, task, features, output, dataColumns) {
  return openSession(await planSession(model, task, features, output, dataColumns));
}
async function runBatches(sessions, data, batchSize, dataSource, onBatch) {
  const ort = await onnxRuntime();
  const n = data.rowCount;
  const gathered = sessions.map(() => /* @__PURE__ */ new Map());
  const runMs = sessions.map(() => 0);
  if (n > 0) {
    for (const s of sessions) {
      try {
        await s.session.run(buildFeeds(ort, s, data, 0, 1, dataSource), s.outputs.outputs);
      } catch {
      }
    }
  }
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    for (let m = 0; m < sessions.length; m++) {
      const s = sessions[m];
      const feeds = buildFeeds(ort, s, data, start, end, dataSource);
      const began = performance.now();
      let out;
      try {
        out = await s.session.run(feeds, s.outputs.outputs);
      } catch (error) {
        throw new InputError(
          `${s.model.source}: inference failed on rows ${start + 1}–${end} of ${dataSource} (${firstLine(error)})`
        );
      }
      runMs[m] += performance.now() - began;
      for (const name of s.outputs.outputs) gather(s, gathered[m], name, out[name], start, end, n);
    }
    onBatch?.(end);
  }
  return sessions.map((s, m) => {
    if (n === 0) return { values: new Float64Array(0), width: 1, runMs: 0 };
    const chosen = chooseOutput(s.model, s.task, s.outputs, gathered[m], dataSource);
    s.output = chosen.name;
    s.choice = { name: chosen.name, reason: chosen.reason };
    return { values: chosen.values, width: chosen.width, runMs: runMs[m] };
  });
}
function gather(s, into, name, out, start, end, n) {
  const rows = end - start;
  const width = out.dims.length >= 2 ? Number(out.dims[out.dims.length - 1]) : 1;
  if (out.dims.length > 0 && Number(out.dims[0]) !== rows) {
    throw new InputError(
      `${s.model.source}: output "${name}" has ${out.dims[0]} rows for a batch of ${rows}`
    );
  }
  if (out.dims.length > 2 || out.data.length !== rows * width) {
    throw new InputError(
      `${s.model.source}: output "${name}" has shape [${out.dims.join(", ")}]; mlci reads [N] or [N, C]`
    );
  }
  let r = into.get(name);
  if (!r) {
    r = { values: new Float64Array(n * width), width };
    into.set(name, r);
  } else if (r.width !== width) {
    throw new InputError(`${s.model.source}: output "${name}" changed width between batches`);
  }
  r.values.set(out.data, start * width);
}
function buildFeeds(ort, s, data, start, end, source) {
  const rows = end - start;
  if (s.plan.kind === "matrix") {
    const { features, input } = s.plan;
    const width = features.length;
    const buffer = new Float64Array(rows * width);
    for (let f = 0; f < width; f++) {
      const column = numericColumn(data, features[f], source, s.model.source);
      for (let i = 0; i < rows; i++) buffer[i * width + f] = column[start + i];
    }
    const where = (k) => `row ${start + Math.floor(k / width) + 1}, column "${features[k % width]}"`;
    return { [input.name]: typedTensor(ort, input, buffer, [rows, width], where, source, s.model.source) };
  }
  const feeds = {};
  for (const input of s.plan.inputs) {
    const dims = input.shape && input.shape.length === 2 ? [rows, 1] : [rows];
    feeds[input.name] = columnTensor(ort, input, data, start, end, dims, source, s.model.source);
  }
  return feeds;
}
function columnTensor(ort, input, data, start, end, dims, source, model) {
  const name = input.name;
  if (input.type === "string") {
    const text = data.text[name];
    const numbers = data.numeric[name];
    const out = [];
    for (let i = start; i < end; i++)
      out.push(text ? text[i] ?? "" : Number.isNaN(numbers[i]) ? "" : String(numbers[i]));
    return new ort.Tensor("string", out, dims);
  }
  const column = numericColumn(data, name, source, model);
  const where = (k) => `row ${start + k + 1}, column "${name}"`;
  return typedTensor(ort, input, column.subarray(start, end), dims, where, source, model);
}
var INTEGER_RANGE = {
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  bool: [0, 1]
};
function typedTensor(ort, input, values, dims, where, source, model) {
  if (input.type === "float") return new ort.Tensor("float32", Float32Array.from(values), dims);
  if (input.type === "double") return new ort.Tensor("float64", Float64Array.from(values), dims);
  const range = INTEGER_RANGE[input.type];
  if (!range) {
    throw new InputError(
      `${model}: input "${input.name}" has type ${input.type}, which mlci cannot feed (float, double, int64, int32, bool, string)`
    );
  }
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isInteger(v) || v < range[0] || v > range[1]) {
      const expected = input.type === "bool" ? "0 or 1" : `a whole number in ${input.type}'s range`;
      throw new InputError(
        `${source}: ${where(k)}: ${Number.isNaN(v) ? "missing" : v} is not ${expected}, but ${model} takes ${input.type} (input "${input.name}")`
      );
    }
  }
  if (input.type === "int64")
    return new ort.Tensor(
      "int64",
      BigInt64Array.from(values, (v) => BigInt(v)),
      dims
    );
  if (input.type === "int32") return new ort.Tensor("int32", Int32Array.from(values), dims);
  return new ort.Tensor("bool", Uint8Array.from(values), dims);
}
function numericColumn(data, name, source, model) {
  const column = data.numeric[name];
  if (column) return column;
  const text = data.text[name];
  if (text) return parsedText(text, name, source, model);
  throw new InputError(`${source}: missing column "${name}" that ${model} needs`);
}
var DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
var parsedColumns = /* @__PURE__ */ new WeakMap();
function parsedText(text, name, source, model) {
  let out = parsedColumns.get(text);
  if (out) return out;
  out = new Float64Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const v = text[i];
    if (v === null || v.trim() === "") out[i] = NaN;
    else if (DECIMAL.test(v)) out[i] = Number(v);
    else
      throw new InputError(
        `${source}: column "${name}" is text (row ${i + 1} is ${JSON.stringify(v)}), but ${model} takes it as a number`
      );
  }
  parsedColumns.set(text, out);
  return out;
}
function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}

// src/evaluation/metrics/calibration.ts
var CALIBRATION_BINS = 10;
function calibrationEdges(binCount = CALIBRATION_BINS) {
  const step = 1 / binCount;
  return Array.from({ length: binCount - 1 }, (_, i) => (i + 1) * step);
}
function calibrationBin(v, inner) {
  const guess = Math.floor(v * (inner.length + 1));
  let b = guess > 0 ? Math.min(guess, inner.length) : 0;
  while (b > 0 && !(inner[b - 1] < v)) b--;
  while (b < inner.length && inner[b] < v) b++;
  return b;
}
function eceFromBins(rows, sums, hits) {
  let ece = 0;
  let total = 0;
  for (let b = 0; b < rows.length; b++) {
    const n = rows[b];
    total += n;
    if (n > 0) ece += n * Math.abs(hits[b] / n - sums[b] / n);
  }
  return total > 0 ? ece / total : null;
}
function calibration(confidence, hit, of, binCount = CALIBRATION_BINS, weights = null) {
  const inner = calibrationEdges(binCount);
  const rows = new Float64Array(binCount);
  const sums = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  for (let i = 0; i < confidence.length; i++) {
    const w = weights === null ? 1 : weights[i];
    const b = calibrationBin(confidence[i], inner);
    rows[b] += w;
    sums[b] += w * confidence[i];
    hits[b] += w * hit[i];
  }
  const bins = [];
  for (let b = 0; b < binCount; b++) {
    const n = rows[b];
    bins.push({
      lower: b === 0 ? 0 : inner[b - 1],
      upper: b === binCount - 1 ? 1 : inner[b],
      rows: n,
      mean_predicted: n > 0 ? sums[b] / n : null,
      fraction_positive: n > 0 ? hits[b] / n : null
    });
  }
  return { expected_calibration_error: eceFromBins(rows, sums, hits), of, bins };
}

// src/evaluation/metrics/sort.ts
function descendingOrder(scores) {
  const n = scores.length;
  let single = true;
  for (let i = 0; i < n; i++) {
    if (Math.fround(scores[i]) !== scores[i]) {
      single = false;
      break;
    }
  }
  if (single) return descendingOrder32(scores);
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let l = bits[2 * i];
    let h = bits[2 * i + 1];
    if (h & 2147483648) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 2147483648) >>> 0;
    }
    lo[i] = ~l >>> 0;
    hi[i] = ~h >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? lo : hi;
    const shift = pass % 2 * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[keys[order[i]] >>> shift & 65535]++;
    let running = 0;
    let single2 = false;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      if (c === n) single2 = true;
      counts[d] = running;
      running += c;
    }
    if (single2) continue;
    for (let i = 0; i < n; i++) {
      const row = order[i];
      next[counts[keys[row] >>> shift & 65535]++] = row;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
function descendingOrder32(scores) {
  const n = scores.length;
  const f32 = Float32Array.from(scores);
  const bits = new Uint32Array(f32.buffer);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    const sortable = b & 2147483648 ? ~b >>> 0 : (b | 2147483648) >>> 0;
    keys[i] = ~sortable >>> 0;
  }
  const counts = new Uint32Array(65536);
  const first = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[keys[i] & 65535]++;
  let running = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d];
    counts[d] = running;
    running += c;
  }
  for (let i = 0; i < n; i++) first[counts[keys[i] & 65535]++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i] >>> 16]++;
  running = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d];
    counts[d] = running;
    running += c;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const row = first[i];
    order[counts[keys[row] >>> 16]++] = row;
  }
  return order;
}

// src/evaluation/curves.ts
function binaryCounts(scores, positive, order) {
  const n = order.length;
  const fps = new Float64Array(n);
  const tps = new Float64Array(n);
  const thresholds = new Float64Array(n);
  let m = 0;
  let tp = 0;
  let fp = 0;
  let score = n > 0 ? scores[order[0]] : NaN;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    if (positive[row] === 1) tp++;
    else fp++;
    const next = k + 1 < n ? scores[order[k + 1]] : NaN;
    if (next !== score) {
      tps[m] = tp;
      fps[m] = fp;
      thresholds[m++] = score;
    }
    score = next;
  }
  return { fps: fps.subarray(0, m), tps: tps.subarray(0, m), thresholds: thresholds.subarray(0, m) };
}
function rocPoints(counts) {
  let { fps, tps, thresholds } = counts;
  const m = fps.length;
  if (m > 2) {
    const keep = new Int32Array(m);
    let kept = 0;
    keep[kept++] = 0;
    for (let i = 1; i < m - 1; i++) {
      const dfp = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const dtp = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (dfp !== 0 || dtp !== 0) keep[kept++] = i;
    }
    keep[kept++] = m - 1;
    const pick = (from) => {
      const out = new Float64Array(kept);
      for (let j = 0; j < kept; j++) out[j] = from[keep[j]];
      return out;
    };
    fps = pick(fps);
    tps = pick(tps);
    thresholds = pick(thresholds);
  }
  const totalFp = fps.length > 0 ? fps[fps.length - 1] : 0;
  const totalTp = tps.length > 0 ? tps[tps.length - 1] : 0;
  const fpr = new Float64Array(fps.length + 1);
  const tpr = new Float64Array(tps.length + 1);
  for (let i = 0; i <= fps.length; i++) {
    fpr[i] = totalFp > 0 ? (i === 0 ? 0 : fps[i - 1]) / totalFp : NaN;
    tpr[i] = totalTp > 0 ? (i === 0 ? 0 : tps[i - 1]) / totalTp : NaN;
  }
  const th = new Float64Array(thresholds.length > 0 ? thresholds.length + 1 : 0);
  if (thresholds.length > 0) {
    th[0] = thresholds[0] + 1;
    th.set(thresholds, 1);
  }
  return { fpr, tpr, thresholds: th };
}
function precisionRecallPoints(counts) {
  const { fps, tps, thresholds } = counts;
  const m = tps.length;
  const totalTp = m > 0 ? tps[m - 1] : 0;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    precision[i] = tps[j] + fps[j] !== 0 ? tps[j] / (tps[j] + fps[j]) : 0;
    recall[i] = totalTp === 0 ? 1 : tps[j] / totalTp;
    th[i] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}
function downsampleIndices(xs, ys, max = 200) {
  const n = xs.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const cumulative = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const dx = xs[i] - xs[i - 1];
    const dy = ys[i] - ys[i - 1];
    const step = Math.sqrt(dx * dx + dy * dy);
    cumulative[i] = cumulative[i - 1] + (Number.isFinite(step) ? step : 0);
  }
  const total = cumulative[n - 1];
  const targets = Math.max(2, Math.floor(max / 2));
  const spacing = total / (targets - 1);
  const picked = /* @__PURE__ */ new Set([0, n - 1]);
  let j = 0;
  for (let k = 1; k < targets - 1; k++) {
    if (total > 0) {
      const target = spacing * k;
      while (j < n - 1 && cumulative[j] < target) j++;
      picked.add(j);
      if (j > 0 && cumulative[j] - cumulative[j - 1] > spacing) picked.add(j - 1);
    } else {
      picked.add(Math.round(k * (n - 1) / (targets - 1)));
    }
  }
  if (total > 0 && cumulative[n - 1] - cumulative[n - 2] > spacing) picked.add(n - 2);
  return [...picked].sort((a, b) => a - b);
}
function downsampleRoc(curve, max = 200) {
  const keep = downsampleIndices(curve.fpr, curve.tpr, max);
  return {
    fpr: keep.map((i) => curve.fpr[i]),
    tpr: keep.map((i) => curve.tpr[i]),
    thresholds: keep.map((i) => curve.thresholds[i])
  };
}
function downsamplePrecisionRecall(curve, max = 200) {
  const keep = downsampleIndices(curve.recall, curve.precision, max);
  return {
    precision: keep.map((i) => curve.precision[i]),
    recall: keep.map((i) => curve.recall[i]),
    // The last point has no threshold (it is the curve's end, not a cut).
    thresholds: keep.filter((i) => i < curve.thresholds.length).map((i) => curve.thresholds[i])
  };
}
function chartCurves(scores, positive, order, max = 200) {
  const counts = binaryCounts(scores, positive, order ?? descendingOrder(scores));
  return {
    roc: downsampleRoc(rocPoints(counts), max),
    pr: downsamplePrecisionRecall(precisionRecallPoints(counts), max)
  };
}

// src/evaluation/evaluate-model.ts
function toPredictions(task, session, outputs, data, label, dataSource, threshold) {
  const source = session.model.source;
  const { values, width } = outputs;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      throw new InputError(
        `${source}: output "${session.output}" is NaN for row ${Math.floor(i / width) + 1} of ${dataSource} (missing feature values?)`
      );
    }
  }
  if (task === "regression") {
    if (width !== 1) throw new InputError(`${source}: a regressor must give one value per row, got ${width}`);
    const y2 = data.numeric[label];
    if (!y2) throw new InputError(`${dataSource}: label column "${label}" must be numeric for regression`);
    const bad = y2.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new InputError(
        Number.isNaN(y2[bad]) ? `${dataSource}: row ${bad + 1} has no label in column "${label}"` : `${dataSource}: row ${bad + 1}, column "${label}": the label is ${y2[bad]}; a regression label must be a finite number`
      );
    return { task, y: y2, pred: values };
  }
  let classes = width;
  if (task === "binary" && width > 2) {
    throw new InputError(
      `${source}: task is binary but output "${session.output}" has ${classes} classes; use --task multiclass`
    );
  }
  if (task === "multiclass" && classes < 2)
    throw new InputError(
      `${source}: output "${session.output}" has ${classes} column; a classifier needs probabilities [N, C]`
    );
  if (task === "binary") classes = 2;
  const declared = modelClasses(session.model) ?? Array.from({ length: classes }, (_, i) => String(i));
  if (declared.length !== classes) {
    throw new InputError(
      `${source}: metadata names ${declared.length} classes but output "${session.output}" has ${width} column${width === 1 ? "" : "s"}`
    );
  }
  const { labels: names, proba } = task === "binary" ? binaryProbabilities(declared, values, width) : { labels: declared, proba: values };
  const labelValues = data.numeric[label] ?? data.text[label];
  const y = encodeLabels(labelValues, names, `${dataSource}, column "${label}"`);
  return { task, labels: names, y, proba, pred: predictedClasses(proba, classes, threshold) };
}
function binaryProbabilities(declared, values, width) {
  if (width === 2) return positiveLast(declared, values);
  const labels = positiveClassIndex(declared) === 1 ? declared : [declared[1], declared[0]];
  const proba = new Float64Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    proba[2 * i] = 1 - values[i];
    proba[2 * i + 1] = values[i];
  }
  return { labels, proba };
}
function splitResults(results) {
  const values = {};
  const reasons = {};
  const notes = {};
  for (const [name, r] of Object.entries(results)) {
    values[name] = r.value;
    if (r.reason) reasons[name] = r.reason;
    if (r.note) notes[name] = r.note;
  }
  return { values, reasons, notes };
}
function calibrationOf(p) {
  const inputs = calibrationInputs(p);
  if (!inputs) return null;
  return calibration(
    inputs.confidence,
    inputs.hit,
    p.task === "binary" ? "positive_probability" : "top_class_confidence"
  );
}
var calibrationCache = /* @__PURE__ */ new WeakMap();
function calibrationInputs(p) {
  if (p.task === "regression") return null;
  const cached = calibrationCache.get(p);
  if (cached) return cached;
  const C = p.labels.length;
  const n = p.y.length;
  const confidence = new Float64Array(n);
  const hit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (p.task === "binary") {
      confidence[i] = p.proba[i * 2 + 1];
      hit[i] = p.y[i] === 1 ? 1 : 0;
    } else {
      confidence[i] = p.proba[i * C + p.pred[i]];
      hit[i] = p.y[i] === p.pred[i] ? 1 : 0;
    }
  }
  calibrationCache.set(p, { confidence, hit });
  return { confidence, hit };
}
function curvesOf(p, order) {
  if (p.task !== "binary") return null;
  const n = p.y.length;
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    scores[i] = p.proba[i * 2 + 1];
    positive[i] = p.y[i] === 1 ? 1 : 0;
    positives += positive[i];
  }
  return positives === 0 || positives === n ? null : chartCurves(scores, positive, order);
}
function modelReport(session, predictions, scorer, outputs, batchSize, latency) {
  const [results] = scorer.score();
  const { values, reasons, notes } = splitResults(results);
  const cal = calibrationOf(predictions);
  const rows = scorer.rows;
  const msPer1000 = latency && latency.passes > 0 ? latency.median : rows > 0 ? outputs.runMs / rows * 1e3 : 0;
  if (cal) values.expected_calibration_error = cal.expected_calibration_error;
  values.latency_ms_per_1000_rows = round(msPer1000, 4);
  values.model_size_bytes = session.model.bytes.length;
  assertMetricRanges(values, session.model.source);
  let confusion = null;
  if (predictions.task !== "regression") {
    const C = predictions.labels.length;
    const cm = new Float64Array(C * C);
    for (let i = 0; i < predictions.y.length; i++) cm[predictions.y[i] * C + predictions.pred[i]]++;
    confusion = confusionMatrix(cm, predictions.labels);
  }
  return {
    source: session.model.source,
    sha256: session.model.sha256,
    size_bytes: session.model.bytes.length,
    metrics: values,
    undefined_reasons: reasons,
    notes,
    confusion_matrix: confusion,
    calibration: cal,
    curves: curvesOf(predictions, predictions.task === "binary" ? scorer.ranking?.(1).order : void 0),
    inference: {
      load_ms: round(session.loadMs, 2),
      ms_per_1000_rows: round(msPer1000, 4),
      batch_size: batchSize,
      ...latency && latency.passes > 0 ? { latency: roundSpread(latency) } : {}
    },
    ...session.choice ? { output: session.choice } : {}
  };
}
function roundSpread(s) {
  return { median: round(s.median, 4), low: round(s.low, 4), high: round(s.high, 4), passes: s.passes };
}
function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// src/evaluation/metrics/probabilistic.ts
var LOG_LOSS_EPS = 2 ** -52;
function logLossTerms(y, proba, classes) {
  const out = new Float64Array(y.length);
  const hi = 1 - LOG_LOSS_EPS;
  for (let i = 0; i < y.length; i++) {
    const base = i * classes;
    let sum = 0;
    let own = 0;
    for (let c = 0; c < classes; c++) {
      let p = proba[base + c];
      p = p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
      sum += p;
      if (c === y[i]) own = p;
    }
    out[i] = -Math.log(own / sum);
  }
  return out;
}
function brierTerms(y, proba) {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const d = (y[i] === 1 ? 1 : 0) - proba[i * 2 + 1];
    out[i] = d * d;
  }
  return out;
}
function logLoss(sum, rows, classes) {
  if (classes < 2) return undefinedMetric("log loss needs at least two classes");
  return rows > 0 ? defined(sum / rows) : undefinedMetric("no rows");
}
function brierScoreLoss(sum, rows) {
  return rows > 0 ? defined(sum / rows) : undefinedMetric("no rows");
}

// src/evaluation/metrics/ranking.ts
function rankingPass(input, positivesPerGroup, groupOf, weights) {
  const groups = positivesPerGroup.length;
  const { order, scores, positive } = input;
  if (groupOf === null && weights === null) {
    const p = positivesPerGroup[0];
    let t = 0;
    let f = 0;
    let t0 = 0;
    let f0 = 0;
    let a = 0;
    let s = 0;
    const n = order.length;
    const { sortedPositive, lastOfTie } = input;
    for (let k = 0; k < n; k++) {
      const isPositive = sortedPositive ? sortedPositive[k] : positive[order[k]];
      if (isPositive === 1) t++;
      else f++;
      if (lastOfTie ? lastOfTie[k] === 1 : k === n - 1 || scores[order[k]] !== scores[order[k + 1]]) {
        a += (f - f0) * (t + t0);
        if (p > 0 && t !== t0) s += (t / p - t0 / p) * (t / (t + f));
        t0 = t;
        f0 = f;
      }
    }
    const one = (v) => Float64Array.of(v);
    return { positives: one(t), negatives: one(f), doubleArea: one(a), averagePrecision: one(s) };
  }
  const state = newState(groups);
  if (input.sortedPositive && input.lastOfTie && groupOf !== null && groups < 255)
    return groupedPass(input, positivesPerGroup, groupOf, weights, state);
  const { tp, fp } = state;
  const last = new Float64Array(groups).fill(NaN);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const g = groupOf === null ? 0 : groupOf[row];
    if (g < 0) continue;
    const w = weights === null ? 1 : weights[row];
    if (w === 0) continue;
    const score = scores[row];
    if (score !== last[g]) {
      if (last[g] === last[g]) closeThreshold(state, g, positivesPerGroup[g]);
      last[g] = score;
    }
    if (positive[row] === 1) tp[g] += w;
    else fp[g] += w;
  }
  for (let g = 0; g < groups; g++) if (last[g] === last[g]) closeThreshold(state, g, positivesPerGroup[g]);
  return totalsOf(state);
}
function groupedPass(input, positivesPerGroup, groupOf, weights, state) {
  const groups = positivesPerGroup.length;
  const { order, sortedPositive, lastOfTie } = input;
  const { tp, fp } = state;
  const n = order.length;
  const code = new Uint8Array(n);
  for (let i = 0; i < n; i++) code[i] = groupOf[i] + 1;
  const lastTie = new Float64Array(groups).fill(-1);
  let tie = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    const c = code[row];
    const w = weights === null ? 1 : weights[row];
    if (c !== 0 && w !== 0) {
      const g = c - 1;
      if (lastTie[g] !== tie) {
        if (lastTie[g] >= 0) closeThreshold(state, g, positivesPerGroup[g]);
        lastTie[g] = tie;
      }
      if (sortedPositive[k] === 1) tp[g] += w;
      else fp[g] += w;
    }
    tie += lastOfTie[k];
  }
  for (let g = 0; g < groups; g++) if (lastTie[g] >= 0) closeThreshold(state, g, positivesPerGroup[g]);
  return totalsOf(state);
}
function newState(groups) {
  const make = () => new Float64Array(groups);
  return { tp: make(), fp: make(), tp0: make(), fp0: make(), area: make(), ap: make() };
}
function closeThreshold(s, g, positives) {
  const { tp, fp, tp0, fp0 } = s;
  s.area[g] += (fp[g] - fp0[g]) * (tp[g] + tp0[g]);
  if (positives > 0 && tp[g] !== tp0[g])
    s.ap[g] += (tp[g] / positives - tp0[g] / positives) * (tp[g] / (tp[g] + fp[g]));
  tp0[g] = tp[g];
  fp0[g] = fp[g];
}
function totalsOf(s) {
  return { positives: s.tp, negatives: s.fp, doubleArea: s.area, averagePrecision: s.ap };
}
function rocAucScore(totals, g = 0) {
  const p = totals.positives[g];
  const n = totals.negatives[g];
  if (p === 0 || n === 0)
    return undefinedMetric(
      `only one class present in the labels (${p === 0 ? "no positives" : "no negatives"})`
    );
  return defined(totals.doubleArea[g] / (2 * p * n));
}
function averagePrecisionScore(totals, g = 0) {
  if (totals.positives[g] === 0) return undefinedMetric("no positive label in the data");
  return defined(totals.averagePrecision[g]);
}

// src/evaluation/metrics/scorer.ts
function createScorer(predictions) {
  return predictions.task === "regression" ? regressionScorer(predictions) : classificationScorer(predictions);
}
function confusionMetrics(task) {
  const out = [];
  for (const m of METRIC_CATALOG)
    if (m.source.from === "confusion" && m.tasks.includes(task)) out.push([m.name, m.source.fn]);
  return out;
}
function regressionMetrics() {
  const out = [];
  for (const m of METRIC_CATALOG) if (m.source.from === "regression") out.push([m.name, m.source.fn]);
  return out;
}
function wants(only, ...names) {
  return !only || names.some((n) => only.has(n));
}
function rowsSumToOne(proba, classes) {
  for (let i = 0; i < proba.length; i += classes) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += proba[i + c];
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) return false;
  }
  return true;
}
function classificationScorer(p) {
  const C = p.labels.length;
  const n = p.y.length;
  let logTerms;
  let brier;
  let sumsToOne;
  const rankings = /* @__PURE__ */ new Map();
  const ranking = (c) => {
    let r = rankings.get(c);
    if (!r) {
      const scores = new Float64Array(n);
      const positive = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        scores[i] = p.proba[i * C + c];
        positive[i] = p.y[i] === c ? 1 : 0;
      }
      const order = descendingOrder(scores);
      const sortedPositive = new Uint8Array(n);
      const lastOfTie = new Uint8Array(n);
      let score = n > 0 ? scores[order[0]] : NaN;
      for (let k = 0; k < n; k++) {
        sortedPositive[k] = positive[order[k]];
        const next = k + 1 < n ? scores[order[k + 1]] : NaN;
        lastOfTie[k] = k === n - 1 || score !== next ? 1 : 0;
        score = next;
      }
      r = { order, scores, positive, sortedPositive, lastOfTie };
      rankings.set(c, r);
    }
    return r;
  };
  const binary = p.task === "binary";
  const fromConfusion = confusionMetrics(p.task);
  return {
    task: p.task,
    rows: n,
    classes: C,
    ranking,
    probabilisticTerms() {
      logTerms ??= logLossTerms(p.y, p.proba, C);
      if (binary) brier ??= brierTerms(p.y, p.proba);
      return { log: logTerms, brier: brier ?? null };
    },
    correctness() {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = p.y[i] === p.pred[i] ? 1 : 0;
      return out;
    },
    score(options = {}) {
      const { groupOf = null, weights = null, only } = options;
      const G = options.groups ?? 1;
      const needLog = wants(only, "log_loss");
      const needBrier = binary && wants(only, "brier_score");
      if (needLog) logTerms ??= logLossTerms(p.y, p.proba, C);
      if (needBrier) brier ??= brierTerms(p.y, p.proba);
      const cm = new Float64Array(G * C * C);
      const rows = new Float64Array(G);
      const logSum = new Float64Array(G);
      const brierSum = new Float64Array(G);
      const { y, pred } = p;
      const CC = C * C;
      if (groupOf === null && !needLog && !needBrier) {
        for (let i = 0; i < n; i++) {
          const w = weights === null ? 1 : weights[i];
          cm[y[i] * C + pred[i]] += w;
        }
        for (let k = 0; k < CC; k++) rows[0] += cm[k];
      } else {
        for (let i = 0; i < n; i++) {
          const g = groupOf === null ? 0 : groupOf[i];
          if (g < 0) continue;
          const w = weights === null ? 1 : weights[i];
          if (w === 0) continue;
          cm[g * CC + y[i] * C + pred[i]] += w;
          rows[g] += w;
          if (needLog) logSum[g] += w * logTerms[i];
          if (needBrier) brierSum[g] += w * brier[i];
        }
      }
      const results = [];
      for (let g = 0; g < G; g++) results.push({});
      const classRows = (g, c) => {
        let s = 0;
        for (let j = 0; j < C; j++) s += cm[g * CC + c * C + j];
        return s;
      };
      if (binary && wants(only, "roc_auc", "average_precision")) {
        const positives = new Float64Array(G);
        for (let g = 0; g < G; g++) positives[g] = classRows(g, 1);
        const totals = rankingPass(ranking(1), positives, groupOf, weights);
        for (let g = 0; g < G; g++) {
          results[g].roc_auc = rocAucScore(totals, g);
          results[g].average_precision = averagePrecisionScore(totals, g);
        }
      }
      if (!binary && wants(only, "roc_auc_ovr")) {
        sumsToOne ??= rowsSumToOne(p.proba, C);
        const perClass = [];
        if (sumsToOne) {
          for (let c = 0; c < C; c++) {
            const positives = new Float64Array(G);
            for (let g = 0; g < G; g++) positives[g] = classRows(g, c);
            perClass.push(rankingPass(ranking(c), positives, groupOf, weights));
          }
        }
        for (let g = 0; g < G; g++) results[g].roc_auc_ovr = rocAucOvr(perClass, g, sumsToOne, p.labels);
      }
      for (let g = 0; g < G; g++) {
        const m = cm.subarray(g * CC, (g + 1) * CC);
        const r = results[g];
        for (const [name, fn] of fromConfusion) if (wants(only, name)) r[name] = fn(m, C);
        if (needBrier) r.brier_score = brierScoreLoss(brierSum[g], rows[g]);
        if (needLog) r.log_loss = logLoss(logSum[g], rows[g], C);
      }
      return results.map((r) => ordered(r, p.task));
    }
  };
}
function rocAucOvr(perClass, g, sumsToOne, labels) {
  if (!sumsToOne) return undefinedMetric("the probabilities of some rows do not sum to 1");
  let sum = 0;
  for (let c = 0; c < perClass.length; c++) {
    const auc = rocAucScore(perClass[c], g);
    if (auc.value === null) return undefinedMetric(`class ${labels[c]}: ${auc.reason}`);
    sum += auc.value;
  }
  return defined(sum / perClass.length);
}
function ordered(results, task) {
  const out = {};
  for (const name of METRICS_BY_TASK[task]) if (results[name]) out[name] = results[name];
  return out;
}
function regressionScorer(p) {
  const n = p.y.length;
  const fromSums = regressionMetrics();
  return {
    task: "regression",
    rows: n,
    score(options = {}) {
      const { groupOf = null, weights = null, only } = options;
      const G = options.groups ?? 1;
      const rows = new Float64Array(G);
      const sumY = new Float64Array(G);
      const se = new Float64Array(G);
      const ae = new Float64Array(G);
      const ape = new Float64Array(G);
      const { y, pred } = p;
      for (let i = 0; i < n; i++) {
        const g = groupOf === null ? 0 : groupOf[i];
        if (g < 0) continue;
        const w = weights === null ? 1 : weights[i];
        if (w === 0) continue;
        const d = y[i] - pred[i];
        const a = Math.abs(pred[i] - y[i]);
        const ay = Math.abs(y[i]);
        rows[g] += w;
        sumY[g] += w * y[i];
        se[g] += w * (d * d);
        ae[g] += w * a;
        ape[g] += w * (a / (ay > MAPE_EPS ? ay : MAPE_EPS));
      }
      const tss = new Float64Array(G);
      if (wants(only, "r2")) {
        const mean = sumY.map((s, g) => s / rows[g]);
        for (let i = 0; i < n; i++) {
          const g = groupOf === null ? 0 : groupOf[i];
          if (g < 0) continue;
          const w = weights === null ? 1 : weights[i];
          if (w === 0) continue;
          const d = y[i] - mean[g];
          tss[g] += w * (d * d);
        }
      }
      const results = [];
      for (let g = 0; g < G; g++) {
        const s = {
          rows: rows[g],
          squaredError: se[g],
          absoluteError: ae[g],
          absolutePercentageError: ape[g],
          totalSquares: tss[g]
        };
        const r = {};
        for (const [name, fn] of fromSums) if (wants(only, name)) r[name] = fn(s);
        results.push(r);
      }
      return results;
    }
  };
}

export {
  readModelFile,
  modelFromBytes,
  planColumns,
  planTextColumns,
  modelClasses,
  planSession,
  openSession,
  loadSession,
  runBatches,
  CALIBRATION_BINS,
  calibrationEdges,
  calibrationBin,
  eceFromBins,
  toPredictions,
  splitResults,
  calibrationInputs,
  modelReport,
  logLoss,
  brierScoreLoss,
  createScorer
};
