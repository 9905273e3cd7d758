import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  parseGateFlags
} from "./chunk-VB6TYJ5Z.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  parseInteger,
  parseNumber,
  parseTask
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  checkGateMetrics
} from "./chunk-USV7Y6Q5.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/monitor-request.ts
var TRIGGERS = ["workflow_dispatch", "repository_dispatch", "none"];
function buildMonitorRequest(flags, config) {
  const m = config?.monitor;
  const model = flags.model ?? config?.model?.name;
  if (!model) throw new InputError("--model is required (or model.name in mlci.yml)");
  const fromFlags = flags.log || flags.data;
  const log = fromFlags ? flags.log : m?.log;
  const data = fromFlags ? flags.data : log ? void 0 : m?.data;
  const explicitLabel = flags.label ?? m?.label;
  const kind = flags.trigger ?? m?.trigger?.kind ?? "none";
  if (!TRIGGERS.includes(kind))
    throw new InputError(`--trigger: got "${kind}", expected ${TRIGGERS.join(", ")}`);
  const gateFlags = flags.gate && flags.gate.length > 0 ? parseGateFlags(flags.gate) : void 0;
  const gates = gateFlags ?? m?.max_metric_drop;
  const task = parseTask(flags.task, "--task") ?? config?.model?.task;
  if (gateFlags && task) checkGateMetrics(gateFlags, task, "--gate", "rows");
  return built("monitor", {
    registry: flags.registry ?? config?.register?.registry,
    model,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    log,
    data,
    since: flags.since ?? (log ? m?.since : void 0),
    allVersions: flags.allVersions ?? false,
    labels: flags.labels ?? (log ? m?.labels : void 0),
    labelColumn: explicitLabel ?? config?.model?.label,
    labelOptional: data !== void 0 && explicitLabel === void 0,
    idColumn: flags.idColumn ?? m?.id_column,
    task,
    threshold: config?.model?.threshold,
    features: config?.model?.features,
    driftShare: parseNumber(flags.driftShare, "--drift-share", { min: 0, max: 1, exclusiveMin: true }) ?? m?.drift_share,
    gates,
    minRows: parseInteger(flags.minRows, "--min-rows", { min: 1 }) ?? m?.min_rows,
    dataConfig: config?.data,
    trigger: {
      kind,
      workflow: flags.workflow ?? m?.trigger?.workflow,
      ref: flags.ref ?? m?.trigger?.ref,
      eventType: flags.eventType ?? m?.trigger?.event_type,
      dataVersion: flags.dataVersion
    },
    dryRun: flags.dryRun ?? false,
    out: flags.out,
    memoryLimit: flags.memoryLimit
  });
}

export {
  buildMonitorRequest
};
