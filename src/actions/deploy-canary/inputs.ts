import { InputError } from '../../core/errors.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** What the deploy-canary action was asked to do. */
export interface DeployCanaryActionInputs {
  model?: string;
  version: number;
  target?: 'local' | 'server' | 'kserve';
  server?: string;
  adminToken?: string;
  registry: string;
  alias: string;
  steps?: number[];
  interval?: string;
  failureLimit?: number;
  replay?: string;
  rate?: number;
  resume: boolean;
  stateFile: string;
  thresholds: {
    maxErrorRate?: number;
    maxP99Ratio?: number;
    p99SlackMs?: number;
    maxDivergence?: number;
    minRequests?: number;
  };
  environmentUrl?: string;
  config: string;
  out: string;
}

function optionalNumber(name: string): number | undefined {
  const text = actionInput(name);
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(`input "${name}": got "${text}", expected a non-negative number`);
  return value;
}

/** Reads the action's inputs (MLCI_INPUT_*) into typed options. */
export function readDeployCanaryInputs(): DeployCanaryActionInputs {
  const versionText = actionInput('version', { required: true });
  const match = /^v?(\d+)$/.exec(versionText);
  if (!match) throw new InputError(`input "version": got "${versionText}", expected a version such as v4`);
  const target = actionInput('target');
  if (target && !['local', 'server', 'kserve'].includes(target)) {
    throw new InputError(`input "target": got "${target}", expected local, server or kserve`);
  }
  const stepsText = actionInput('steps');
  return {
    model: actionInput('model') || undefined,
    version: Number(match[1]),
    target: (target || undefined) as DeployCanaryActionInputs['target'],
    server: actionInput('server') || undefined,
    adminToken: actionInput('admin-token') || undefined,
    registry: actionInput('registry', { fallback: 'github' }),
    alias: actionInput('alias', { fallback: 'production' }),
    steps: stepsText ? stepsText.split(',').map((s) => Number(s.trim())) : undefined,
    interval: actionInput('interval') || undefined,
    failureLimit: optionalNumber('failure-limit'),
    replay: actionInput('replay') || undefined,
    rate: optionalNumber('rate'),
    resume: actionBooleanInput('resume', false),
    stateFile: actionInput('state-file', { fallback: '.mlci/deploy-state.json' }),
    thresholds: {
      maxErrorRate: optionalNumber('max-error-rate'),
      maxP99Ratio: optionalNumber('max-p99-ratio'),
      p99SlackMs: optionalNumber('p99-slack-ms'),
      maxDivergence: optionalNumber('max-divergence'),
      minRequests: optionalNumber('min-requests')
    },
    environmentUrl: actionInput('environment-url') || undefined,
    config: actionInput('config', { fallback: 'mlci.yml' }),
    out: actionInput('out', { fallback: 'mlci-out/deploy' })
  };
}
