import { closest } from '../core/suggest.js';
import { InputError } from '../core/errors.js';
import { METRICS_BY_TASK, MODEL_METRICS_BY_TASK, metricSpec } from '../evaluation/metrics/catalog.js';
import type { Task } from './types.js';

/**
 * Validates canary traffic steps: whole percentages in 1..100, strictly increasing, the first below
 * 100. The one rule the config check and the deploy stage share, so `pipeline --dry-run` refuses
 * what a rollout would.
 */
export function checkSteps(steps: number[], where = 'steps'): number[] {
  if (steps.length === 0)
    throw new InputError(`${where}: give at least one traffic percentage, e.g. 10,50,100`);
  steps.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1 || s > 100)
      throw new InputError(`${where}: ${s} is not a percentage 1..100`);
    if (i > 0 && s <= steps[i - 1]) throw new InputError(`${where} must increase: ${steps.join(', ')}`);
  });
  // Latency is compared with stable under the same load, so some step must leave stable traffic; a
  // later step can rely on an earlier one's judgement, the first cannot (docs/serving.md).
  if (steps[0] === 100)
    throw new InputError(
      `${where}: the first step (100 %) leaves stable no traffic to compare the canary's latency with; start lower, e.g. 10,50,100`
    );
  return steps;
}

/**
 * What a gate can be computed on: `model` gates (evaluate.gates) see every metric of the model
 * report, calibration, latency and size included; `rows` gates (slices, monitoring) see the
 * metrics scored from predictions.
 */
export type GateScope = 'model' | 'rows';

/** The metrics a gate may name for a task, in report order (the metric catalog decides). */
export function gateableMetrics(task: Task, scope: GateScope = 'model'): readonly string[] {
  return scope === 'model'
    ? [...METRICS_BY_TASK[task], ...MODEL_METRICS_BY_TASK[task]]
    : METRICS_BY_TASK[task];
}

/**
 * Why a gate on `metric` cannot apply to a `task` model, naming the metric meant (roc_auc on a
 * multiclass model is roc_auc_ovr) and the metrics that exist; null when the gate is fine.
 */
export function gateMetricProblem(metric: string, task: Task, scope: GateScope = 'model'): string | null {
  const known = gateableMetrics(task, scope);
  if (known.includes(metric)) return null;
  const spec = metricSpec(metric);
  let what = `"${metric}" is not a metric mlci computes`;
  if (spec?.tasks.includes(task))
    what = `"${metric}" is a fact of the whole model, not computed on a slice or a monitoring window`;
  else if (spec && spec.tasks.length > 0)
    what = `"${metric}" is not computed for a ${task} model (it is a ${spec.tasks.join(' and ')} metric)`;
  // The task's variant of the name (roc_auc → roc_auc_ovr, f1 → f1_macro, f1_macro → f1), else the nearest spelling.
  const meant =
    known.find((k) => k.startsWith(`${metric}_`)) ??
    known.find((k) => metric.startsWith(`${k}_`)) ??
    closest(metric, known);
  return `${what}${meant ? `; did you mean "${meant}"?` : ''} ${task} metrics: ${known.join(', ')} (docs/metrics.md)`;
}

/** Throws InputError naming `where` when a gate of the mapping names a metric the task does not compute. */
export function checkGateMetrics(
  gates: Record<string, unknown> | undefined,
  task: Task,
  where: string,
  scope: GateScope = 'model'
): void {
  for (const metric of Object.keys(gates ?? {})) {
    const problem = gateMetricProblem(metric, task, scope);
    if (problem) throw new InputError(`${where} ${metric}: ${problem}`);
  }
}
