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
  const rank = (o) => o.shape?.length ?? null;
  const width = (o) => o.shape && o.shape.length === 2 ? o.shape[1] : null;
  const matrices = float.filter((o) => (rank(o) === 2 || rank(o) === null) && width(o) !== 1);
  const columns = task === "binary" ? float.filter((o) => !matrices.includes(o)) : [];
  const candidates = [...matrices, ...columns];
  if (candidates.length === 0) {
    const hint = outputs.some((o) => o.type === "sequence" || o.type === "map") ? " (probabilities as a sequence of maps: export without ZipMap)" : "";
    throw new InputError(
      `${model.source}: no float probability output [N, C] found${hint}; its outputs: ${listOutputs(model)} (see ${CONVENTION})`
    );
  }
  return {
    rule: "search",
    outputs: candidates.map((o) => o.name),
    reason: `no output is named "${NAMED}"`
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
  const problems = [];
  for (const name of plan.outputs) {
    const out = get(name);
    const problem = probabilityProblem(out);
    if (!problem) {
      const oneColumn = out.width === 1 ? "; one column, read as p(class 1)" : "";
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

export {
  planOutput,
  probabilityProblem,
  problemText,
  chooseOutput
};
