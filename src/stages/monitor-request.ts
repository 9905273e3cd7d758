import { parseInteger, parseNumber, parseTask } from '../config/parse.js';
import type { MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { parseGateFlags } from './evaluate-options.js';
import type { MonitorOptions, MonitorTrigger } from './monitor.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';
import { built } from './request-hook.js';
import { checkGateMetrics } from '../config/rules.js';

/** monitor's settings as text, the way the CLI flags and the action inputs give them. */
export interface MonitorFlags {
  model?: string;
  registry?: string;
  alias?: string;
  log?: string;
  data?: string;
  labels?: string;
  label?: string;
  idColumn?: string;
  since?: string;
  allVersions?: boolean;
  minRows?: string;
  driftShare?: string;
  gate?: string[];
  task?: string;
  trigger?: string;
  workflow?: string;
  ref?: string;
  eventType?: string;
  dataVersion?: string;
  dryRun?: boolean;
  memoryLimit?: string;
  out?: string;
}

const TRIGGERS: readonly MonitorTrigger['kind'][] = ['workflow_dispatch', 'repository_dispatch', 'none'];

/** A monitor request: the stage's options but the opened registry (named here) and the caller's progress. */
export type MonitorRequest = Omit<MonitorOptions, 'registry' | 'progress' | 'trigger'> & {
  registry: string | undefined;
  trigger: MonitorTrigger;
};

/**
 * Lays flags over mlci.yml's `monitor:` section into one monitor request, validated; errors name the
 * flag. A log or data flag replaces mlci.yml's source (and the log-only settings with it). The
 * caller opens the registry and adds GitHub's dispatcher to the trigger when it fires one.
 */
export function buildMonitorRequest(flags: MonitorFlags, config: MlciConfig | null): MonitorRequest {
  const m = config?.monitor;
  const model = flags.model ?? config?.model?.name;
  if (!model) throw new InputError('--model is required (or model.name in mlci.yml)');
  const fromFlags = flags.log || flags.data;
  const log = fromFlags ? flags.log : m?.log;
  const data = fromFlags ? flags.data : log ? undefined : m?.data;
  const explicitLabel = flags.label ?? m?.label;
  const kind = flags.trigger ?? m?.trigger?.kind ?? 'none';
  if (!TRIGGERS.includes(kind as MonitorTrigger['kind']))
    throw new InputError(`--trigger: got "${kind}", expected ${TRIGGERS.join(', ')}`);
  const gateFlags = flags.gate && flags.gate.length > 0 ? parseGateFlags(flags.gate) : undefined;
  const gates = gateFlags ?? m?.max_metric_drop;
  const task = parseTask(flags.task, '--task') ?? config?.model?.task;
  // mlci.yml's max_metric_drop is checked when it is loaded; a --gate flag is checked here, before any work.
  if (gateFlags && task) checkGateMetrics(gateFlags, task, '--gate', 'rows');
  return built('monitor', {
    registry: flags.registry ?? config?.register?.registry,
    model,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    log,
    data,
    since: flags.since ?? (log ? m?.since : undefined),
    allVersions: flags.allVersions ?? false,
    labels: flags.labels ?? (log ? m?.labels : undefined),
    labelColumn: explicitLabel ?? config?.model?.label,
    labelOptional: data !== undefined && explicitLabel === undefined,
    idColumn: flags.idColumn ?? m?.id_column,
    task,
    threshold: config?.model?.threshold,
    features: config?.model?.features,
    driftShare:
      parseNumber(flags.driftShare, '--drift-share', { min: 0, max: 1, exclusiveMin: true }) ??
      m?.drift_share,
    gates,
    minRows: parseInteger(flags.minRows, '--min-rows', { min: 1 }) ?? m?.min_rows,
    dataConfig: config?.data,
    trigger: {
      kind: kind as MonitorTrigger['kind'],
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
