import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/model/outputs.ts
var ROW_SUM_TOLERANCE = 1e-4;
var NAMED = "probabilities";
var PROBABILITY_NAMES = [NAMED, "output_probability"];
var NAN = "NaN";
var CONVENTION = "docs/training-convention.md";
function isFloat(o) {
  return o.type === "float" || o.type === "double";
}
function describeOutput(o) {
  const dims = o.shape ? `[${o.shape.map((d) => d ?? "?").join(", ")}]` : "";
  return `"${o.name}" ${o.type}${dims ? ` ${dims}` : ""}`;
}
var LABEL_NAME = /(^|[^a-z0-9])labels?(:\d+)?$/i;
function labelOutput(model, o) {
  if (model.labelOutputs?.includes(o.name))
    return "the graph makes it with ArgMax or as a classifier's label";
  return LABEL_NAME.test(o.name) ? "its name says it holds class labels" : null;
}
function listOutputs(model) {
  return model.signature.outputs.map(describeOutput).join(", ");
}
function planOutput(model, task, explicit) {
  const outputs = model.signature.outputs;
  if (explicit !== void 0) {
    const found = outputs.find((o) => o.name === explicit);
    if (!found)
      throw new InputError(
        `--output: ${model.source} has no output "${explicit}"; its outputs: ${listOutputs(model)}`
      );
    if (!isFloat(found))
      throw new InputError(
        `--output: output ${describeOutput(found)} of ${model.source} is not a float tensor; mlci reads predictions from float outputs`
      );
    const label = task === "regression" ? null : labelOutput(model, found);
    if (label)
      throw new InputError(
        `--output: output ${describeOutput(found)} of ${model.source} holds predicted class labels (${label}), not probabilities; mlci scores a classifier on its class probabilities and never reads a label output (see ${CONVENTION})`
      );
    return { rule: "fixed", outputs: [explicit], reason: "named by --output" };
  }
  const float = outputs.filter(isFloat);
  if (task === "regression") {
    if (float.length === 0)
      throw new InputError(
        `${model.source}: no float output to read predictions from; its outputs: ${listOutputs(model)}`
      );
    return { rule: "fixed", outputs: [float[0].name], reason: "the first float output (a regressor)" };
  }
  for (const name of PROBABILITY_NAMES) {
    if (float.some((o) => o.name === name))
      return { rule: "fixed", outputs: [name], reason: `the output named "${name}"` };
  }
  const labels = [];
  const scores = float.filter((o) => {
    const why = labelOutput(model, o);
    if (why) labels.push(`"${o.name}" (class labels: ${why})`);
    return !why;
  });
  const rank = (o) => o.shape?.length ?? null;
  const width = (o) => o.shape && o.shape.length === 2 ? o.shape[1] : null;
  const matrices = scores.filter((o) => (rank(o) === 2 || rank(o) === null) && width(o) !== 1);
  const columns = task === "binary" ? scores.filter((o) => !matrices.includes(o)) : [];
  const candidates = [...matrices, ...columns];
  if (candidates.length === 0) {
    const hint = outputs.some((o) => o.type === "sequence" || o.type === "map") ? " (probabilities as a sequence of maps: export without ZipMap)" : "";
    const skipped = labels.length > 0 ? `; not read: ${labels.join(", ")}` : "";
    throw new InputError(
      `${model.source}: no float probability output [N, C] found${hint}${skipped}; its outputs: ${listOutputs(model)} (see ${CONVENTION})`
    );
  }
  return {
    rule: "search",
    outputs: candidates.map((o) => o.name),
    reason: `no output is named "${NAMED}"`,
    ...labels.length > 0 ? { labels } : {}
  };
}
function probabilityProblem(out, options = {}) {
  const { values, width } = out;
  for (let start = 0; start < values.length; start += width) {
    let sum = 0;
    let why = null;
    for (let c = 0; c < width; c++) {
      const v = values[start + c];
      if (Number.isNaN(v)) why = NAN;
      else if (!Number.isFinite(v)) why = `${v} is not a finite number`;
      else if (v < 0 || v > 1) why = "values outside [0, 1]";
      if (why) break;
      sum += v;
    }
    if (why === NAN && options.skipNaNRows) continue;
    if (!why && width > 1 && !(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE))
      why = `the row sums to ${Number(sum.toPrecision(6))}, not 1`;
    if (why) {
      const row = Array.from(
        values.subarray(start, start + Math.min(width, 6)),
        (v) => Number(v.toPrecision(6))
      );
      return { row: start / width + 1, values: row, why };
    }
  }
  return null;
}
function hardLabels(values) {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}
function problemText(name, width, p) {
  const more = width > p.values.length ? ", …" : "";
  return `"${name}" [N, ${width}] row ${p.row} is (${p.values.join(", ")}${more}): ${p.why}`;
}
function fixHint(model, task) {
  const others = model.signature.outputs.length > 1 ? `pick the output that holds them with --output NAME, or ` : "";
  const regressor = task === "binary" ? "; a regressor is evaluated with --task regression" : "";
  return `${others}export class probabilities (after softmax or sigmoid, each row summing to 1) as the output named "${NAMED}" (see ${CONVENTION})${regressor}`;
}
function chooseOutput(model, task, plan, fetched, dataSource) {
  const get = (name) => fetched.get(name);
  if (task === "regression") {
    const out = get(plan.outputs[0]);
    for (let i = 0; i < out.values.length; i++) {
      if (!Number.isFinite(out.values[i]) && !Number.isNaN(out.values[i]))
        throw new InputError(
          `${model.source}: output "${plan.outputs[0]}" is ${out.values[i]} for row ${Math.floor(i / out.width) + 1} of ${dataSource}`
        );
    }
    return { name: plan.outputs[0], reason: plan.reason, ...out };
  }
  const problems = [...plan.labels ?? []];
  for (const name of plan.outputs) {
    const out = get(name);
    const problem = probabilityProblem(out);
    if (!problem && plan.rule === "search" && out.width === 1 && hardLabels(out.values)) {
      problems.push(`"${name}" [N, 1] holds only 0 and 1 (class labels, not probabilities)`);
      continue;
    }
    if (!problem) {
      const oneColumn = out.width === 1 ? "; one column, read as p(positive class)" : "";
      const reason = plan.rule === "fixed" ? plan.reason : `${plan.reason}; the first float output whose values are probabilities` + (problems.length > 0 ? ` (skipped ${problems.join("; ")})` : "");
      return { name, reason: reason + oneColumn, ...out };
    }
    if (problem.why === NAN) {
      throw new InputError(
        `${model.source}: output "${name}" is NaN for row ${problem.row} of ${dataSource} (missing feature values?)`
      );
    }
    problems.push(problemText(name, out.width, problem));
  }
  const what = plan.rule === "fixed" ? `output "${plan.outputs[0]}" (${plan.reason}) does not hold probabilities` : "no output holds probabilities";
  throw new InputError(
    `${model.source}: ${what} on ${dataSource}: ${problems.join("; ")}. The model's outputs: ${listOutputs(model)}. To fix: ${fixHint(model, task)}`
  );
}

// src/model/labels.ts
function predictedClasses(proba, classes, threshold) {
  const n = proba.length / classes;
  const out = new Int32Array(n);
  if (classes === 2 && threshold !== void 0) {
    for (let i = 0; i < n; i++) out[i] = proba[i * 2 + 1] > threshold ? 1 : 0;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const base = i * classes;
    let best = 0;
    let bestValue = proba[base];
    for (let c = 1; c < classes; c++) {
      if (proba[base + c] > bestValue) {
        bestValue = proba[base + c];
        best = c;
      }
    }
    out[i] = best;
  }
  return out;
}
function compareCodePoints(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
function positiveClassIndex(labels) {
  const keys = labels.map(classKey);
  if (keys[0] === "1") return 0;
  if (keys[1] === "1") return 1;
  const numbers = keys.map(Number);
  const numeric = keys.every((k, i) => k.trim() !== "" && Number.isFinite(numbers[i]));
  const order = numeric ? numbers[0] - numbers[1] : compareCodePoints(keys[0], keys[1]);
  return order > 0 ? 0 : 1;
}
function positiveLast(labels, proba) {
  if (positiveClassIndex(labels) === 1) return { labels: [...labels], proba };
  const swapped = new Float64Array(proba.length);
  for (let i = 0; i < proba.length; i += 2) {
    swapped[i] = proba[i + 1];
    swapped[i + 1] = proba[i];
  }
  return { labels: [labels[1], labels[0]], proba: swapped };
}
function classKey(value) {
  if (typeof value === "number") return String(value);
  const text = String(value);
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? String(n) : text;
}
function encodeLabels(values, classes, source) {
  const index = new Map(classes.map((c, i) => [classKey(c), i]));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || typeof v === "number" && Number.isNaN(v)) {
      throw new InputError(`${source}: row ${i + 1} has no label`);
    }
    const k = index.get(classKey(v));
    if (k === void 0) {
      const shown = typeof v === "number" ? String(v) : JSON.stringify(v);
      throw new InputError(
        `${source}: row ${i + 1} has label ${shown}, which is not one of the model's classes (${classes.join(", ")})`
      );
    }
    out[i] = k;
  }
  return out;
}

export {
  planOutput,
  probabilityProblem,
  problemText,
  chooseOutput,
  predictedClasses,
  positiveClassIndex,
  positiveLast,
  classKey,
  encodeLabels
};
