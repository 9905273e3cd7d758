import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GATE_KINDS
} from "./chunk-C4QX7EU4.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/pipeline/evaluate-options.ts
import { existsSync } from "node:fs";
function list(text) {
  if (text === void 0) return void 0;
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function number(text, flag, check, expected) {
  if (text === void 0) return void 0;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !check(n))
    throw new InputError(`${flag}: got "${text}", expected ${expected}`);
  return n;
}
function parseGateFlags(flags) {
  const gates = {};
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9_]*):([a-z_]+)=(.+)$/.exec(flag.trim());
    if (!match)
      throw new InputError(`--gate: got "${flag}", expected metric:kind=value such as roc_auc:max_drop=0.01`);
    const [, metric, kind, value] = match;
    if (!GATE_KINDS.includes(kind)) {
      throw new InputError(
        `--gate ${flag}: unknown kind "${kind}", expected one of ${GATE_KINDS.join(", ")}`
      );
    }
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InputError(`--gate ${flag}: "${value}" is not a number`);
    gates[metric] = { ...gates[metric], [kind]: n };
  }
  return gates;
}
async function buildEvaluateRequest(o, config, openedRegistry) {
  const ev = config?.evaluate ?? {};
  const model = o.model;
  const data = o.data ?? ev.data ?? config?.data?.eval;
  const label = o.label ?? config?.model.label;
  const task = o.task ?? config?.model.task;
  const missing = [!model && "--model", !data && "--data", !label && "--label", !task && "--task"].filter(
    Boolean
  );
  if (missing.length > 0)
    throw new InputError(
      `evaluate needs ${missing.join(", ")} (or mlci.yml with model.label, model.task and data.eval)`
    );
  if (!["binary", "multiclass", "regression"].includes(task)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  const name = o.name ?? config?.model.name;
  const registrySpec = o.registry ?? config?.register?.registry;
  let registry = openedRegistry ?? null;
  if (!registry && name && (registrySpec || existsSync(".mlci/registry"))) {
    const { openRegistry } = await import("./register-JV7GXVHW.js");
    registry = await openRegistry(registrySpec);
  }
  return {
    model,
    data,
    label,
    task,
    baseline: o.baseline ?? ev.baseline,
    registry,
    modelName: name,
    baselineAlias: o.alias,
    features: list(o.features) ?? config?.model.features,
    threshold: number(o.threshold, "--threshold", (n) => n >= 0 && n <= 1, "a probability in [0, 1]") ?? config?.model.threshold,
    slices: list(o.slices) ?? ev.slices,
    minSliceSize: number(o.minSliceSize, "--min-slice-size", (n) => Number.isInteger(n) && n >= 1, "an integer ≥ 1") ?? ev.min_slice_size,
    batchSize: number(o.batchSize, "--batch-size", (n) => Number.isInteger(n) && n >= 1, "an integer ≥ 1") ?? ev.batch_size,
    bootstrap: {
      resamples: number(o.bootstrap, "--bootstrap", (n) => Number.isInteger(n) && n >= 0, "an integer ≥ 0") ?? ev.bootstrap?.resamples,
      seed: number(o.seed, "--seed", (n) => Number.isInteger(n) && n >= 0, "an integer ≥ 0") ?? ev.bootstrap?.seed,
      confidence: number(o.confidence, "--confidence", (n) => n > 0 && n < 1, "a number in (0, 1)") ?? ev.bootstrap?.confidence
    },
    gates: { ...ev.gates, ...parseGateFlags(o.gate ?? []) },
    sliceGates: ev.slice_gates,
    validation: o.validation,
    predictionsOut: o.predictions,
    source: { format: config?.data?.format, delimiter: config?.data?.delimiter },
    out: o.out
  };
}

export {
  parseGateFlags,
  buildEvaluateRequest
};
