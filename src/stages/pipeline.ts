// The whole pipeline: validate-data → train → evaluate → register → deploy-canary, as mlci.yml
// configures them, calling the same stage functions as the CLI commands and the stage actions. A stage
// that fails stops the run; the stages after it are reported as skipped with the reason.
import { dirname, join, relative, resolve } from 'node:path';
import type { MlciConfig } from '../config/types.js';
import { CheckFailedError, ExitCode, InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import type { Registry } from '../registry/types.js';
import { escapeMarkdown } from '../report/markdown.js';
import type { DeploymentRecorder } from './deploy.js';
import { stageResult, type PipelineContext, type StageDescriptor, type StageResult } from './stage.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';

/** The stages, in pipeline order. */
export const STAGES = ['validate-data', 'train', 'evaluate', 'register', 'deploy-canary'] as const;
/** One stage of the pipeline. */
export type StageName = (typeof STAGES)[number];

/** The stages mlci.yml configures, in pipeline order. */
export function plannedStages(config: MlciConfig): StageName[] {
  const stages: StageName[] = [];
  if (config.data?.train || config.data?.eval) stages.push('validate-data');
  if (config.train) stages.push('train');
  if (config.evaluate || config.data?.eval) stages.push('evaluate');
  if (config.register) stages.push('register');
  if (config.deploy) stages.push('deploy-canary');
  return stages;
}

/** Parses a comma-separated stage list (`--skip`, the action's `stages` input); errors name the bad entry. */
export function parseStages(text: string, what: string): StageName[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!(STAGES as readonly string[]).includes(name))
      throw new InputError(`${what}: unknown stage "${name}", expected one of ${STAGES.join(', ')}`);
  }
  return names as StageName[];
}

/** Inputs of `mlci pipeline` and the root action. */
export interface PipelineOptions {
  config: MlciConfig;
  /** The mlci.yml path: relative paths in it are resolved against its directory. */
  configPath: string;
  /** Folder for every stage's outputs (one sub-folder per stage) and pipeline.json / pipeline.md. */
  out: string;
  /** Last stage to run (e.g. `evaluate` for a pull request). */
  until?: StageName;
  /** Stages not to run. */
  skip?: StageName[];
  /** Registry directory or `github`; default register.registry of mlci.yml, else .mlci/registry. */
  registry?: string;
  /** Opens the registry (the root action passes one bound to the GitHub API). */
  openRegistry?: (spec: string | undefined) => Promise<Registry>;
  /** Train parameter overrides (`key=value`) and seed. */
  overrides?: string[];
  seed?: number;
  /** Retrain even when the training cache has the model. */
  force?: boolean;
  /** Who registers and promotes (recorded in the registry). */
  by?: string;
  /** Records the canary rollout (GitHub Deployments in the root action). */
  recorder?: DeploymentRecorder;
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
  /** Receives the training command's output. */
  onOutput?: (text: string) => void;
}

/** What one stage did. */
export interface StageOutcome {
  stage: StageName;
  status: 'pass' | 'fail' | 'skipped';
  /** One line: what happened, or why the stage did not run. */
  summary: string;
  /** Output folder of the stage (relative to the pipeline's out), when it ran. */
  out?: string;
  seconds?: number;
}

/** The result of a pipeline run (pipeline.json). */
export interface PipelineResult {
  model: string;
  verdict: 'pass' | 'fail';
  stages: StageOutcome[];
  /** The version registered by this run, when the register stage ran. */
  version: number | null;
  /** Where the `production` alias points after the run. */
  production: number | null;
  /** evaluation.md of the run (the pull-request comment), when evaluate ran. */
  evaluationMarkdown: string | null;
  seconds: number;
  exitCode: 0 | 1;
}

/**
 * Where a run stands between stages: what the stages so far found and produced. Plain data, so the root
 * action can carry it from one step to the next (it trains in a step of its own, without the token).
 */
export interface PipelineState {
  /** When the run started (ms since the epoch). */
  started: number;
  production: PipelineContext['production'];
  registered: PipelineContext['registered'];
  paths: PipelineContext['paths'];
  outcomes: StageOutcome[];
  /** Why the remaining stages do not run (an earlier stage failed), or null. */
  stopped: string | null;
  evaluationMarkdown: string | null;
}

/** Runs the pipeline; throws InputError on bad input before or during a stage (exit 2). */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const registry = await openPipelineRegistry(options);
  const state = await startPipeline(options, registry);
  return finishPipeline(options, await runPipelineStages(options, registry, state, STAGES));
}

/** Opens the run's registry: the option's, else register.registry of mlci.yml, else .mlci/registry. */
export async function openPipelineRegistry(options: PipelineOptions): Promise<Registry> {
  const registrySpec = options.registry ?? options.config.register?.registry;
  const opener =
    options.openRegistry ??
    (async (spec: string | undefined) => (await import('./register.js')).openRegistry(spec, options.env));
  return opener(registrySpec ?? resolve(pipelineRoot(options), '.mlci/registry'));
}

// loadConfig made every path of mlci.yml absolute; the root is what the training lineage is relative to.
function pipelineRoot(options: PipelineOptions): string {
  return dirname(resolve(options.configPath));
}

/** A run before its first stage: production as the registry has it now, nothing run yet. */
export async function startPipeline(options: PipelineOptions, registry: Registry): Promise<PipelineState> {
  return {
    started: Date.now(),
    production: await registry.resolve({ name: options.config.model.name, alias: PRODUCTION_ALIAS }),
    registered: null,
    paths: {},
    outcomes: [],
    stopped: null,
    evaluationMarkdown: null
  };
}

/**
 * Runs the given stages, in pipeline order, from where `state` stands; returns where the run stands
 * after them. A stage left out, skipped or not run after a failure gets its outcome recorded.
 */
export async function runPipelineStages(
  options: PipelineOptions,
  registry: Registry,
  state: PipelineState,
  stages: readonly StageName[]
): Promise<PipelineState> {
  const context: PipelineContext = {
    options,
    config: options.config,
    root: pipelineRoot(options),
    out: resolve(options.out),
    registry,
    progress: options.progress ?? silentProgress,
    production: state.production,
    registered: state.registered,
    paths: { ...state.paths }
  };
  const { STAGE_DESCRIPTORS } = await import('./stages.js');
  const outcomes = [...state.outcomes];
  let { stopped, evaluationMarkdown } = state;
  for (const stage of STAGE_DESCRIPTORS.filter((d) => stages.includes(d.name))) {
    const skipped = stopped ? `not run: ${stopped}` : whySkipped(stage.name, options);
    if (skipped) {
      outcomes.push({ stage: stage.name, status: 'skipped', summary: skipped });
      continue;
    }
    const { outcome, markdown } = await runStage(stage, context);
    outcomes.push(outcome);
    if (stage.name === 'evaluate') evaluationMarkdown = markdown;
    if (outcome.status === 'fail') stopped = `${stage.name} failed`;
  }
  const { production, registered, paths } = context;
  return { ...state, production, registered, paths, outcomes, stopped, evaluationMarkdown };
}

/** Whether a stage is to run next: configured, not skipped and no earlier stage failed. */
export function stageWillRun(stage: StageName, options: PipelineOptions, state: PipelineState): boolean {
  return state.stopped === null && whySkipped(stage, options) === null;
}

/** Ends a run: the verdict, pipeline.json and pipeline.md in the output folder. */
export async function finishPipeline(
  options: PipelineOptions,
  state: PipelineState
): Promise<PipelineResult> {
  const { outcomes } = state;
  const verdict = outcomes.some((o) => o.status === 'fail') ? 'fail' : 'pass';
  const result: PipelineResult = {
    model: options.config.model.name,
    verdict,
    stages: outcomes,
    version: state.registered?.version ?? null,
    production: state.production?.version ?? null,
    evaluationMarkdown: state.evaluationMarkdown,
    seconds: Number(((Date.now() - state.started) / 1000).toFixed(2)),
    exitCode: verdict === 'pass' ? ExitCode.Pass : ExitCode.CheckFailed
  };
  const out = resolve(options.out);
  await writeJsonAtomic(join(out, 'pipeline.json'), { ...result, evaluationMarkdown: undefined });
  await writeFileAtomic(join(out, 'pipeline.md'), pipelineMarkdown(result));
  return result;
}

// Why a stage does not run (not configured, after --until, --skip), or null when it runs.
function whySkipped(stage: StageName, options: PipelineOptions): string | null {
  if (!plannedStages(options.config).includes(stage)) return 'not configured in mlci.yml';
  if (options.until && STAGES.indexOf(stage) > STAGES.indexOf(options.until))
    return `after --until ${options.until}`;
  if ((options.skip ?? []).includes(stage)) return 'skipped on request';
  return null;
}

// Runs one stage in its folder; a failed check becomes a failed stage, bad input stops the run (exit 2).
async function runStage(
  stage: StageDescriptor,
  context: PipelineContext
): Promise<{ outcome: StageOutcome; markdown: string | null }> {
  const dir = join(context.out, stage.name);
  const stageStarted = Date.now();
  context.progress.info(`── ${stage.name}`);
  let result: StageResult;
  try {
    result = await stage.run(context, dir);
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    result = stageResult('fail', error.message);
  }
  const seconds = Number(((Date.now() - stageStarted) / 1000).toFixed(2));
  // pipeline.json keeps its three statuses: a paused rollout did not fail the run.
  const status = result.verdict === 'fail' ? 'fail' : 'pass';
  context.progress.info(`   ${stage.name}: ${status} — ${result.summary} (${seconds} s)`);
  return {
    outcome: {
      stage: stage.name,
      status,
      summary: result.summary,
      out: relative(context.out, dir) || '.',
      seconds
    },
    markdown: result.markdown
  };
}

/** pipeline.md: the verdict, a table of the stages, then the evaluation report. */
export function pipelineMarkdown(result: PipelineResult): string {
  const icon = { pass: '✅', fail: '❌', skipped: '⏭️' } as const;
  const escape = (text: string) => escapeMarkdown(text, Number.POSITIVE_INFINITY);
  const lines = [
    `## mlci pipeline: ${result.verdict === 'pass' ? '✅ pass' : '❌ fail'} — ${escape(result.model)}`,
    '',
    '| stage | result | details | time |',
    '|---|---|---|---:|',
    ...result.stages.map(
      (s) =>
        `| ${s.stage} | ${icon[s.status]} ${s.status} | ${escape(s.summary)} | ${s.seconds === undefined ? '' : `${s.seconds} s`} |`
    ),
    '',
    `Production: ${result.production === null ? 'none' : `v${result.production}`}` +
      (result.version === null ? '' : ` · registered by this run: v${result.version}`)
  ];
  if (result.evaluationMarkdown) lines.push('', result.evaluationMarkdown);
  return lines.join('\n') + '\n';
}
