import { actionBooleanInput, actionInput } from '../inputs.js';

/** Action inputs (see actions/monitor/action.yml) and the `mlci monitor` flag each one becomes. */
const FLAGS: Record<string, string> = {
  model: '--model',
  registry: '--registry',
  log: '--log',
  data: '--data',
  labels: '--labels',
  label: '--label',
  since: '--since',
  'min-rows': '--min-rows',
  'drift-share': '--drift-share',
  trigger: '--trigger',
  workflow: '--workflow',
  ref: '--ref',
  'event-type': '--event-type',
  'data-version': '--data-version',
  config: '--config'
};

/** The `mlci monitor` arguments the action's inputs give; empty inputs leave mlci.yml's defaults. */
export function monitorArguments(out: string): string[] {
  const args = ['monitor', '--out', out];
  for (const [input, flag] of Object.entries(FLAGS)) {
    const value = actionInput(input);
    if (value !== '') args.push(flag, value);
  }
  for (const gate of actionInput('gates').split(/[\n,]/)) {
    if (gate.trim() !== '') args.push('--gate', gate.trim());
  }
  if (actionBooleanInput('dry-run', false)) args.push('--dry-run');
  return args;
}
