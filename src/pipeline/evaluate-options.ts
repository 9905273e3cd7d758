import { existsSync } from 'node:fs';
import type { GateSpec, MlciConfig, Task } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { checkOutputFile } from '../core/files.js';
import { GATE_KINDS, type GateKind } from '../gate/gates.js';
import { PRODUCTION_ALIAS } from '../registry/record.js';
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

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function number(
  text: string | undefined,
  flag: string,
  check: (n: number) => boolean,
  expected: string
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new InputError(`${flag}: got "${text}", expected ${expected}`);
  return n;
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
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InputError(`--gate ${flag}: "${value}" is not a number`);
    gates[metric] = { ...gates[metric], [kind]: n };
  }
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
  const task = (o.task ?? config?.model.task) as Task | undefined;
  const missing = [!model && '--model', !data && '--data', !label && '--label', !task && '--task'].filter(
    Boolean
  );
  if (missing.length > 0)
    throw new InputError(
      `evaluate needs ${missing.join(', ')} (or mlci.yml with model.label, model.task and data.eval)`
    );
  if (!['binary', 'multiclass', 'regression'].includes(task as string)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  if (o.predictions) await checkOutputFile(o.predictions, '--predictions');
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
    features: list(o.features) ?? config?.model.features,
    output: o.output,
    threshold:
      number(o.threshold, '--threshold', (n) => n >= 0 && n <= 1, 'a probability in [0, 1]') ??
      config?.model.threshold,
    slices: list(o.slices) ?? ev.slices,
    minSliceSize:
      number(o.minSliceSize, '--min-slice-size', (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1') ??
      ev.min_slice_size,
    batchSize:
      number(o.batchSize, '--batch-size', (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1') ??
      ev.batch_size,
    bootstrap: {
      resamples:
        number(o.bootstrap, '--bootstrap', (n) => Number.isInteger(n) && n >= 0, 'an integer ≥ 0') ??
        ev.bootstrap?.resamples,
      seed:
        number(o.seed, '--seed', (n) => Number.isInteger(n) && n >= 0, 'an integer ≥ 0') ??
        ev.bootstrap?.seed,
      confidence:
        number(o.confidence, '--confidence', (n) => n > 0 && n < 1, 'a number in (0, 1)') ??
        ev.bootstrap?.confidence
    },
    gates: { ...ev.gates, ...parseGateFlags(o.gate ?? []) },
    sliceGates: ev.slice_gates,
    validation: o.validation,
    predictionsOut: o.predictions,
    source: { format: config?.data?.format, delimiter: config?.data?.delimiter },
    out: o.out
  });
}
