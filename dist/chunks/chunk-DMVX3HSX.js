import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GATE_KINDS
} from "./chunk-HSD3ONEC.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  parseInteger,
  parseList,
  parseNumber,
  parseProbability,
  parseSeed,
  parseTask
} from "./chunk-GSRDT4OZ.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  checkGateMetrics
} from "./chunk-N3HU6RCH.js";
import {
  checkOutputFile
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/evaluate-options.ts
import { existsSync } from "node:fs";
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
function withFlagGates(config, flags) {
  const gates = { ...config };
  for (const [metric, spec] of Object.entries(flags)) gates[metric] = { ...gates[metric], ...spec };
  return gates;
}
async function buildEvaluateRequest(o, config, openedRegistry) {
  const ev = config?.evaluate ?? {};
  const model = o.model;
  const data = o.data ?? ev.data ?? config?.data?.eval;
  const label = o.label ?? config?.model.label;
  const task = parseTask(o.task, "--task") ?? config?.model.task;
  const missing = [!model && "--model", !data && "--data", !label && "--label", !task && "--task"].filter(
    Boolean
  );
  if (missing.length > 0)
    throw new InputError(
      `evaluate needs ${missing.join(", ")} (or mlci.yml with model.label, model.task and data.eval)`
    );
  if (o.predictions) await checkOutputFile(o.predictions, "--predictions");
  const flagGates = parseGateFlags(o.gate ?? []);
  checkGateMetrics(flagGates, task, "--gate");
  const name = o.name ?? config?.model.name;
  const registrySpec = o.registry ?? config?.register?.registry;
  let registry = openedRegistry ?? null;
  if (!registry && name && (registrySpec || existsSync(".mlci/registry"))) {
    const { openRegistry } = await import("./register-VUXEMO7K.js");
    registry = await openRegistry(registrySpec);
  }
  return built("evaluate", {
    model,
    data,
    label,
    task,
    baseline: o.baseline ?? ev.baseline,
    registry,
    modelName: name,
    baselineAlias: o.alias ?? PRODUCTION_ALIAS,
    features: parseList(o.features) ?? config?.model.features,
    output: o.output,
    threshold: parseProbability(o.threshold, "--threshold") ?? config?.model.threshold,
    slices: parseList(o.slices) ?? ev.slices,
    minSliceSize: parseInteger(o.minSliceSize, "--min-slice-size", { min: 1 }) ?? ev.min_slice_size,
    batchSize: parseInteger(o.batchSize, "--batch-size", { min: 1 }) ?? ev.batch_size,
    bootstrap: {
      resamples: parseInteger(o.bootstrap, "--bootstrap", { min: 0 }) ?? ev.bootstrap?.resamples,
      seed: parseSeed(o.seed, "--seed") ?? ev.bootstrap?.seed,
      confidence: parseConfidence(o.confidence) ?? ev.bootstrap?.confidence
    },
    gates: withFlagGates(ev.gates, flagGates),
    sliceGates: ev.slice_gates,
    validation: o.validation,
    predictionsOut: o.predictions,
    source: { format: config?.data?.format, delimiter: config?.data?.delimiter },
    out: o.out
  });
}
function parseConfidence(text) {
  const n = parseNumber(text, "--confidence", { min: 0, max: 1, exclusiveMin: true });
  if (n === 1) throw new InputError(`--confidence: got "${text}", expected a number in (0, 1)`);
  return n;
}

export {
  parseGateFlags,
  buildEvaluateRequest
};
