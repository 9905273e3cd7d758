import { dirname, resolve } from 'node:path';
import { durationMs } from '../config/duration.js';
import {
  DEFAULT_LOAD_TEST_DURATION_S,
  DEFAULT_LOAD_TEST_HEADROOM,
  DEFAULT_LOAD_TEST_RAMP
} from '../config/load-test-defaults.js';
import type { LoadTestConfig, MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import type { KServeOptions } from '../deploy/kserve.js';
import { checkServerUrl } from '../deploy/target.js';
import { withDefaults } from '../loadtest/objectives.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';
import { DEFAULT_LABEL, parseVersion } from './deploy-request.js';
import type { LoadTestOptions, LoadTestStep } from './loadtest.js';
import { built } from './request-hook.js';
import { serveModelSettings } from './serve-settings.js';
import { requireModel, requestRegistry, type RequestContext } from './request-context.js';

/** `mlci loadtest`'s settings as text, the way the CLI flags give them. */
export interface LoadTestFlags {
  model?: string;
  version?: string;
  url?: string;
  stableUrl?: string;
  productionUrl?: string;
  registry?: string;
  alias?: string;
  rate?: string;
  headroom?: string;
  duration?: string;
  ramp?: string;
  replay?: string;
  label?: string;
  maxP99Ms?: string;
  minRps?: string;
  maxErrorRate?: string;
  maxP99Ratio?: string;
  p99SlackMs?: string;
  out?: string;
}

function number(text: string | undefined, flag: string, min = 0, max = Infinity): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    const range = max < Infinity ? ` from ${min} to ${max}` : ` ≥ ${min}`;
    throw new InputError(`${flag}: got "${text}", expected a number${range}`);
  }
  return value;
}

function positive(text: string | undefined, flag: string): number | undefined {
  const value = number(text, flag);
  if (value === 0) throw new InputError(`${flag}: got "${text}", expected a number above 0`);
  return value;
}

function ramp(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') return [];
  return text.split(',').map((s) => {
    const value = number(s.trim(), '--ramp', 0, 1);
    if (value === 0 || value === 1)
      throw new InputError(`--ramp: got "${s.trim()}", expected fractions of the rate between 0 and 1`);
    return value!;
  });
}

/** The load test mlci.yml's `deploy.load_test` asks for, laid over the defaults (no flags). */
export function loadTestSettings(
  config: MlciConfig | null,
  given: LoadTestConfig = config?.deploy?.load_test ?? {}
): Pick<LoadTestOptions, 'rate' | 'headroom' | 'durationMs' | 'ramp' | 'objectives' | 'serve'> {
  const o = given.objectives ?? {};
  return {
    rate: given.rate,
    headroom: given.headroom ?? DEFAULT_LOAD_TEST_HEADROOM,
    durationMs: durationMs(given.duration ?? DEFAULT_LOAD_TEST_DURATION_S, 'deploy.load_test.duration'),
    ramp: given.ramp ?? [...DEFAULT_LOAD_TEST_RAMP],
    objectives: withDefaults({
      maxP99Ms: o.max_p99_ms,
      minRps: o.min_rps,
      maxErrorRate: o.max_error_rate,
      maxP99RatioVsStable: o.max_p99_ratio_vs_stable,
      p99SlackMs: o.p99_slack_ms
    }),
    serve: serveModelSettings(config)
  };
}

/** The request rows: deploy.replay, else the evaluation data (absolute paths: the config loader resolved them). */
export function loadTestRows(config: MlciConfig | null): string | undefined {
  return config?.deploy?.replay ?? config?.evaluate?.data ?? config?.data?.eval;
}

/**
 * Lays flags over mlci.yml's `deploy.load_test` (and `deploy.replay`, `deploy.server`) over the
 * defaults into one load-test request, validated (errors name the flag). Paths from mlci.yml are
 * relative to the folder of `configPath`.
 */
export async function buildLoadTestRequest(
  flags: LoadTestFlags,
  config: MlciConfig | null,
  context: RequestContext = {}
): Promise<LoadTestOptions> {
  const model = requireModel(flags.model, config);
  if (!flags.version && !flags.url)
    throw new InputError('--version is required (e.g. --version v4), or --url of a running server');
  const version = flags.version ? parseVersion(flags.version) : undefined;
  if (flags.url !== undefined) checkServerUrl(flags.url, '--url');
  if (flags.stableUrl !== undefined) checkServerUrl(flags.stableUrl, '--stable-url');
  if (flags.stableUrl !== undefined && flags.url === undefined)
    throw new InputError('--stable-url compares with a running candidate: pass --url too');
  const productionServer = flags.productionUrl ?? config?.deploy?.server;
  if (productionServer !== undefined)
    checkServerUrl(
      productionServer,
      flags.productionUrl !== undefined ? '--production-url' : 'deploy.server'
    );
  const settings = loadTestSettings(config);
  const root = context.configPath ? dirname(resolve(context.configPath)) : process.cwd();
  const configured = loadTestRows(config);
  const replay = flags.replay ?? (configured ? resolve(root, configured) : undefined);
  if (!replay)
    throw new InputError(
      '--replay FILE is required (or deploy.replay, evaluate.data or data.eval in mlci.yml)'
    );
  const registry = await requestRegistry(context, flags.registry, config);
  const o = settings.objectives;
  return built('loadtest', {
    model,
    version,
    url: flags.url,
    stableUrl: flags.stableUrl,
    registry,
    alias: flags.alias ?? PRODUCTION_ALIAS,
    rate: positive(flags.rate, '--rate') ?? settings.rate,
    productionServer,
    headroom: number(flags.headroom, '--headroom', 1) ?? settings.headroom,
    durationMs:
      flags.duration !== undefined
        ? durationMs(
            /^\d+(\.\d+)?$/.test(flags.duration) ? Number(flags.duration) : flags.duration,
            '--duration'
          )
        : settings.durationMs,
    ramp: ramp(flags.ramp) ?? settings.ramp,
    replay,
    dropColumns: [flags.label ?? config?.model.label ?? DEFAULT_LABEL],
    objectives: {
      maxP99Ms: positive(flags.maxP99Ms, '--max-p99-ms') ?? o.maxP99Ms,
      minRps: positive(flags.minRps, '--min-rps') ?? o.minRps,
      maxErrorRate: number(flags.maxErrorRate, '--max-error-rate', 0, 1) ?? o.maxErrorRate,
      maxP99RatioVsStable: positive(flags.maxP99Ratio, '--max-p99-ratio') ?? o.maxP99RatioVsStable,
      p99SlackMs: number(flags.p99SlackMs, '--p99-slack-ms') ?? o.p99SlackMs
    },
    serve: settings.serve,
    out: flags.out
  });
}

/**
 * The load-test step of a deploy request, when mlci.yml has `deploy.load_test`: its rows are the
 * rollout's replay file (else the evaluation data), its rate source the production server.
 */
export function loadTestStepRequest(
  config: MlciConfig | null,
  deploy: { replay?: string; server?: string; dropColumns: string[]; kserve?: KServeOptions }
): LoadTestStep | undefined {
  if (!config?.deploy?.load_test) return undefined;
  const replay = deploy.replay ?? loadTestRows(config);
  if (!replay)
    throw new InputError(
      'deploy.load_test needs request rows: set deploy.replay (or evaluate.data, data.eval)'
    );
  return {
    ...loadTestSettings(config),
    productionServer: deploy.server,
    replay,
    dropColumns: deploy.dropColumns,
    kserve: deploy.kserve
  };
}
