import { InputError } from '../../core/errors.js';
import type { MonitorTrigger } from '../../pipeline/monitor.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** The monitor action's inputs (see actions/monitor/action.yml); undefined leaves mlci.yml's setting. */
export interface MonitorActionInputs {
  config: string;
  out: string;
  model?: string;
  registry?: string;
  log?: string;
  data?: string;
  labels?: string;
  label?: string;
  since?: string;
  minRows?: number;
  driftShare?: number;
  gates: string[];
  trigger?: MonitorTrigger['kind'];
  workflow?: string;
  ref?: string;
  eventType?: string;
  dataVersion?: string;
  dryRun: boolean;
  failOnDrift: boolean;
}

const TRIGGERS = ['workflow_dispatch', 'repository_dispatch', 'none'] as const;

function optional(name: string): string | undefined {
  return actionInput(name) || undefined;
}

function number(name: string, check: (n: number) => boolean, expected: string): number | undefined {
  const text = actionInput(name);
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || !check(n))
    throw new InputError(`input "${name}": got "${text}", expected ${expected}`);
  return n;
}

/** Reads and checks the monitor action's inputs. */
export function readMonitorInputs(): MonitorActionInputs {
  const trigger = optional('trigger');
  if (trigger !== undefined && !(TRIGGERS as readonly string[]).includes(trigger))
    throw new InputError(`input "trigger": got "${trigger}", expected ${TRIGGERS.join(', ')}`);
  return {
    config: actionInput('config', { fallback: 'mlci.yml' }),
    out: actionInput('out', { fallback: 'mlci-out/monitor' }),
    model: optional('model'),
    registry: optional('registry'),
    log: optional('log'),
    data: optional('data'),
    labels: optional('labels'),
    label: optional('label'),
    since: optional('since'),
    minRows: number('min-rows', (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1'),
    driftShare: number('drift-share', (n) => n > 0 && n <= 1, 'a number in (0, 1]'),
    gates: actionInput('gates')
      .split(/[\n,]/)
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    trigger: trigger as MonitorTrigger['kind'] | undefined,
    workflow: optional('workflow'),
    ref: optional('ref'),
    eventType: optional('event-type'),
    dataVersion: optional('data-version'),
    dryRun: actionBooleanInput('dry-run', false),
    failOnDrift: actionBooleanInput('fail-on-drift', true)
  };
}
