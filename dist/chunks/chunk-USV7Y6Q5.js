import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  closest
} from "./chunk-J2XJ3L6O.js";
import {
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  metricSpec
} from "./chunk-RDRUDDB3.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/config/rules.ts
function checkSteps(steps, where = "steps") {
  if (steps.length === 0)
    throw new InputError(`${where}: give at least one traffic percentage, e.g. 10,50,100`);
  steps.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1 || s > 100)
      throw new InputError(`${where}: ${s} is not a percentage 1..100`);
    if (i > 0 && s <= steps[i - 1]) throw new InputError(`${where} must increase: ${steps.join(", ")}`);
  });
  if (steps[0] === 100)
    throw new InputError(
      `${where}: the first step (100 %) leaves stable no traffic to compare the canary's latency with; start lower, e.g. 10,50,100`
    );
  return steps;
}
function gateableMetrics(task, scope = "model") {
  return scope === "model" ? [...METRICS_BY_TASK[task], ...MODEL_METRICS_BY_TASK[task]] : METRICS_BY_TASK[task];
}
function gateMetricProblem(metric, task, scope = "model") {
  const known = gateableMetrics(task, scope);
  if (known.includes(metric)) return null;
  const spec = metricSpec(metric);
  let what = `"${metric}" is not a metric mlci computes`;
  if (spec?.tasks.includes(task))
    what = `"${metric}" is a fact of the whole model, not computed on a slice or a monitoring window`;
  else if (spec && spec.tasks.length > 0)
    what = `"${metric}" is not computed for a ${task} model (it is a ${spec.tasks.join(" and ")} metric)`;
  const meant = known.find((k) => k.startsWith(`${metric}_`)) ?? known.find((k) => metric.startsWith(`${k}_`)) ?? closest(metric, known);
  return `${what}${meant ? `; did you mean "${meant}"?` : ""} ${task} metrics: ${known.join(", ")} (docs/metrics.md)`;
}
function checkGateMetrics(gates, task, where, scope = "model") {
  for (const metric of Object.keys(gates ?? {})) {
    const problem = gateMetricProblem(metric, task, scope);
    if (problem) throw new InputError(`${where} ${metric}: ${problem}`);
  }
}

export {
  checkSteps,
  gateMetricProblem,
  checkGateMetrics
};
