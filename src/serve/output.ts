import { InputError } from '../core/errors.js';
import { planOutput, probabilityProblem, problemText, type OutputPlan } from '../model/outputs.js';
import type { ModelSignature } from '../model/signature.js';
import { declaredClasses, type StandardGraph } from '../model/standard-export.js';

/** What the model answers: class probabilities [N, C] or a regression value per row. */
export interface OutputSpec {
  name: string;
  kind: 'classifier' | 'regressor';
  /** Class labels of a classifier (metadata `classes`, else the graph's, else 0..C−1); null for a regressor or unknown C. */
  classes: (string | number)[] | null;
  /** Why this output, in evaluate's words (the same rule chooses it). */
  reason: string;
}

/** The outputs a server may answer from, chosen by evaluate's rule, and how the final one is decided. */
export interface ServedOutputPlan {
  kind: OutputSpec['kind'];
  plan: OutputPlan;
}

/** One output's values on the warm-up row, as onnxruntime returns them. */
export interface WarmUpValues {
  values: Float32Array;
  width: number;
}

/** Every planned output's values on the warm-up row (warmUp gives all of them or none). */
export type WarmUpOutputs = ReadonlyMap<string, WarmUpValues>;

/** Where the warm-up row comes from, in messages. */
const WARM_UP_ROW = 'a row of zeros (the warm-up request)';

/**
 * evaluate's output rule (planOutput: a name given by the convention, else the float outputs that
 * hold probabilities) limited to what a server answers from: a classifier's [N, C ≥ 2] output.
 */
export function planServedOutput(
  signature: ModelSignature,
  task: 'binary' | 'multiclass' | 'regression' | undefined,
  source: string
): ServedOutputPlan {
  const floats = signature.outputs.filter((o) => o.type === 'float');
  const wide = (name: string) => {
    const width = signature.outputs.find((o) => o.name === name)?.shape?.[1];
    return typeof width !== 'number' || width >= 2;
  };
  // Without a task, an output named "probabilities" or a float [N, C ≥ 2] makes a classifier.
  const guessed =
    floats.some((o) => o.name === 'probabilities') ||
    floats.some((o) => o.shape?.length === 2 && wide(o.name));
  const kind = (task ? task !== 'regression' : guessed) ? 'classifier' : 'regressor';
  const plan = planOutput(
    { source, signature },
    kind === 'regressor' ? 'regression' : (task ?? 'multiclass')
  );
  if (kind === 'regressor') return { kind, plan };
  const outputs = plan.outputs.filter(wide);
  if (outputs.length === 0)
    throw new InputError(
      `${source}: mlci serve answers class probabilities from one float output [N, C]; output "${plan.outputs[0]}" ` +
        'has one column (p(class 1)): export both columns, [1 − p, p], as the output named "probabilities"'
    );
  return { kind, plan: { ...plan, outputs } };
}

/**
 * The output to answer from, decided on the warm-up row as evaluate decides on its data: the first
 * planned output whose values are probabilities. Finite values that are not probabilities (logits,
 * rows that do not sum to 1) refuse the model; a row of NaN decides nothing (zeros may be no valid
 * input), and every answer is checked anyway (checkProbabilities).
 */
export function decideOutput(
  served: ServedOutputPlan,
  source: string,
  warmUp: WarmUpOutputs | null
): { name: string; reason: string } {
  const { plan } = served;
  const first = { name: plan.outputs[0], reason: plan.reason };
  if (served.kind === 'regressor' || !warmUp) return first;
  const finite = plan.outputs.filter((name) => !(warmUp.get(name) as WarmUpValues).values.some(Number.isNaN));
  if (finite.length === 0) return first;
  const problems: string[] = [];
  for (const name of finite) {
    const values = warmUp.get(name) as WarmUpValues;
    const problem = probabilityProblem(values);
    if (!problem)
      return {
        name,
        reason:
          plan.rule === 'fixed'
            ? plan.reason
            : `${plan.reason}; the first float output whose values are probabilities`
      };
    problems.push(problemText(name, values.width, problem));
  }
  throw new InputError(
    `${source}: no output holds class probabilities on ${WARM_UP_ROW}: ${problems.join('; ')}. To fix: export them ` +
      '(after softmax or sigmoid, each row summing to 1) as the output named "probabilities" (docs/training-convention.md)'
  );
}

/** Class labels as evaluate reads them (modelClasses): the declared ones, else 0..C−1. */
export function servedClasses(
  signature: ModelSignature,
  graph: StandardGraph,
  output: string,
  source: string
): (string | number)[] | null {
  const declared = declaredClasses(signature.metadata.classes, graph, source);
  if (declared) return declared;
  const width = signature.outputs.find((o) => o.name === output)?.shape?.[1];
  return typeof width === 'number' ? Array.from({ length: width }, (_, i) => i) : null;
}

/**
 * Why an answer's values are not class probabilities (first offending row), else null. A row of NaN
 * (a missing value the model cannot use) is answered as null probabilities and no label: no answer, not a wrong one.
 */
export function checkProbabilities(
  source: string,
  output: string,
  data: Float32Array,
  width: number
): string | null {
  const problem = probabilityProblem({ values: data, width }, { skipNaNRows: true });
  if (!problem) return null;
  return (
    `${source}: output "${output}" row ${problem.row} is (${problem.values.join(', ')}): ${problem.why}; ` +
    'it does not hold class probabilities for this request'
  );
}
