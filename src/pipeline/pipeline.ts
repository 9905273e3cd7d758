// The whole pipeline: validate-data → train → evaluate → register → deploy-canary, as mlci.yml
// configures them, calling the same stage functions as the CLI commands and the stage actions. A stage
// that fails stops the run; the stages after it are reported as skipped with the reason.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { MlciConfig } from '../config/types.js';
import { CheckFailedError, ExitCode, InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import { escapeMarkdown } from '../report/markdown.js';
import type { DeploymentRecorder } from './deploy.js';

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

/** Runs the pipeline; throws InputError on bad input before or during a stage (exit 2). */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  const config = options.config;
  // loadConfig made every path of mlci.yml absolute; the root is where the trainer's lineage is relative to.
  const root = dirname(resolve(options.configPath));
  const out = resolve(options.out);
  const planned = plannedStages(config);
  const until = options.until ? STAGES.indexOf(options.until) : STAGES.length - 1;
  const wanted = (stage: StageName) =>
    planned.includes(stage) && STAGES.indexOf(stage) <= until && !(options.skip ?? []).includes(stage);
  const registrySpec = options.registry ?? config.register?.registry;
  const opener =
    options.openRegistry ??
    (async (spec: string | undefined) => (await import('./register.js')).openRegistry(spec, options.env));
  const registry = await opener(registrySpec ?? resolve(root, '.mlci/registry'));
  const name = config.model.name;
  const label = config.model.label;

  const outcomes: StageOutcome[] = [];
  let stopped: string | null = null;
  let production: ModelVersion | null = await registry.resolve({ name, alias: 'production' });
  let registered: ModelVersion | null = null;
  let evaluationMarkdown: string | null = null;
  const paths = {
    statistics: undefined as string | undefined,
    validation: undefined as string | undefined,
    model: undefined as string | undefined,
    training: undefined as string | undefined,
    evaluation: undefined as string | undefined
  };

  const run = async (stage: StageName, body: (dir: string) => Promise<Omit<StageOutcome, 'stage'>>) => {
    if (!wanted(stage)) {
      const why = !planned.includes(stage)
        ? 'not configured in mlci.yml'
        : STAGES.indexOf(stage) > until
          ? `after --until ${options.until}`
          : 'skipped on request';
      outcomes.push({ stage, status: 'skipped', summary: why });
      return;
    }
    if (stopped) {
      outcomes.push({ stage, status: 'skipped', summary: `not run: ${stopped}` });
      return;
    }
    const dir = join(out, stage);
    const stageStarted = Date.now();
    progress.info(`── ${stage}`);
    let outcome: Omit<StageOutcome, 'stage'>;
    try {
      outcome = await body(dir);
    } catch (error) {
      if (!(error instanceof CheckFailedError)) throw error;
      outcome = { status: 'fail', summary: error.message };
    }
    const seconds = Number(((Date.now() - stageStarted) / 1000).toFixed(2));
    outcomes.push({ stage, ...outcome, out: relative(out, dir) || '.', seconds });
    progress.info(`   ${stage}: ${outcome.status} — ${outcome.summary} (${seconds} s)`);
    if (outcome.status === 'fail') stopped = `${stage} failed`;
  };

  await run('validate-data', async (dir) => {
    const { validateData } = await import('./validate-data.js');
    // Drift of the new training data against the data production was trained on, when it is stored.
    const reference = await storedStatistics(registry, production, dir);
    const { buildValidateDataRequest } = await import('./validate-data-request.js');
    // The pipeline validates the training data, with the label required.
    const request = buildValidateDataRequest(
      { data: config.data?.train ?? config.data?.eval, reference, label, out: dir },
      config
    );
    const result = await validateData({ ...request, progress });
    paths.statistics = join(dir, 'statistics.json');
    paths.validation = join(dir, 'validation.json');
    const r = result.report;
    const drift = r.dataset_drift
      ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns`
      : '';
    return {
      status: result.exitCode === 0 ? 'pass' : 'fail',
      summary: `${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings${drift}`
    };
  });

  await run('train', async (dir) => {
    const { trainStage } = await import('./train.js');
    let productionModel: string | undefined;
    if (production) {
      productionModel = join(dir, 'production.onnx');
      await mkdir(dir, { recursive: true });
      await writeFile(productionModel, await registry.download(name, production.version));
    }
    const { buildTrainRequest } = await import('./train-request.js');
    const request = buildTrainRequest(
      {
        set: options.overrides,
        seed: options.seed === undefined ? undefined : String(options.seed),
        force: options.force,
        out: dir,
        productionModel
      },
      config,
      { configPath: options.configPath }
    );
    const result = await trainStage({ ...request, env: options.env, progress, onOutput: options.onOutput });
    paths.model = result.modelPath;
    paths.training = result.recordPath;
    return {
      status: 'pass',
      summary: `${relative(out, result.modelPath)}${result.cacheHit ? ' (cache hit)' : ''}, sha256 ${result.record.model?.sha256.slice(0, 12) ?? '?'}`
    };
  });

  await run('evaluate', async (dir) => {
    const model = paths.model ?? config.train?.model;
    if (!model)
      throw new InputError('evaluate: no model (the train stage did not run and train.model is not set)');
    const { buildEvaluateRequest } = await import('./evaluate-options.js');
    const { evaluate } = await import('./evaluate.js');
    const request = await buildEvaluateRequest(
      { model, validation: paths.validation, out: dir },
      config,
      registry
    );
    const result = await evaluate({ ...request, progress });
    paths.evaluation = join(dir, 'evaluation.json');
    evaluationMarkdown = result.markdown;
    const e = result.evaluation;
    return {
      status: e.verdict === 'pass' ? 'pass' : 'fail',
      summary: e.summary
    };
  });

  await run('register', async () => {
    if (!paths.model) throw new InputError('register: no model (the train stage did not run)');
    const { registerStage } = await import('./register.js');
    const { buildRegisterRequest } = await import('./register-request.js');
    const request = buildRegisterRequest(
      {
        model: paths.model,
        evaluation: paths.evaluation,
        statistics: paths.statistics,
        training: paths.training,
        by: options.by
      },
      config
    );
    const result = await registerStage({ ...request.stage, env: options.env }, registry, progress);
    registered = result.version;
    const moved = result.aliasEvents.map((e) => `${e.alias} → v${e.to}`).join(', ');
    return {
      status: 'pass',
      summary: `${result.version.tag}${result.registered ? '' : ' (already registered)'}${moved ? `; ${moved}` : ''}`
    };
  });

  await run('deploy-canary', async (dir) => {
    const candidate: ModelVersion | null = registered;
    if (!candidate) throw new InputError('deploy-canary: no version (the register stage did not run)');
    // deployCanary itself makes a first version production at once and leaves a version that already is alone.
    const { deployCanary } = await import('./deploy.js');
    const { buildDeployRequest } = await import('./deploy-request.js');
    const request = await buildDeployRequest(
      {
        version: String(candidate.version),
        replay: config.deploy?.replay ?? config.evaluate?.data ?? config.data?.eval,
        out: dir
      },
      config,
      { configPath: options.configPath, registry }
    );
    const result = await deployCanary({
      ...request,
      by: options.by ?? 'mlci pipeline',
      recorder: options.recorder,
      progress
    });
    const r = result.report;
    if (r.outcome === 'promoted') production = candidate;
    return {
      status: r.outcome === 'rolled_back' ? 'fail' : 'pass',
      summary: `${r.outcome.replace('_', ' ')}: ${r.reason}`
    };
  });

  const finalProduction = (production as ModelVersion | null)?.version ?? null;
  const verdict = outcomes.some((o) => o.status === 'fail') ? 'fail' : 'pass';
  const result: PipelineResult = {
    model: name,
    verdict,
    stages: outcomes,
    version: (registered as ModelVersion | null)?.version ?? null,
    production: finalProduction,
    evaluationMarkdown: evaluationMarkdown as string | null,
    seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
    exitCode: verdict === 'pass' ? ExitCode.Pass : ExitCode.CheckFailed
  };
  await writeJsonAtomic(join(out, 'pipeline.json'), { ...result, evaluationMarkdown: undefined });
  await writeFileAtomic(join(out, 'pipeline.md'), pipelineMarkdown(result));
  return result;
}

/** Downloads the statistics.json stored with the production version, if there is one. */
async function storedStatistics(
  registry: Registry,
  production: ModelVersion | null,
  dir: string
): Promise<string | undefined> {
  if (!production?.assets.includes('statistics.json')) return undefined;
  const path = join(dir, 'reference-statistics.json');
  await mkdir(dir, { recursive: true });
  await writeFile(path, await registry.download(production.name, production.version, 'statistics.json'));
  return path;
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
