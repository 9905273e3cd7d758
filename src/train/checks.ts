import { readFile, stat } from 'node:fs/promises';
import { MlciError } from '../core/errors.js';
import { type ModelSignature, type TensorInfo } from '../model/signature.js';
import { runSignature } from '../model/standard-export.js';
import type { Task } from '../config/types.js';
import { nonFiniteValues, type ReportedMetrics } from './metrics.js';

/** Outcome of one check. */
export type CheckStatus = 'pass' | 'fail' | 'skipped';

/** One check of a training run, named so a failure says which check failed and why. */
export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
}

/** How "the loss decreases" is judged: the mean of the last window against the mean of the first. */
export interface LossRule {
  /** Window size as a fraction of the reported steps (0 < window ≤ 0.5). */
  window: number;
  /** Smallest relative fall required: (first − last) / |first|. 0 only asks for a fall. */
  minDecrease: number;
}

/** The default rule: first fifth against last fifth, any fall passes. */
export const DEFAULT_LOSS_RULE: LossRule = { window: 0.2, minDecrease: 0 };

const pass = (name: string, detail: string): CheckResult => ({ name, status: 'pass', detail });
const fail = (name: string, detail: string): CheckResult => ({ name, status: 'fail', detail });
const skip = (name: string, detail: string): CheckResult => ({ name, status: 'skipped', detail });

/** Every reported metrics line is a JSON object and metrics.json, when present, is one too. */
export function checkMetricsFormat(metrics: ReportedMetrics, linesPath: string): CheckResult {
  if (!metrics.reported) return skip('metrics_format', 'the command reported no metrics');
  if (metrics.malformed.length > 0) {
    const first = metrics.malformed[0];
    return fail(
      'metrics_format',
      `${linesPath}:${first.line}: ${first.reason}` +
        (metrics.malformed.length > 1 ? ` (and ${metrics.malformed.length - 1} more bad lines)` : '') +
        '; each line must be one JSON object such as {"step": 1, "loss": 0.69}'
    );
  }
  if (metrics.finalError) return fail('metrics_format', `metrics.json: ${metrics.finalError}`);
  return pass('metrics_format', `${metrics.lines.length} lines${metrics.final ? ' and metrics.json' : ''}`);
}

/** No reported metric is NaN, ±Infinity or null. */
export function checkFiniteMetrics(metrics: ReportedMetrics): CheckResult {
  if (!metrics.reported) return skip('finite_metrics', 'the command reported no metrics');
  const bad = nonFiniteValues(metrics);
  if (bad.length === 0) return pass('finite_metrics', 'every reported value is a finite number');
  const first = bad[0];
  return fail(
    'finite_metrics',
    `${first.key} is ${first.value} at ${first.where}` +
      (bad.length > 1 ? ` (${bad.length} non-finite values in all)` : '') +
      (first.value === 'null' ? '; null is what JSON.stringify writes for NaN' : '')
  );
}

/** The loss fell: the mean over the last window is below the mean over the first by at least minDecrease. */
export function checkLossDecreases(
  curve: { step: number; loss: number }[],
  rule: LossRule = DEFAULT_LOSS_RULE
): CheckResult {
  const losses = curve.map((p) => p.loss).filter((l) => Number.isFinite(l));
  if (losses.length < 2) {
    return skip('loss_decreases', `needs at least 2 finite loss values, got ${losses.length}`);
  }
  const window = Math.max(1, Math.floor(losses.length * rule.window));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const first = mean(losses.slice(0, window));
  const last = mean(losses.slice(-window));
  const relative =
    first === 0 ? (last < 0 ? Infinity : last === 0 ? 0 : -Infinity) : (first - last) / Math.abs(first);
  const described =
    `mean loss of the first ${window} of ${losses.length} steps ${fmt(first)}, of the last ${window} ${fmt(last)}` +
    ` (${relative >= 0 ? 'fell' : 'rose'} ${fmt(Math.abs(relative * 100))} %)`;
  if (last < first && relative >= rule.minDecrease) return pass('loss_decreases', described);
  const required =
    rule.minDecrease > 0 ? `; required a fall of at least ${fmt(rule.minDecrease * 100)} %` : '';
  const verdict = last < first ? 'the loss fell too little' : 'the loss did not decrease';
  return fail('loss_decreases', `${verdict}: ${described}${required}`);
}

/** What the model-file checks learned: the bytes and signature when the file is a usable model. */
export interface ModelFileChecks {
  results: CheckResult[];
  bytes: Uint8Array | null;
  signature: ModelSignature | null;
}

/** The model exists, is ONNX, and loads in onnxruntime-node. Later checks are skipped once one fails. */
export async function checkModelFile(path: string, shownPath: string): Promise<ModelFileChecks> {
  const results: CheckResult[] = [];
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    bytes = new Uint8Array(await readFile(path));
  } catch {
    results.push(fail('model_exists', `the command wrote no model at ${shownPath}`));
    results.push(skip('model_is_onnx', 'no model'), skip('model_loads', 'no model'));
    return { results, bytes: null, signature: null };
  }
  if (bytes.length === 0) {
    results.push(fail('model_exists', `${shownPath} is empty`));
    results.push(skip('model_is_onnx', 'no model'), skip('model_loads', 'no model'));
    return { results, bytes: null, signature: null };
  }
  results.push(pass('model_exists', `${shownPath} (${bytes.length} bytes)`));
  let signature: ModelSignature;
  try {
    signature = runSignature(bytes, shownPath);
  } catch (error) {
    results.push(fail('model_is_onnx', error instanceof MlciError ? error.message : String(error)));
    results.push(skip('model_loads', 'not an ONNX model'));
    return { results, bytes, signature: null };
  }
  results.push(
    pass(
      'model_is_onnx',
      `${signature.inputs.length} inputs, ${signature.outputs.length} outputs, opset ${signature.opset[''] ?? '?'}`
    )
  );
  try {
    const ort = await import('../core/native.js').then((native) => native.loadOnnxRuntime());
    const session = await ort.InferenceSession.create(bytes);
    await session.release();
    results.push(pass('model_loads', 'onnxruntime-node created a session'));
  } catch (error) {
    results.push(fail('model_loads', `onnxruntime-node cannot load ${shownPath}: ${firstLine(error)}`));
  }
  return { results, bytes, signature };
}

/** What the config says the model must look like. */
export interface SignatureExpectation {
  task?: Task;
  label?: string;
  features?: string[];
}

/** The model's inputs map to columns (docs/architecture.md, model I/O) matching model.features, and its outputs suit the task. */
export function checkSignature(signature: ModelSignature, expected: SignatureExpectation): CheckResult {
  const problems: string[] = [];
  const columns = inputColumns(signature, expected.features);
  if ('error' in columns) problems.push(columns.error);
  else {
    if (expected.features && expected.features.length > 0) {
      const differences = listDifferences(columns.names, expected.features, columns.mode === 'matrix');
      if (differences) problems.push(`inputs do not match model.features: ${differences}`);
    }
    if (expected.label && columns.names.includes(expected.label)) {
      problems.push(`the model takes the label column "${expected.label}" as an input`);
    }
  }
  if (expected.task) {
    const output = taskOutput(signature, expected.task);
    if ('error' in output) problems.push(output.error);
  }
  if (problems.length > 0) return fail('signature', problems.join('; '));
  const description =
    'error' in columns
      ? ''
      : `${columns.mode === 'matrix' ? 'one 2-D input of' : 'one input per column,'} ${columns.names.length} features`;
  return pass('signature', `${description}${expected.task ? `, outputs fit task ${expected.task}` : ''}`);
}

/** The candidate can replace the production model without changing callers: same inputs, same outputs. */
export function checkSignatureAgainstProduction(
  candidate: ModelSignature,
  production: ModelSignature,
  productionPath: string
): CheckResult {
  const problems = tensorProblems('input', candidate.inputs, production.inputs);
  const known = new Set(production.inputs.map((i) => i.name));
  for (const input of candidate.inputs)
    if (!known.has(input.name)) problems.push(`new input "${input.name}"`);
  const mineColumns = inputColumns(candidate);
  const theirColumns = inputColumns(production);
  if (
    !('error' in mineColumns) &&
    !('error' in theirColumns) &&
    mineColumns.mode === 'matrix' &&
    theirColumns.mode === 'matrix'
  ) {
    const differences = listDifferences(mineColumns.names, theirColumns.names, true);
    if (differences) problems.push(`feature_names differ: ${differences}`);
  }
  problems.push(...tensorProblems('output', candidate.outputs, production.outputs));
  if (problems.length > 0)
    return fail('signature_production', `not compatible with ${productionPath}: ${problems.join('; ')}`);
  return pass('signature_production', `same inputs and outputs as ${productionPath}`);
}

/** Production's inputs or outputs the candidate lacks or types differently (an input's rank too). */
function tensorProblems(kind: 'input' | 'output', mine: TensorInfo[], production: TensorInfo[]): string[] {
  const problems: string[] = [];
  const byName = new Map(mine.map((t) => [t.name, t]));
  const verb = kind === 'input' ? 'takes' : 'gives';
  for (const theirs of production) {
    const own = byName.get(theirs.name);
    if (!own) problems.push(`${kind} "${theirs.name}" is missing`);
    else if (own.type !== theirs.type)
      problems.push(`${kind} "${theirs.name}" is ${own.type}, production ${verb} ${theirs.type}`);
    else if (kind === 'input' && rank(own) !== rank(theirs))
      problems.push(`${kind} "${theirs.name}" has rank ${rank(own)}, production ${rank(theirs)}`);
  }
  return problems;
}

/** The columns a model reads: one 2-D float input with feature_names, or one input per column. */
export function inputColumns(
  signature: ModelSignature,
  features?: string[]
): { mode: 'matrix' | 'columns'; names: string[] } | { error: string } {
  const inputs = signature.inputs;
  if (inputs.length === 0) return { error: 'the model has no inputs' };
  if (inputs.length === 1 && rank(inputs[0]) === 2 && ['float', 'double'].includes(inputs[0].type)) {
    const width = inputs[0].shape?.[1];
    const fromMetadata = parseNames(signature.metadata.feature_names);
    if (fromMetadata === 'invalid')
      return { error: 'metadata feature_names is not a JSON array of column names' };
    const names = fromMetadata ?? features;
    if (!names) {
      return {
        error: `the one 2-D input "${inputs[0].name}" has no feature_names metadata and model.features is not set`
      };
    }
    if (typeof width === 'number' && width !== names.length) {
      return { error: `input "${inputs[0].name}" has ${width} columns but ${names.length} feature names` };
    }
    return { mode: 'matrix', names };
  }
  const unsupported = inputs.filter(
    (i) => !['float', 'double', 'int64', 'int32', 'string', 'bool'].includes(i.type)
  );
  if (unsupported.length > 0) {
    return {
      error: `input "${unsupported[0].name}" has type ${unsupported[0].type}; column inputs must be float, int64 or string`
    };
  }
  const wide = inputs.filter((i) => rank(i) !== null && rank(i)! > 2);
  if (wide.length > 0)
    return { error: `input "${wide[0].name}" has rank ${rank(wide[0])}; column inputs are [N] or [N, 1]` };
  return { mode: 'columns', names: inputs.map((i) => i.name) };
}

/** The output evaluation reads for a task (docs/architecture.md, model I/O): `probabilities` or the first float [N, C]; a regressor's first float. */
export function taskOutput(
  signature: ModelSignature,
  task: Task
): { output: TensorInfo } | { error: string } {
  const floats = signature.outputs.filter((o) => o.type === 'float' || o.type === 'double');
  if (task === 'regression') {
    const output = floats[0];
    if (!output) return { error: 'a regressor needs a float output; the model has none' };
    if (rank(output) !== null && rank(output)! > 2)
      return { error: `output "${output.name}" has rank ${rank(output)}; expected [N] or [N, 1]` };
    return { output };
  }
  const output = floats.find((o) => o.name === 'probabilities') ?? floats.find((o) => rank(o) === 2);
  if (!output)
    return {
      error:
        'a classifier needs a float output [N, C] of class probabilities (named "probabilities"); the model has none'
    };
  if (rank(output) !== null && rank(output) !== 2)
    return { error: `output "${output.name}" has rank ${rank(output)}; expected [N, C]` };
  const classes = output.shape?.[1];
  if (task === 'binary' && typeof classes === 'number' && classes !== 2) {
    return { error: `output "${output.name}" has ${classes} columns; a binary classifier gives [N, 2]` };
  }
  return { output };
}

function rank(info: TensorInfo): number | null {
  return info.shape ? info.shape.length : null;
}

function parseNames(text: string | undefined): string[] | undefined | 'invalid' {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? (value as string[])
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

function listDifferences(actual: string[], expected: string[], ordered: boolean): string | null {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${missing.map((m) => `"${m}"`).join(', ')}`);
  if (extra.length > 0) parts.push(`unexpected ${extra.map((m) => `"${m}"`).join(', ')}`);
  if (parts.length === 0 && ordered && actual.join('\u0000') !== expected.join('\u0000')) {
    parts.push(`order differs (model: ${actual.join(', ')}; expected: ${expected.join(', ')})`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

function fmt(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
