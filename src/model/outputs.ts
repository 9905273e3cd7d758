import { InputError } from '../core/errors.js';
import type { ModelFile } from './inference.js';
import type { TensorInfo } from './signature.js';

/** The learning task a model's output is read for. */
export type OutputTask = 'binary' | 'multiclass' | 'regression';

/** Which output a model's predictions are read from, and the rule that chose it. */
export interface OutputChoice {
  name: string;
  /** Why this output, in words, for the progress line and evaluation.json. */
  reason: string;
}

/** The outputs to fetch from a model, in order of preference, and how the final one is decided. */
export interface OutputPlan {
  /** 'fixed': the first output is the answer; 'search': the first one holding valid probabilities. */
  rule: 'fixed' | 'search';
  outputs: string[];
  reason: string;
  /** Float outputs left out of the search because they hold class labels, with why (for messages). */
  labels?: string[];
}

/** What the output rule reads of a model: where it came from, its signature and the outputs its graph makes as labels. */
export type OutputModel = Pick<ModelFile, 'source' | 'signature'> & Partial<Pick<ModelFile, 'labelOutputs'>>;

/** One output's values over all rows, row-major. */
export interface OutputValues {
  values: Float64Array;
  width: number;
}

// float32 softmax rows sum to 1 within a few ulps; 1e-4 leaves room for C up to thousands of classes.
const ROW_SUM_TOLERANCE = 1e-4;

const NAMED = 'probabilities';
/** Output names that hold class probabilities by convention: mlci's, then skl2onnx's (ZipMap read through). */
const PROBABILITY_NAMES: readonly string[] = [NAMED, 'output_probability'];
const NAN = 'NaN';
const CONVENTION = 'docs/training-convention.md';

/** Whether an output's element type is a float tensor. */
function isFloat(o: TensorInfo): boolean {
  return o.type === 'float' || o.type === 'double';
}

/** `name float [N, 2]`, for messages. */
export function describeOutput(o: TensorInfo): string {
  const dims = o.shape ? `[${o.shape.map((d) => d ?? '?').join(', ')}]` : '';
  return `"${o.name}" ${o.type}${dims ? ` ${dims}` : ''}`;
}

// skl2onnx's `output_label`, onnxmltools' and torch exports' `label`, TF's `label:0`.
const LABEL_NAME = /(^|[^a-z0-9])labels?(:\d+)?$/i;

/** Why an output holds predicted class labels rather than scores (its name, or the graph node making it), else null. */
function labelOutput(model: OutputModel, o: TensorInfo): string | null {
  if (model.labelOutputs?.includes(o.name))
    return "the graph makes it with ArgMax or as a classifier's label";
  return LABEL_NAME.test(o.name) ? 'its name says it holds class labels' : null;
}

function listOutputs(model: OutputModel): string {
  return model.signature.outputs.map(describeOutput).join(', ');
}

/**
 * The output rule (docs/training-convention.md): an explicit name; else the output named
 * `probabilities` (or skl2onnx's `output_probability`); else, for a classifier, the float outputs to search for valid probabilities
 * ([N, C] first, then one-column ones for binary), label outputs left out; a regressor reads its first float output.
 */
export function planOutput(model: OutputModel, task: OutputTask, explicit?: string): OutputPlan {
  const outputs = model.signature.outputs;
  if (explicit !== undefined) {
    const found = outputs.find((o) => o.name === explicit);
    if (!found)
      throw new InputError(
        `--output: ${model.source} has no output "${explicit}"; its outputs: ${listOutputs(model)}`
      );
    if (!isFloat(found))
      throw new InputError(
        `--output: output ${describeOutput(found)} of ${model.source} is not a float tensor; mlci reads predictions from float outputs`
      );
    const label = task === 'regression' ? null : labelOutput(model, found);
    if (label)
      throw new InputError(
        `--output: output ${describeOutput(found)} of ${model.source} holds predicted class labels (${label}), not probabilities; ` +
          `mlci scores a classifier on its class probabilities and never reads a label output (see ${CONVENTION})`
      );
    return { rule: 'fixed', outputs: [explicit], reason: 'named by --output' };
  }
  const float = outputs.filter(isFloat);
  if (task === 'regression') {
    if (float.length === 0)
      throw new InputError(
        `${model.source}: no float output to read predictions from; its outputs: ${listOutputs(model)}`
      );
    return { rule: 'fixed', outputs: [float[0].name], reason: 'the first float output (a regressor)' };
  }
  for (const name of PROBABILITY_NAMES) {
    if (float.some((o) => o.name === name))
      return { rule: 'fixed', outputs: [name], reason: `the output named "${name}"` };
  }
  const labels: string[] = [];
  const scores = float.filter((o) => {
    const why = labelOutput(model, o);
    if (why) labels.push(`"${o.name}" (class labels: ${why})`);
    return !why;
  });
  const rank = (o: TensorInfo) => o.shape?.length ?? null;
  const width = (o: TensorInfo) => (o.shape && o.shape.length === 2 ? o.shape[1] : null);
  const matrices = scores.filter((o) => (rank(o) === 2 || rank(o) === null) && width(o) !== 1);
  const columns = task === 'binary' ? scores.filter((o) => !matrices.includes(o)) : [];
  const candidates = [...matrices, ...columns];
  if (candidates.length === 0) {
    const hint = outputs.some((o) => o.type === 'sequence' || o.type === 'map')
      ? ' (probabilities as a sequence of maps: export without ZipMap)'
      : '';
    const skipped = labels.length > 0 ? `; not read: ${labels.join(', ')}` : '';
    throw new InputError(
      `${model.source}: no float probability output [N, C] found${hint}${skipped}; its outputs: ${listOutputs(model)} (see ${CONVENTION})`
    );
  }
  return {
    rule: 'search',
    outputs: candidates.map((o) => o.name),
    reason: `no output is named "${NAMED}"`,
    ...(labels.length > 0 ? { labels } : {})
  };
}

/** Where an output fails to hold probabilities: the first offending row and what is wrong with it. */
export interface ProbabilityProblem {
  row: number;
  values: number[];
  why: string;
}

/** Checks that every row holds probabilities: finite, in [0, 1], summing to 1 when there are ≥ 2 columns. */
export function probabilityProblem(
  out: { values: Float64Array | Float32Array; width: number },
  options: { skipNaNRows?: boolean } = {}
): ProbabilityProblem | null {
  const { values, width } = out;
  for (let start = 0; start < values.length; start += width) {
    let sum = 0;
    let why: string | null = null;
    for (let c = 0; c < width; c++) {
      const v = values[start + c];
      if (Number.isNaN(v)) why = NAN;
      else if (!Number.isFinite(v)) why = `${v} is not a finite number`;
      else if (v < 0 || v > 1) why = 'values outside [0, 1]';
      if (why) break;
      sum += v;
    }
    if (why === NAN && options.skipNaNRows) continue;
    if (!why && width > 1 && !(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE))
      why = `the row sums to ${Number(sum.toPrecision(6))}, not 1`;
    if (why) {
      const row = Array.from(values.subarray(start, start + Math.min(width, 6)), (v) =>
        Number(v.toPrecision(6))
      );
      return { row: start / width + 1, values: row, why };
    }
  }
  return null;
}

/** Whether every value is exactly 0 or 1: a column of predicted labels, which no probability output gives on real data. */
function hardLabels(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

/** `"name" [N, C] row r is (…): why`, for messages. */
export function problemText(name: string, width: number, p: ProbabilityProblem): string {
  const more = width > p.values.length ? ', …' : '';
  return `"${name}" [N, ${width}] row ${p.row} is (${p.values.join(', ')}${more}): ${p.why}`;
}

function fixHint(model: OutputModel, task: OutputTask): string {
  const others =
    model.signature.outputs.length > 1 ? `pick the output that holds them with --output NAME, or ` : '';
  const regressor = task === 'binary' ? '; a regressor is evaluated with --task regression' : '';
  return (
    `${others}export class probabilities (after softmax or sigmoid, each row summing to 1) as the output named "${NAMED}" ` +
    `(see ${CONVENTION})${regressor}`
  );
}

/**
 * Decides the output from the values fetched under `plan`, checking that a classifier's output
 * holds probabilities; refuses, saying what the model gives and how to fix it, when none does.
 */
export function chooseOutput(
  model: OutputModel,
  task: OutputTask,
  plan: OutputPlan,
  fetched: ReadonlyMap<string, OutputValues>,
  dataSource: string
): OutputChoice & OutputValues {
  const get = (name: string) => fetched.get(name) as OutputValues;
  if (task === 'regression') {
    const out = get(plan.outputs[0]);
    for (let i = 0; i < out.values.length; i++) {
      if (!Number.isFinite(out.values[i]) && !Number.isNaN(out.values[i]))
        throw new InputError(
          `${model.source}: output "${plan.outputs[0]}" is ${out.values[i]} for row ${Math.floor(i / out.width) + 1} of ${dataSource}`
        );
    }
    return { name: plan.outputs[0], reason: plan.reason, ...out };
  }
  const problems: string[] = [...(plan.labels ?? [])];
  for (const name of plan.outputs) {
    const out = get(name);
    const problem = probabilityProblem(out);
    if (!problem && plan.rule === 'search' && out.width === 1 && hardLabels(out.values)) {
      problems.push(`"${name}" [N, 1] holds only 0 and 1 (class labels, not probabilities)`);
      continue;
    }
    if (!problem) {
      const oneColumn = out.width === 1 ? '; one column, read as p(positive class)' : '';
      const reason =
        plan.rule === 'fixed'
          ? plan.reason
          : `${plan.reason}; the first float output whose values are probabilities` +
            (problems.length > 0 ? ` (skipped ${problems.join('; ')})` : '');
      return { name, reason: reason + oneColumn, ...out };
    }
    if (problem.why === NAN) {
      throw new InputError(
        `${model.source}: output "${name}" is NaN for row ${problem.row} of ${dataSource} (missing feature values?)`
      );
    }
    problems.push(problemText(name, out.width, problem));
  }
  const what =
    plan.rule === 'fixed'
      ? `output "${plan.outputs[0]}" (${plan.reason}) does not hold probabilities`
      : 'no output holds probabilities';
  throw new InputError(
    `${model.source}: ${what} on ${dataSource}: ${problems.join('; ')}. The model's outputs: ${listOutputs(model)}. ` +
      `To fix: ${fixHint(model, task)}`
  );
}
