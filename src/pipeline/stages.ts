// The five stages of `mlci pipeline` as descriptors: each runs the same stage function as its CLI
// command and action, and returns a StageResult. Stage modules are imported on use, so that the
// pipeline's start-up does not load the ones a run skips.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputError } from '../core/errors.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import { stageResult, type PipelineContext, type StageDescriptor, type StageResult } from './stage.js';

const validateDataStage: StageDescriptor = {
  name: 'validate-data',
  async run(ctx, dir) {
    const { validateData } = await import('./validate-data.js');
    const { config } = ctx;
    // Drift of the new training data against the data production was trained on, when it is stored.
    const reference = (await storedStatistics(ctx.registry, ctx.production, dir)) ?? config.data?.reference;
    const result = await validateData({
      data: (config.data?.train ?? config.data?.eval)!,
      reference,
      schema: config.data?.schema,
      label: config.model.label,
      task: config.model.task,
      out: dir,
      config: config.data,
      progress: ctx.progress
    });
    ctx.paths.statistics = join(dir, 'statistics.json');
    ctx.paths.validation = join(dir, 'validation.json');
    const r = result.report;
    const drift = r.dataset_drift
      ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns`
      : '';
    return {
      ...stageResult(
        result.exitCode === 0 ? 'pass' : 'fail',
        `${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings${drift}`,
        result.files
      ),
      markdown: null
    };
  }
};

const trainStageDescriptor: StageDescriptor = {
  name: 'train',
  async run(ctx, dir) {
    const { trainStage } = await import('./train.js');
    const { options, production } = ctx;
    let productionModel: string | undefined;
    if (production) {
      productionModel = join(dir, 'production.onnx');
      await mkdir(dir, { recursive: true });
      await writeFile(
        productionModel,
        await ctx.registry.download(ctx.config.model.name, production.version)
      );
    }
    const result = await trainStage({
      config: ctx.config,
      root: ctx.root,
      overrides: options.overrides,
      seed: options.seed,
      force: options.force,
      out: dir,
      productionModel,
      env: options.env,
      progress: ctx.progress,
      onOutput: options.onOutput
    });
    ctx.paths.model = result.modelPath;
    ctx.paths.training = result.recordPath;
    return stageResult(
      'pass',
      `${relative(ctx.out, result.modelPath)}${result.cacheHit ? ' (cache hit)' : ''}, sha256 ${result.record.model?.sha256.slice(0, 12) ?? '?'}`,
      [result.modelPath, result.recordPath]
    );
  }
};

const evaluateStage: StageDescriptor = {
  name: 'evaluate',
  async run(ctx, dir) {
    const model = ctx.paths.model ?? ctx.config.train?.model;
    if (!model)
      throw new InputError('evaluate: no model (the train stage did not run and train.model is not set)');
    const { buildEvaluateRequest } = await import('./evaluate-options.js');
    const { evaluate } = await import('./evaluate.js');
    const request = await buildEvaluateRequest(
      { model, validation: ctx.paths.validation, out: dir },
      ctx.config,
      ctx.registry
    );
    const result = await evaluate({ ...request, progress: ctx.progress });
    ctx.paths.evaluation = join(dir, 'evaluation.json');
    const e = result.evaluation;
    return {
      verdict: e.verdict === 'pass' ? 'pass' : 'fail',
      summary: e.summary,
      files: result.files,
      markdown: result.markdown
    };
  }
};

const registerStageDescriptor: StageDescriptor = {
  name: 'register',
  async run(ctx) {
    if (!ctx.paths.model) throw new InputError('register: no model (the train stage did not run)');
    const { registerStage } = await import('./register.js');
    const { options, config, paths } = ctx;
    const result = await registerStage(
      {
        model: paths.model!,
        name: config.model.name,
        evaluation: paths.evaluation,
        statistics: paths.statistics,
        training: paths.training,
        aliases: config.register?.aliases,
        by: options.by,
        env: options.env
      },
      ctx.registry,
      ctx.progress
    );
    ctx.registered = result.version;
    const moved = result.aliasEvents.map((e) => `${e.alias} → v${e.to}`).join(', ');
    return stageResult(
      'pass',
      `${result.version.tag}${result.registered ? '' : ' (already registered)'}${moved ? `; ${moved}` : ''}`
    );
  }
};

const deployCanaryStage: StageDescriptor = {
  name: 'deploy-canary',
  run: deployCanaryRun
};

async function deployCanaryRun(ctx: PipelineContext, dir: string): Promise<StageResult> {
  const { options, config } = ctx;
  const candidate = ctx.registered;
  const name = config.model.name;
  if (!candidate) throw new InputError('deploy-canary: no version (the register stage did not run)');
  if (ctx.production?.version === candidate.version)
    return stageResult('pass', `v${candidate.version} is already production: nothing to roll out`);
  if (!ctx.production) {
    // Nothing serves yet, so there is no stable version to compare a canary with.
    await ctx.registry.promote(
      name,
      candidate.version,
      'production',
      options.by ?? 'mlci pipeline',
      'first version'
    );
    ctx.production = candidate;
    return stageResult(
      'pass',
      `first version: v${candidate.version} is production (no canary without a stable version)`
    );
  }
  const { deployCanary, deploySettings } = await import('./deploy.js');
  const settings = deploySettings(config.deploy);
  const label = config.model.label;
  const result = await deployCanary({
    ...settings,
    model: name,
    version: candidate.version,
    registry: ctx.registry,
    replay: settings.replay ?? config.evaluate?.data ?? config.data?.eval,
    dropColumns: label ? [label] : [],
    stateFile: join(dir, 'deploy-state.json'),
    out: dir,
    by: options.by,
    recorder: options.recorder,
    progress: ctx.progress
  });
  const r = result.report;
  if (r.outcome === 'promoted') ctx.production = candidate;
  const verdict = r.outcome === 'rolled_back' ? 'fail' : r.outcome === 'paused' ? 'paused' : 'pass';
  return stageResult(verdict, `${r.outcome.replace('_', ' ')}: ${r.reason}`, result.files);
}

/** The stages in pipeline order. */
export const STAGE_DESCRIPTORS: readonly StageDescriptor[] = [
  validateDataStage,
  trainStageDescriptor,
  evaluateStage,
  registerStageDescriptor,
  deployCanaryStage
];

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
