import type { MonitorFlags } from '../../stages/monitor-request.js';
import { configFileOr } from '../../config/default-file.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** The monitor action's inputs (see actions/monitor/action.yml) as text; undefined leaves mlci.yml's setting. */
export interface MonitorActionInputs extends MonitorFlags {
  config: string;
  out: string;
  dryRun: boolean;
  failOnDrift: boolean;
}

function optional(name: string): string | undefined {
  return actionInput(name) || undefined;
}

/** Reads the monitor action's inputs; buildMonitorRequest checks them. */
export function readMonitorInputs(): MonitorActionInputs {
  return {
    config: configFileOr(actionInput('config')),
    out: actionInput('out', { fallback: 'mlci-out/monitor' }),
    model: optional('model'),
    registry: optional('registry'),
    log: optional('log'),
    data: optional('data'),
    labels: optional('labels'),
    label: optional('label'),
    since: optional('since'),
    minRows: optional('min-rows'),
    driftShare: optional('drift-share'),
    gate: actionInput('gates')
      .split(/[\n,]/)
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    trigger: optional('trigger'),
    workflow: optional('workflow'),
    ref: optional('ref'),
    eventType: optional('event-type'),
    dataVersion: optional('data-version'),
    dryRun: actionBooleanInput('dry-run', false),
    failOnDrift: actionBooleanInput('fail-on-drift', true)
  };
}
