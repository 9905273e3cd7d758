import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { durationMs } from '../config/duration.js';
import type { DeployConfig } from '../config/types.js';
import { describeError, InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import type { Progress } from '../core/progress.js';
import { DEFAULT_THRESHOLDS, type AnalysisThresholds } from '../deploy/analysis.js';
import { KServeTarget, rolloutManifests, type KServeOptions } from '../deploy/kserve.js';
import { kserveRuntimeCheck, requireOnnxRuntime } from '../deploy/kserve-runtime.js';
import type { DeploymentRecorder } from '../deploy/recorder.js';
import { rolloutMarkdown } from '../deploy/report.js';
import { checkSteps, runRollout, type RolloutReport } from '../deploy/rollout.js';
import {
  clearPauseState,
  defaultStateFile,
  readPauseState,
  writePauseState,
  type PausedRollout
} from '../deploy/state.js';
import { checkServerUrl, ServerTarget, type CanaryTarget } from '../deploy/target.js';
import { readReplayFile, replayBodies } from '../deploy/traffic.js';
import type { AliasEvent, Registry } from '../registry/types.js';
import { ModelServer } from '../serve/server.js';
import { registrySource } from '../serve/source.js';
import { DEFAULT_CANARY_STEPS, DEFAULT_FAILURE_LIMIT } from '../config/defaults.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';
import type { LoadTestResult, LoadTestStep } from './loadtest.js';
import type { ServeModelSettings } from '../serve/options.js';
import { definedOnly } from '../core/defaults.js';

export type { DeploymentRecorder } from '../deploy/recorder.js';

/** Inputs of `mlci deploy-canary` and the deploy-canary action. */
export interface DeployCanaryOptions {
  model: string;
  version: number;
  target: 'local' | 'server' | 'kserve';
  /** URL of a running mlci server (target server). */
  server?: string;
  adminToken?: string;
  /** The registry: serves the local target, and its alias moves on success. */
  registry: Registry;
  /** Alias moved on success (default production). */
  alias?: string;
  steps?: number[];
  intervalMs?: number;
  failureLimit?: number;
  thresholds?: Partial<AnalysisThresholds>;
  shadow?: boolean;
  /** Request file replayed at each step (CSV or JSONL); without it, production traffic is observed. */
  replay?: string;
  /** Replay rate, requests per second (default 50). */
  rate?: number;
  /** Replay columns the model does not take (e.g. the label); dropped automatically when the server lists its features. */
  dropColumns?: string[];
  /** Pause state file (default: deploy-state.json beside the registry directory). */
  stateFile?: string;
  /** Carry on a paused rollout. */
  resume?: boolean;
  kserve?: KServeOptions;
  out?: string;
  recorder?: DeploymentRecorder;
  /** Who moves the alias (recorded in the registry). */
  by?: string;
  progress?: Progress;
  /** The load test run before the first traffic step (mlci.yml `deploy.load_test`). */
  loadTest?: LoadTestStep;
  /** How the embedded server reads the model (mlci.yml `model:`), as `mlci serve` does: a [N, F] input needs its features. */
  serve?: ServeModelSettings;
  /** Test hook: builds the target instead of the default for `target`. */
  makeTarget?: () => Promise<{ target: CanaryTarget; close(): Promise<void> }>;
}

/** The rollout settings the `deploy:` section of mlci.yml gives; callers lay their own flags or inputs over them. */
export function deploySettings(
  d: DeployConfig = {}
): Pick<
  DeployCanaryOptions,
  'target' | 'server' | 'steps' | 'intervalMs' | 'failureLimit' | 'replay' | 'rate' | 'kserve'
> & { thresholds: Partial<AnalysisThresholds> } {
  return {
    target: d.target ?? (d.server ? 'server' : 'local'),
    server: d.server,
    steps: d.steps,
    intervalMs: d.interval !== undefined ? durationMs(d.interval, 'deploy.interval') : undefined,
    failureLimit: d.failure_limit,
    thresholds: {
      maxErrorRate: d.analysis?.max_error_rate,
      maxP99Ratio: d.analysis?.max_p99_ratio,
      p99SlackMs: d.analysis?.p99_slack_ms,
      maxDivergence: d.analysis?.max_divergence,
      minRequests: d.analysis?.min_requests,
      alpha: d.analysis?.alpha
    },
    replay: d.replay,
    rate: d.rate,
    kserve: d.kserve?.storage_uri
      ? {
          namespace: d.kserve.namespace,
          storageUri: d.kserve.storage_uri,
          runtime: d.kserve.runtime,
          onnxruntime: d.kserve.onnxruntime
        }
      : undefined
  };
}

/** What a deploy-canary run did. */
export interface DeployCanaryResult {
  model: string;
  target: string;
  report: RolloutReport;
  /** The alias move on promotion; null when the alias stayed where it was. */
  alias: AliasEvent | null;
  files: string[];
  /** The load test run before the first traffic step, when mlci.yml asks for one. */
  loadTest?: LoadTestResult;
}

/**
 * Rolls `model@vN` out on the target in traffic steps with an analysis at each, then moves the
 * alias (promoted), leaves it (rolled back), or saves where it paused (inconclusive). A first
 * version (the alias points nowhere yet) has nothing to be compared with: it takes the alias at once.
 */
export async function deployCanary(input: DeployCanaryOptions): Promise<DeployCanaryResult> {
  const options = { ...input, recorder: bestEffort(input.recorder, input.progress) };
  const alias = options.alias ?? PRODUCTION_ALIAS;
  const stateFile = options.stateFile ?? defaultStateFile(options.registry);
  checkTargetSettings(options);
  const record = await options.registry.resolve({ name: options.model, version: options.version });
  if (!record)
    throw new InputError(`model "${options.model}" has no version v${options.version} in the registry`);
  const stable = await options.registry.resolve({ name: options.model, alias });
  if (!options.resume && (!stable || stable.version === options.version)) {
    const reason = stable
      ? `v${options.version} is already ${alias}: nothing to roll out`
      : `first version: v${options.version} becomes ${alias} without a canary (there is no stable version to compare with)`;
    const report = immediateReport(options.version, stable?.version ?? 0, reason);
    options.progress?.info(reason);
    await options.recorder?.start(recorderStart(options, alias, stable ? 'no change to' : 'first version'));
    return finish(options, { alias, stateFile, steps: [], report, target: options.target, move: !stable });
  }
  if (options.target === 'local' && !options.replay) {
    throw new InputError(
      'the local target has no production traffic to observe: pass --replay FILE (e.g. the test set)'
    );
  }
  const paused = options.resume ? await readPauseState(stateFile) : null;
  if (paused && (paused.model !== options.model || paused.version !== options.version)) {
    throw new InputError(
      `${stateFile} holds a paused rollout of ${paused.model}@v${paused.version}, not ${options.model}@v${options.version}`
    );
  }
  const steps = paused?.steps ?? options.steps ?? [...DEFAULT_CANARY_STEPS];
  let loadTest: LoadTestResult | undefined;
  if (options.loadTest && !options.resume) {
    // A failed load test stops the rollout before the candidate gets any traffic (docs/loadtest.md).
    const { loadTestBeforeTraffic, withLoadTest } = await import('./loadtest.js');
    loadTest = await loadTestBeforeTraffic(options.loadTest, { ...options, alias });
    if (loadTest.exitCode !== 0) {
      const reason = `load test failed: ${loadTest.report.summary}`;
      const report = {
        ...immediateReport(options.version, stable!.version, reason),
        outcome: 'rolled_back' as const
      };
      await options.recorder?.start(recorderStart(options, alias, 'load test of'));
      const done = await finish(options, {
        alias,
        stateFile,
        steps: [],
        report,
        target: 'load test',
        move: false
      });
      return withLoadTest(done, loadTest);
    }
  }
  const { target, close } = options.makeTarget
    ? await options.makeTarget()
    : await openTarget(options, alias);
  try {
    const report = await rollOut(options, target, { steps, stateFile, paused, alias });
    const done = await finish(options, {
      alias,
      stateFile,
      steps,
      report,
      target: target.description,
      move: report.outcome === 'promoted'
    });
    return (await import('./loadtest.js')).withLoadTest(done, loadTest);
  } finally {
    await close();
  }
}

/** Checks the settings each target needs, whichever door (CLI, action, pipeline) the request came by. */
function checkTargetSettings(options: DeployCanaryOptions): void {
  if (options.target === 'kserve' && !options.kserve?.storageUri)
    throw new InputError('target kserve needs --kserve-storage-uri (or deploy.kserve.storage_uri)');
  if (options.target === 'server' && options.server !== undefined) checkServerUrl(options.server, '--server');
  if (options.steps) checkSteps(options.steps);
}

/** The report of a deploy that needed no canary: promoted (or already there) at once. */
function immediateReport(version: number, stable: number, reason: string): RolloutReport {
  const now = new Date().toISOString();
  return {
    version,
    stable,
    outcome: 'promoted',
    reason,
    steps: [],
    analyses: [],
    failures: 0,
    started: now,
    finished: now
  };
}

function recorderStart(options: DeployCanaryOptions, alias: string, what: string) {
  return {
    model: options.model,
    version: options.version,
    environment: alias,
    description: `${what} ${options.model}@v${options.version}`
  };
}

/** Replays traffic (if any) and runs the traffic steps from the start or from where the rollout paused. */
async function rollOut(
  options: DeployCanaryOptions,
  target: CanaryTarget,
  run: { steps: number[]; stateFile: string; paused: PausedRollout | null; alias: string }
): Promise<RolloutReport> {
  const { steps, stateFile, paused } = run;
  const rate = options.rate ?? 50;
  const bodies = options.replay
    ? replayBodies(await readReplayFile(options.replay, options.dropColumns ?? []), await target.features())
    : undefined;
  let resumeStep: number | undefined;
  if (options.resume) {
    if (paused) resumeStep = paused.step;
    else {
      // No state file (e.g. a fresh CI job): carry on from the weight the server holds now.
      const state = await target.state();
      // Promoted on the server by a run that stopped before the alias moved: the rollout finishes it.
      const promotedThere = state.stable.version === options.version && !state.canary;
      if (!promotedThere && state.canary?.version !== options.version) {
        throw new InputError(
          `nothing to resume: no state file at ${stateFile} and v${options.version} is not the canary on ${target.description}`
        );
      }
      if (!promotedThere) {
        const index = steps.findIndex((s) => s >= state.canary!.weight);
        resumeStep = index < 0 ? steps.length - 1 : index;
      }
    }
  }
  await options.recorder?.start({
    ...recorderStart(options, run.alias, 'canary'),
    description: `canary ${options.model}@v${options.version} on ${target.description}`
  });
  return runRollout(target, {
    version: options.version,
    steps,
    intervalMs: options.intervalMs,
    failureLimit: options.failureLimit ?? DEFAULT_FAILURE_LIMIT,
    thresholds: { ...DEFAULT_THRESHOLDS, ...definedOnly(options.thresholds) },
    shadow: options.shadow ?? true,
    traffic: bodies ? { bodies, rate } : undefined,
    resumeStep,
    failures: paused?.failures,
    onEvent: async (event) => {
      if (event.kind === 'step' && event.step > 0) {
        options.progress?.info(
          `step ${event.step}/${event.of}: ${event.weight} % of traffic to v${options.version}`
        );
        await options.recorder?.update(
          'in_progress',
          `step ${event.step}/${event.of}: ${event.weight} % to v${options.version}`
        );
      } else if (event.kind === 'interval') {
        const rate = event.rate === null ? 'no traffic measured' : `${event.rate.toFixed(1)} requests/s`;
        options.progress?.info(`  observing for ${seconds(event.intervalMs)} (${rate})`);
      } else if (event.kind === 'progress') {
        options.progress?.info(
          `  … ${event.canaryRequests} canary and ${event.stableRequests} stable requests so far, ${seconds(event.leftMs)} left`
        );
      } else if (event.kind === 'warning') {
        options.progress?.info(`warning: ${event.message}`);
      } else if (event.kind === 'analysis') {
        const attempt = event.report.attempt > 1 ? ` (try ${event.report.attempt})` : '';
        options.progress?.info(
          `  analysis${attempt}: ${event.report.analysis.verdict} (${event.report.analysis.reason})`
        );
      }
    }
  });
}

/** Moves the alias or saves the pause, records the outcome, and writes deployment.json/.md to `out`. */
async function finish(
  options: DeployCanaryOptions,
  run: {
    alias: string;
    stateFile: string;
    steps: number[];
    report: RolloutReport;
    target: string;
    move: boolean;
  }
): Promise<DeployCanaryResult> {
  const { alias, stateFile, report } = run;
  const files: string[] = [];
  let moved: AliasEvent | null = null;
  if (run.move) {
    moved = await options.registry.promote(
      options.model,
      options.version,
      alias,
      options.by ?? 'mlci deploy-canary',
      report.reason
    );
  }
  if (report.outcome === 'paused') {
    await writePauseState(stateFile, {
      model: options.model,
      version: options.version,
      target: run.target,
      step: report.pausedAt!.step,
      weight: report.pausedAt!.weight,
      steps: run.steps,
      failures: report.failures,
      reason: report.reason,
      paused: report.finished
    });
    files.push(stateFile);
  } else if (run.steps.length > 0) await clearPauseState(stateFile);

  const result: DeployCanaryResult = {
    model: options.model,
    target: run.target,
    report,
    alias: moved,
    files
  };
  if (options.out) {
    const aliasLine = moved
      ? `Alias \`${alias}\` moved from ${moved.from === null ? 'nothing' : `v${moved.from}`} to v${moved.to}.`
      : `Alias \`${alias}\` left where it was.`;
    await writeJsonAtomic(join(options.out, 'deployment.json'), { ...result, files: undefined });
    await writeFileAtomic(
      join(options.out, 'deployment.md'),
      rolloutMarkdown(options.model, report, run.target, aliasLine)
    );
    files.push(join(options.out, 'deployment.json'), join(options.out, 'deployment.md'));
  }
  // Recorded last: the alias and the files already say what happened, whatever the record does.
  const state =
    report.outcome === 'promoted' ? 'success' : report.outcome === 'rolled_back' ? 'failure' : 'queued';
  await options.recorder?.update(
    state,
    truncate(`${report.outcome.replace('_', ' ')}: ${report.reason}`, 140)
  );
  return result;
}

/**
 * The recorder as the rollout uses it: the record is bookkeeping about work done, so a recorder that
 * throws (the GitHub one warns by itself instead) is reported as a progress line, never raised.
 */
function bestEffort(
  recorder: DeploymentRecorder | undefined,
  progress?: Progress
): DeploymentRecorder | undefined {
  if (!recorder) return undefined;
  const guard =
    (what: string) =>
    async (work: () => Promise<void>): Promise<void> => {
      try {
        await work();
      } catch (error) {
        progress?.info(
          `warning: the deployment record was not ${what}: ${describeError(error).split('\n')[0]}`
        );
      }
    };
  return {
    start: (info) => guard('started')(() => recorder.start(info)),
    update: (state, description) => guard(`updated to ${state}`)(() => recorder.update(state, description))
  };
}

async function openTarget(
  options: DeployCanaryOptions,
  alias: string
): Promise<{ target: CanaryTarget; close(): Promise<void> }> {
  if (options.target === 'server') {
    if (!options.server) throw new InputError('target server needs --server URL (a running `mlci serve`)');
    const token = options.adminToken ?? process.env.MLCI_ADMIN_TOKEN ?? '';
    return { target: new ServerTarget(options.server, token, options.model), close: async () => undefined };
  }
  if (options.target === 'kserve') {
    if (!options.kserve)
      throw new InputError('target kserve needs the kserve settings (namespace, storage URI)');
    const stable = await options.registry.resolve({ name: options.model, alias });
    if (!stable) throw new InputError(`model "${options.model}" has no "${alias}" version to keep as stable`);
    // Every manifest of the rollout is rendered and checked against KServe's schema before the first apply.
    rolloutManifests(
      options.model,
      options.version,
      options.kserve,
      options.steps ?? [...DEFAULT_CANARY_STEPS],
      stable.version
    );
    const runtime = await kserveRuntimeCheck(
      options.registry,
      options.model,
      options.version,
      options.kserve
    );
    if (runtime) requireOnnxRuntime(runtime);
    return {
      target: new KServeTarget(options.model, stable.version, options.kserve),
      close: async () => undefined
    };
  }
  const stable = await options.registry.resolve({ name: options.model, alias });
  if (!stable) {
    throw new InputError(
      `model "${options.model}" has no "${alias}" version to compare with; promote a first version with mlci registry promote`
    );
  }
  const token = randomBytes(16).toString('hex');
  const server = await ModelServer.start({
    model: { name: options.model, version: stable.version },
    source: registrySource(options.registry),
    port: 0,
    adminToken: token,
    processMetrics: false,
    ...options.serve
  });
  return { target: new ServerTarget(server.url, token, options.model), close: () => server.close() };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
