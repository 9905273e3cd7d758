import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GATE_KINDS
} from "./chunk-ZK7UXQ2T.js";
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
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  checkGateMetrics
} from "./chunk-USV7Y6Q5.js";
import {
  checkOutputFile
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/evaluate-options.ts
import { existsSync } from "node:fs";

// src/config/validate-gate.generated.js
var validate = validate21;
var schema32 = { "type": "object", "description": "Thresholds for one metric. Change gates compare with the baseline (production) model.", "additionalProperties": false, "minProperties": 1, "properties": { "min": { "type": "number", "description": "The candidate value must be at least this." }, "max": { "type": "number", "description": "The candidate value must be at most this." }, "max_drop": { "type": "number", "minimum": 0, "description": "Largest allowed fall (baseline − candidate)." }, "max_rise": { "type": "number", "minimum": 0, "description": "Largest allowed rise (candidate − baseline)." }, "min_relative_change": { "type": "number", "description": "Smallest allowed (candidate − baseline) / |baseline|, e.g. -0.02 allows a 2 % fall." } } };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err0 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "min" || key0 === "max" || key0 === "max_drop" || key0 === "max_rise" || key0 === "min_relative_change")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema32, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.min !== void 0) {
      let data0 = data.min;
      if (!(typeof data0 == "number")) {
        const err2 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.properties.min.type, parentSchema: schema32.properties.min, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.max !== void 0) {
      let data1 = data.max;
      if (!(typeof data1 == "number")) {
        const err3 = { instancePath: instancePath + "/max", schemaPath: "#/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.properties.max.type, parentSchema: schema32.properties.max, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.max_drop !== void 0) {
      let data2 = data.max_drop;
      if (typeof data2 == "number") {
        if (data2 < 0 || isNaN(data2)) {
          const err4 = { instancePath: instancePath + "/max_drop", schemaPath: "#/properties/max_drop/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32.properties.max_drop, data: data2 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/max_drop", schemaPath: "#/properties/max_drop/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.properties.max_drop.type, parentSchema: schema32.properties.max_drop, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.max_rise !== void 0) {
      let data3 = data.max_rise;
      if (typeof data3 == "number") {
        if (data3 < 0 || isNaN(data3)) {
          const err6 = { instancePath: instancePath + "/max_rise", schemaPath: "#/properties/max_rise/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32.properties.max_rise, data: data3 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/max_rise", schemaPath: "#/properties/max_rise/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.properties.max_rise.type, parentSchema: schema32.properties.max_rise, data: data3 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.min_relative_change !== void 0) {
      let data4 = data.min_relative_change;
      if (!(typeof data4 == "number")) {
        const err8 = { instancePath: instancePath + "/min_relative_change", schemaPath: "#/properties/min_relative_change/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.properties.min_relative_change.type, parentSchema: schema32.properties.min_relative_change, data: data4 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/stages/evaluate-options.ts
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
    const n = parseNumber(value, `--gate ${flag}`);
    if (!validate({ [kind]: n })) {
      const message = validate.errors?.[0]?.message ?? "is not a valid gate";
      throw new InputError(`--gate ${flag}: ${kind} ${message}, as in mlci.yml`);
    }
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
    const { openRegistry } = await import("./register-RVVPUVIR.js");
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
  if (text === void 0) return void 0;
  let n = NaN;
  try {
    n = parseNumber(text, "--confidence");
  } catch {
  }
  if (!(n > 0 && n < 1)) throw new InputError(`--confidence: got "${text}", expected a number in (0, 1)`);
  return n;
}

export {
  parseGateFlags,
  buildEvaluateRequest
};
