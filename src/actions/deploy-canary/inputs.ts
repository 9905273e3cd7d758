import type { DeployFlags } from '../../stages/deploy-request.js';
import { configFileOr } from '../../config/default-file.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** What the deploy-canary action was asked to do: the deploy flags, plus what only the action has. */
export interface DeployCanaryActionInputs extends DeployFlags {
  version: string;
  /** Registry directory or `github` (the action's default). */
  registry: string;
  environmentUrl?: string;
  config: string;
  out: string;
}

/** Reads the action's inputs (MLCI_INPUT_*) as text; buildDeployRequest checks them. */
export function readDeployCanaryInputs(): DeployCanaryActionInputs {
  const optional = (name: string) => actionInput(name) || undefined;
  return {
    model: optional('model'),
    version: actionInput('version', { required: true }),
    target: optional('target'),
    server: optional('server'),
    adminToken: optional('admin-token'),
    registry: actionInput('registry', { fallback: 'github' }),
    alias: optional('alias'),
    steps: optional('steps'),
    interval: optional('interval'),
    failureLimit: optional('failure-limit'),
    replay: optional('replay'),
    rate: optional('rate'),
    resume: actionBooleanInput('resume', false),
    state: optional('state-file'),
    maxErrorRate: optional('max-error-rate'),
    maxP99Ratio: optional('max-p99-ratio'),
    p99SlackMs: optional('p99-slack-ms'),
    maxDivergence: optional('max-divergence'),
    minRequests: optional('min-requests'),
    environmentUrl: optional('environment-url'),
    config: configFileOr(actionInput('config')),
    out: actionInput('out', { fallback: 'mlci-out/deploy' })
  };
}
