import { existsSync } from 'node:fs';
import type { GateSpec, MlciConfig, Task } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { checkOutputFile } from '../core/files.js';
import {
  parseInteger,
  parseList,
  parseNumber,
  parseProbability,
  parseSeed,
  parseTask
} from '../config/parse.js';
import { checkGateMetrics } from '../config/rules.js';
import { validate as validateGate } from '../config/validate-gate.generated.js';
import { GATE_KINDS, type GateKind } from '../gate/gates.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';
import type { Registry } from '../registry/types.js';
import type { EvaluateRequest } from './evaluate.js';
import { built } from './request-hook.js';

/** evaluate's settings as text, the way the CLI flags and the action inputs give them. */
export interface EvaluateFlags {
  model?: string;
  baseline?: string;
  data?: string;
  label?: string;
  task?: string;
  name?: string;
  registry?: string;
  alias?: string;
  features?: string;
  output?: string;
  threshold?: string;
  slices?: string;
  minSliceSize?: string;
  batchSize?: string;
  bootstrap?: string;
  seed?: string;
  confidence?: string;
  gate?: string[];
  validation?: string;
  predictions?: string;
  out?: string;
}

/** Parses `metric:kind=value` gates from the command line. */
export function parseGateFlags(flags: string[]): Record<string, GateSpec> {
  const gates: Record<string, GateSpec> = {};
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9_]*):([a-z_]+)=(.+)$/.exec(flag.trim());
    if (!match)
      throw new InputError(`--gate: got "${flag}", expected metric:kind=value such as roc_auc:max_drop=0.01`);
    const [, metric, kind, value] = match;
    if (!GATE_KINDS.includes(kind as GateKind)) {
      throw new InputError(
        `--gate ${flag}: unknown kind "${kind}", expected one of ${GATE_KINDS.join(', ')}`
      );
    }
    const n = parseNumber(value, `--gate ${flag}`) as number;
    // mlci.yml's bounds (max_drop ≥ 0, …) come from its schema, so a flag cannot pass what the file refuses.
    if (!validateGate({ [kind]: n })) {
      const message = validateGate.errors?.[0]?.message ?? 'is not a valid gate';
      throw new InputError(`--gate ${flag}: ${kind} ${message}, as in mlci.yml`);
    }
    gates[metric] = { ...gates[metric], [kind]: n };
  }
  return gates;
}

/** mlci.yml's gates with the --gate flags added, metric by metric (a flag replaces only its own kind). */
function withFlagGates(
  config: Record<string, GateSpec> | undefined,
  flags: Record<string, GateSpec>
): Record<string, GateSpec> {
  const gates = { ...config };
  for (const [metric, spec] of Object.entries(flags)) gates[metric] = { ...gates[metric], ...spec };
  return gates;
}

/**
 * Merges flags over mlci.yml into a request; flags win. Errors name the flag or config key. A caller
 * that already holds the registry passes it; else the one the flags or mlci.yml name is opened.
 */
export async function buildEvaluateRequest(
  o: EvaluateFlags,
  config: MlciConfig | null,
  openedRegistry?: Registry
): Promise<EvaluateRequest> {
  const ev = config?.evaluate ?? {};
  const model = o.model;
  const data = o.data ?? ev.data ?? config?.data?.eval;
  const label = o.label ?? config?.model.label;
  const task = parseTask(o.task, '--task') ?? config?.model.task;
  const missing = [!model && '--model', !data && '--data', !label && '--label', !task && '--task'].filter(
    Boolean
  );
  if (missing.length > 0)
    throw new InputError(
      `evaluate needs ${missing.join(', ')} (or mlci.yml with model.label, model.task and data.eval)`
    );
  if (o.predictions) await checkOutputFile(o.predictions, '--predictions');
  const flagGates = parseGateFlags(o.gate ?? []);
  checkGateMetrics(flagGates, task as Task, '--gate');
  const name = o.name ?? config?.model.name;
  const registrySpec = o.registry ?? config?.register?.registry;
  // The registry gives the baseline (its production alias) and the history chart.
  let registry = openedRegistry ?? null;
  if (!registry && name && (registrySpec || existsSync('.mlci/registry'))) {
    const { openRegistry } = await import('./register.js');
    registry = await openRegistry(registrySpec);
  }
  return built('evaluate', {
    model: model as string,
    data: data as string,
    label: label as string,
    task: task as Task,
    baseline: o.baseline ?? ev.baseline,
    registry,
    modelName: name,
    baselineAlias: o.alias ?? PRODUCTION_ALIAS,
    features: parseList(o.features) ?? config?.model.features,
    output: o.output,
    threshold: parseProbability(o.threshold, '--threshold') ?? config?.model.threshold,
    slices: parseList(o.slices) ?? ev.slices,
    minSliceSize: parseInteger(o.minSliceSize, '--min-slice-size', { min: 1 }) ?? ev.min_slice_size,
    batchSize: parseInteger(o.batchSize, '--batch-size', { min: 1 }) ?? ev.batch_size,
    bootstrap: {
      resamples: parseInteger(o.bootstrap, '--bootstrap', { min: 0 }) ?? ev.bootstrap?.resamples,
      seed: parseSeed(o.seed, '--seed') ?? ev.bootstrap?.seed,
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

// A confidence level is a probability strictly between 0 and 1: one message for every value refused.
function parseConfidence(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let n = NaN;
  try {
    n = parseNumber(text, '--confidence') as number;
  } catch {
    // not a decimal number: refused below with the same message as an out-of-range one
  }
  if (!(n > 0 && n < 1)) throw new InputError(`--confidence: got "${text}", expected a number in (0, 1)`);
  return n;
}
