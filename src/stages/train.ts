import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CheckFailedError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { MLCI_VERSION } from '../core/version.js';
import { githubRun, pythonInCommand, pythonVersion, runnerInfo } from '../lineage/environment.js';
import { isGlob, sha256 } from '../lineage/files.js';
import { gitState } from '../lineage/git.js';
import {
  TRAINING_RECORD_SCHEMA,
  type DataFileRecord,
  type ProcessRecord,
  type ReproducibilityRecord,
  type TrainingRecord
} from '../lineage/record.js';
import { readCacheEntry, writeCacheEntry } from '../train/cache.js';
import {
  checkFiniteMetrics,
  checkLossDecreases,
  checkMetricsFormat,
  checkModelFile,
  checkSignature,
  checkSignatureAgainstProduction,
  DEFAULT_LOSS_RULE,
  type CheckResult,
  type LossRule
} from '../train/checks.js';
import { downsample, lossCurve, readReportedMetrics } from '../train/metrics.js';
import { compareRuns, DEFAULT_TOLERANCE } from '../train/reproducible.js';
import { describeExit, runCommand, type RunResult } from '../train/runner.js';
import { readModelSignature, type ModelSignature } from '../model/signature.js';

import {
  finalMetricsPathOf,
  planTraining,
  toProjectPath,
  type TrainPlan,
  type TrainStageOptions,
  type TrainStageResult
} from './train-plan.js';

export { planTraining, type TrainPlan, type TrainStageOptions, type TrainStageResult };

/**
 * The train stage: resolves params and hashes, restores a cached run or runs the command,
 * checks the model and the reported metrics, and writes model.onnx and training.json. A failed
 * command or check throws CheckFailedError after training.json (status fail) is written.
 */
export async function trainStage(options: TrainStageOptions): Promise<TrainStageResult> {
  const progress = options.progress ?? silentProgress;
  const plan = await planTraining(options);
  const env = options.env ?? process.env;
  const modelShown = toProjectPath(plan.root, plan.modelPath);
  const recordPath = join(plan.outDir, 'training.json');
  const outModel = join(plan.outDir, 'model.onnx');

  if (plan.cacheEnabled && !options.force && !options.checkReproducible) {
    const restored = await restoreCached(plan, env, progress, { outModel, recordPath });
    if (restored) return restored;
  }

  const startedAt = new Date();
  const python = pythonInCommand(plan.command);
  const [git, pythonVer] = await Promise.all([
    gitState(plan.root, env),
    python ? pythonVersion(python, plan.workdir, env) : Promise.resolve(null)
  ]);
  progress.info(
    `mlci train: running \`${plan.command}\` in ${toProjectPath(plan.root, plan.workdir)} (seed ${plan.seed}` +
      `${plan.timeoutMs > 0 ? `, timeout ${plan.timeoutMs / 1000} s` : ''})`
  );
  // The data's rows and columns are read while the command trains, not before: loading the
  // engine's native module holds the main thread (≈ 0.36 s when it went first, bench/train/README.md).
  // describeData never rejects: dataShape reports what it cannot read as nulls.
  let describing: Promise<DataFileRecord[]> | undefined;
  const first = await trainOnce(plan, options, env, () => {
    describing ??= plan.describeData();
  });
  let reproducibility: ReproducibilityRecord | null = null;
  const checks = [...first.checks];
  if (options.checkReproducible && !checks.some((c) => c.status === 'fail') && first.bytes) {
    reproducibility = await trainAgainAndCompare(plan, options, env, first.bytes, checks);
  }

  const failed = checks.filter((c) => c.status === 'fail');
  const record: TrainingRecord = {
    schema: TRAINING_RECORD_SCHEMA,
    mlci_version: MLCI_VERSION,
    status: failed.length === 0 ? 'pass' : 'fail',
    failed_checks: failed.map((c) => c.name),
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    command: plan.command,
    workdir: toProjectPath(plan.root, plan.workdir),
    seed: plan.seed,
    params: plan.params,
    params_file: plan.paramsFile,
    params_sha256: plan.paramsSha256,
    params_file_sha256: plan.paramsFileSha256,
    overrides: plan.overrides,
    data: await (describing ?? plan.describeData()),
    sources: plan.sources,
    git,
    runtime: { node: process.version, python: pythonVer, python_interpreter: python },
    runner: runnerInfo(env),
    github: githubRun(env),
    process: first.process,
    metrics: first.metrics,
    model:
      first.bytes && first.signature
        ? {
            path: modelShown,
            sha256: sha256(first.bytes),
            bytes: first.bytes.length,
            signature: first.signature
          }
        : null,
    checks,
    cache: {
      enabled: plan.cacheEnabled,
      key: plan.cacheEnabled ? plan.cacheKey : null,
      hit: false,
      note: plan.cacheEnabled
        ? options.force
          ? `--force: retrained; ${plan.cacheNote}`
          : `miss; ${plan.cacheNote}`
        : 'disabled (train.cache: false)'
    },
    reproducibility
  };

  if (failed.length > 0) {
    await writeJsonAtomic(recordPath, record);
    throw new CheckFailedError(failureMessage(failed, first.run, plan, recordPath));
  }
  await writeFileAtomic(outModel, first.bytes!);
  await writeJsonAtomic(recordPath, record);
  if (plan.cacheEnabled) await writeCacheEntry(plan.cacheDir, { model: first.bytes!, record });
  return { record, outDir: plan.outDir, modelPath: outModel, recordPath, cacheHit: false };
}

// A cache hit restores the model and training.json of the run with the same key, without training.
async function restoreCached(
  plan: TrainPlan,
  env: NodeJS.ProcessEnv,
  progress: Progress,
  paths: { outModel: string; recordPath: string }
): Promise<TrainStageResult | null> {
  const { outModel, recordPath } = paths;
  const entry = await readCacheEntry(plan.cacheDir);
  if (!entry) return null;
  const git = await gitState(plan.root, env);
  const run = githubRun(env);
  const record: TrainingRecord = {
    ...entry.record,
    cache: {
      ...entry.record.cache,
      enabled: true,
      key: plan.cacheKey,
      hit: true,
      note: `restored from ${toProjectPath(plan.root, plan.cacheDir)} without retraining (--force retrains)`,
      restored: {
        at: new Date().toISOString(),
        commit: git?.commit ?? null,
        run_url: run?.run_url ?? null
      }
    }
  };
  await writeFileAtomic(plan.modelPath, entry.model);
  await writeFileAtomic(outModel, entry.model);
  await writeJsonAtomic(recordPath, record);
  progress.info(
    `mlci train: cache hit ${plan.cacheKey.slice(0, 12)}: restored ${toProjectPath(plan.root, plan.modelPath)} and training.json without retraining`
  );
  return { record, outDir: plan.outDir, modelPath: outModel, recordPath, cacheHit: true };
}

// --check-reproducible: a second run in a fresh directory, its predictions compared with the first's.
async function trainAgainAndCompare(
  plan: TrainPlan,
  options: TrainStageOptions,
  env: NodeJS.ProcessEnv,
  firstBytes: Uint8Array,
  checks: CheckResult[]
): Promise<ReproducibilityRecord | null> {
  const progress = options.progress ?? silentProgress;
  let reproducibility: ReproducibilityRecord | null = null;
  progress.info('mlci train: --check-reproducible: training a second time in a fresh directory');
  const second = await trainOnce(plan, options, env);
  if (!second.bytes || second.checks.some((c) => c.status === 'fail')) {
    const failed = second.checks.find((c) => c.status === 'fail');
    checks.push({
      name: 'reproducible',
      status: 'fail',
      detail: `the second run failed: ${failed ? `${failed.name}: ${failed.detail}` : 'no model'}`
    });
  } else {
    const evalPattern = options.config?.data?.eval ?? options.config?.evaluate?.data;
    const evalFile = plan.data.find((d) => d.role === 'eval');
    reproducibility = await compareRuns(firstBytes, second.bytes, {
      data: evalPattern ? resolve(plan.root, evalPattern) : undefined,
      dataLabel: evalFile ? (evalPattern && isGlob(evalPattern) ? evalPattern : evalFile.path) : undefined,
      tolerance: options.tolerance ?? plan.train.tolerance ?? DEFAULT_TOLERANCE,
      source: { format: options.config?.data?.format, delimiter: options.config?.data?.delimiter },
      features: options.config?.model.features
    });
    checks.push({
      name: 'reproducible',
      status: reproducibility.reproducible ? 'pass' : 'fail',
      detail: reproducibility.detail
    });
  }
  // The model file on disk is the first run's, the one the record describes.
  await writeFileAtomic(plan.modelPath, firstBytes);
  return reproducibility;
}

/** The cache key and entry directory of the run the options describe, without running anything. */
export async function trainCacheKey(
  options: TrainStageOptions
): Promise<{ key: string; dir: string; enabled: boolean; note: string }> {
  const plan = await planTraining(options);
  return { key: plan.cacheKey, dir: plan.cacheDir, enabled: plan.cacheEnabled, note: plan.cacheNote };
}

interface SingleRun {
  run: RunResult;
  process: ProcessRecord;
  checks: CheckResult[];
  bytes: Uint8Array | null;
  signature: ModelSignature | null;
  metrics: TrainingRecord['metrics'];
}

async function trainOnce(
  plan: TrainPlan,
  options: TrainStageOptions,
  env: NodeJS.ProcessEnv,
  onStarted?: () => void
): Promise<SingleRun> {
  const scratch = await mkdtemp(join(tmpdir(), 'mlci-train-'));
  try {
    const paramsPath = join(scratch, 'params.json');
    const metricsPath = plan.metricsPath ?? join(scratch, 'metrics.jsonl');
    const finalMetricsPath = finalMetricsPathOf(metricsPath);
    await writeJsonAtomic(paramsPath, plan.params);
    // Stale outputs of an earlier run must not pass for this run's.
    await rm(plan.modelPath, { force: true });
    await rm(metricsPath, { force: true });
    await rm(finalMetricsPath, { force: true });
    const run = await runCommand({
      command: plan.command,
      cwd: plan.workdir,
      env: {
        ...env,
        MLCI_SEED: String(plan.seed),
        PYTHONHASHSEED: String(plan.seed),
        MLCI_PARAMS: paramsPath,
        MLCI_MODEL_PATH: plan.modelPath,
        MLCI_METRICS_PATH: metricsPath,
        MLCI_FINAL_METRICS_PATH: finalMetricsPath,
        MLCI_WORK_DIR: scratch
      },
      timeoutMs: plan.timeoutMs,
      killGraceMs: options.killGraceMs,
      onOutput: options.onOutput,
      onStarted
    });
    const process: ProcessRecord = {
      exit_code: run.exitCode,
      signal: run.signal,
      timed_out: run.timedOut,
      wall_seconds: Math.round(run.wallSeconds * 1000) / 1000,
      cpu_user_seconds: run.cpuUserSeconds,
      cpu_system_seconds: run.cpuSystemSeconds,
      peak_rss_bytes: run.peakRssBytes,
      measured_by: run.measuredBy
    };
    const metrics = await readReportedMetrics(metricsPath, finalMetricsPath);
    const curve = lossCurve(metrics);
    const metricsRecord: TrainingRecord['metrics'] = {
      reported: metrics.reported,
      lines: metrics.lines.length,
      loss_curve: downsample(curve).map((p) => ({
        step: p.step,
        loss: Number.isFinite(p.loss) ? p.loss : null
      })),
      loss_points: curve.length,
      final: metrics.final
    };
    const checks: CheckResult[] = [];
    const succeeded = run.exitCode === 0 && !run.timedOut && !run.signal;
    checks.push({
      name: 'command',
      status: succeeded ? 'pass' : 'fail',
      detail: succeeded
        ? `exit code 0 in ${process.wall_seconds} s`
        : `the training command failed: ${describeExit(run, plan.timeoutMs)}`
    });
    if (!succeeded) return { run, process, checks, bytes: null, signature: null, metrics: metricsRecord };

    const shownModel = toProjectPath(plan.root, plan.modelPath);
    const model = await checkModelFile(plan.modelPath, shownModel);
    checks.push(...model.results);
    const train = plan.train.checks ?? {};
    const metricsShown = plan.metricsPath ? toProjectPath(plan.root, plan.metricsPath) : '$MLCI_METRICS_PATH';
    checks.push(checkMetricsFormat(metrics, metricsShown));
    if (train.finite_metrics !== false) checks.push(checkFiniteMetrics(metrics));
    const lossRule = lossRuleOf(train.loss_decreases);
    if (lossRule) checks.push(checkLossDecreases(curve, lossRule));
    if (model.signature && train.signature !== false) {
      checks.push(
        checkSignature(model.signature, {
          task: options.config?.model.task,
          label: options.config?.model.label,
          features: options.config?.model.features
        })
      );
      if (plan.productionModel) {
        const { path, shown } = plan.productionModel;
        const production = readModelSignature(new Uint8Array(await readFile(path)), shown);
        checks.push(checkSignatureAgainstProduction(model.signature, production, shown));
      }
    }
    return { run, process, checks, bytes: model.bytes, signature: model.signature, metrics: metricsRecord };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function lossRuleOf(
  setting: boolean | { window?: number; min_decrease?: number } | undefined
): LossRule | null {
  if (setting === false) return null;
  if (setting === undefined || setting === true) return DEFAULT_LOSS_RULE;
  return {
    window: setting.window ?? DEFAULT_LOSS_RULE.window,
    minDecrease: setting.min_decrease ?? DEFAULT_LOSS_RULE.minDecrease
  };
}

function failureMessage(failed: CheckResult[], run: RunResult, plan: TrainPlan, recordPath: string): string {
  const lines: string[] = [];
  const command = failed.find((c) => c.name === 'command');
  if (command) {
    lines.push(`${command.detail} (command: ${plan.command})`);
    if (run.tail.length > 0) {
      lines.push(`last ${run.tail.length} lines of output:`);
      lines.push(...run.tail.map((l) => `  ${l}`));
    } else {
      lines.push('the command printed nothing');
    }
  } else if (failed.length === 1) {
    lines.push(`training check failed: ${failed[0].name}: ${failed[0].detail}`);
  } else {
    lines.push(`${failed.length} training checks failed:`);
    lines.push(...failed.map((c) => `  ${c.name}: ${c.detail}`));
  }
  lines.push(`record: ${recordPath}`);
  return lines.join('\n');
}
