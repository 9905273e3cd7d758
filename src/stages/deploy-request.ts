import { dirname, resolve } from 'node:path';
import { durationMs } from '../config/duration.js';
import type { MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { registryStorageUri, type KServeOptions } from '../deploy/kserve.js';
import { checkInterval, checkSteps } from '../deploy/rollout.js';
import { defaultStateFile } from '../deploy/state.js';
import { checkServerUrl } from '../deploy/target.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';
import { deploySettings, type DeployCanaryOptions } from './deploy.js';
import { built } from './request-hook.js';
import { serveModelSettings } from './serve-settings.js';
import { requireModel, requestRegistry, type RequestContext } from './request-context.js';

/** deploy-canary's settings as text, the way the CLI flags and the action inputs give them. */
export interface DeployFlags {
  server?: string;
  model?: string;
  version?: string;
  target?: string;
  adminToken?: string;
  registry?: string;
  alias?: string;
  steps?: string;
  interval?: string;
  failureLimit?: string;
  maxErrorRate?: string;
  maxP99Ratio?: string;
  p99SlackMs?: string;
  maxDivergence?: string;
  minRequests?: string;
  replay?: string;
  rate?: string;
  /** Replay column left out of the requests (default model.label, else "label"). */
  label?: string;
  shadow?: boolean;
  state?: string;
  resume?: boolean;
  kserveNamespace?: string;
  kserveStorageUri?: string;
  kserveUrl?: string;
  kserveRuntime?: string;
  out?: string;
}

/** The replay column left out when neither a flag nor mlci.yml names the label. */
export const DEFAULT_LABEL = 'label';

const TARGETS = ['local', 'server', 'kserve'] as const;

/** Parses a version such as v4 or 4. */
export function parseVersion(text: string, flag = '--version'): number {
  const match = /^v?(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1) throw new InputError(`${flag}: "${text}" is not a version such as v4`);
  return Number(match[1]);
}

function number(text: string | undefined, flag: string, min = 0, max = Infinity): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    const range = max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` ≥ ${min}` : '';
    throw new InputError(`${flag}: got "${text}", expected a number${range}`);
  }
  return value;
}

/** A number above 0 (a rate): "≥ 0" would be wrong, since 0 is refused too. */
function positive(text: string | undefined, flag: string): number | undefined {
  const value = number(text, flag, -Infinity);
  if (value !== undefined && !(value > 0))
    throw new InputError(`${flag}: got "${text}", expected a number > 0`);
  return value;
}

function integer(text: string | undefined, flag: string, min = 0): number | undefined {
  const value = number(text, flag, min);
  if (value !== undefined && !Number.isInteger(value))
    throw new InputError(`${flag}: got "${text}", expected a whole number`);
  return value;
}

function steps(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return checkSteps(
    text.split(',').map((s) => number(s.trim(), '--steps', 1, 100)!),
    '--steps'
  );
}

/**
 * Lays flags over mlci.yml's `deploy:` section over the defaults into one deploy request, validated
 * (errors name the flag): every door — the CLI command, the action, the pipeline — builds the same
 * request. Paths from mlci.yml are relative to the folder of `configPath`. The caller adds its
 * progress, recorder and `by`.
 */
export async function buildDeployRequest(
  flags: DeployFlags,
  config: MlciConfig | null,
  context: RequestContext = {}
): Promise<DeployCanaryOptions> {
  const model = requireModel(flags.model, config);
  if (!flags.version) throw new InputError('--version is required, e.g. --version v4');
  const version = parseVersion(flags.version);
  const d = config?.deploy ?? {};
  const settings = deploySettings(d);
  const target = (flags.target ??
    (flags.server ? 'server' : settings.target)) as DeployCanaryOptions['target'];
  if (!TARGETS.includes(target))
    throw new InputError(`--target: got "${target}", expected ${TARGETS.join(', ')}`);
  const server = flags.server ?? settings.server;
  if (server !== undefined) checkServerUrl(server, flags.server !== undefined ? '--server' : 'deploy.server');
  const kserve: KServeOptions | undefined =
    target === 'kserve'
      ? {
          namespace: flags.kserveNamespace ?? d.kserve?.namespace,
          storageUri:
            flags.kserveStorageUri ??
            d.kserve?.storage_uri ??
            registryStorageUri(flags.registry ?? config?.register?.registry),
          runtime: flags.kserveRuntime ?? d.kserve?.runtime,
          onnxruntime: d.kserve?.onnxruntime,
          url: flags.kserveUrl
        }
      : undefined;
  const root = context.configPath ? dirname(resolve(context.configPath)) : process.cwd();
  const replay = flags.replay ?? (settings.replay ? resolve(root, settings.replay) : undefined);
  const dropColumns = [flags.label ?? config?.model.label ?? DEFAULT_LABEL];
  const { loadTestStepRequest } = await import('./loadtest-request.js');
  const loadTest = loadTestStepRequest(config, {
    replay,
    server: target === 'server' ? server : undefined,
    dropColumns,
    kserve
  });
  const registry = await requestRegistry(context, flags.registry, config);
  return built('deploy-canary', {
    model,
    version,
    target,
    server,
    adminToken: flags.adminToken,
    registry,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    steps: steps(flags.steps) ?? settings.steps,
    intervalMs:
      flags.interval !== undefined
        ? checkInterval(
            durationMs(
              /^\d+(\.\d+)?$/.test(flags.interval) ? Number(flags.interval) : flags.interval,
              '--interval'
            ),
            '--interval'
          )
        : settings.intervalMs,
    failureLimit: integer(flags.failureLimit, '--failure-limit') ?? settings.failureLimit,
    thresholds: {
      maxErrorRate: number(flags.maxErrorRate, '--max-error-rate', 0, 1) ?? settings.thresholds.maxErrorRate,
      maxP99Ratio: number(flags.maxP99Ratio, '--max-p99-ratio') ?? settings.thresholds.maxP99Ratio,
      p99SlackMs: number(flags.p99SlackMs, '--p99-slack-ms') ?? settings.thresholds.p99SlackMs,
      alpha: settings.thresholds.alpha,
      maxDivergence:
        number(flags.maxDivergence, '--max-divergence', 0, 1) ?? settings.thresholds.maxDivergence,
      minRequests: integer(flags.minRequests, '--min-requests') ?? settings.thresholds.minRequests
    },
    shadow: flags.shadow ?? true,
    replay,
    rate: positive(flags.rate, '--rate') ?? settings.rate,
    dropColumns,
    loadTest,
    serve: serveModelSettings(config),
    stateFile: flags.state ?? defaultStateFile(registry),
    resume: flags.resume ?? false,
    kserve,
    out: flags.out
  });
}
