import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { durationMs } from '../config/duration.js';
import type { Duration, MlciConfig, TrainConfig } from '../config/types.js';
import { CheckFailedError, InputError } from '../core/errors.js';
import { requireFile, writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { MLCI_VERSION } from '../core/version.js';
import { githubRun, pythonInCommand, pythonVersion, runnerInfo } from '../lineage/environment.js';
import {
  canonicalJson,
  expandGlobs,
  hashFiles,
  isGlob,
  sha256,
  sha256File,
  type HashedFile
} from '../lineage/files.js';
import { gitState } from '../lineage/git.js';
import {
  TRAINING_RECORD_SCHEMA,
  type DataFileRecord,
  type ProcessRecord,
  type ReproducibilityRecord,
  type TrainingRecord
} from '../lineage/record.js';
import { cacheDir, cacheKey, readCacheEntry, writeCacheEntry } from '../train/cache.js';
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
import { applyOverrides, loadParamsFile, parseOverrides, type Params } from '../train/params.js';
import { compareRuns, DEFAULT_TOLERANCE } from '../train/reproducible.js';
import { describeExit, runCommand, type RunResult } from '../train/runner.js';
import { readModelSignature, type ModelSignature } from '../model/signature.js';

/** Inputs of the train stage, shared by the CLI and the action. */
export interface TrainStageOptions {
  /** The validated mlci.yml; null when training from `--command` alone. */
  config: MlciConfig | null;
  /** Directory that relative paths in the config are resolved against (the config file's directory). */
  root: string;
  /** Overrides train.command. */
  command?: string;
  /** `key=value` param overrides, applied after train.set. */
  overrides?: string[];
  seed?: number;
  timeout?: Duration;
  /** Retrain even on a cache hit. */
  force?: boolean;
  /** Train twice and compare the models. */
  checkReproducible?: boolean;
  /** Prediction tolerance of the reproducibility check (else train.tolerance, else 1e-6). */
  tolerance?: number;
  /** Output directory for model.onnx and training.json (default `<root>/.mlci/train`). */
  out?: string;
  /** The production model file whose signature the candidate must keep. */
  productionModel?: string;
  /** Environment the command starts from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Time between SIGTERM and SIGKILL when the tree is stopped. */
  killGraceMs?: number;
  progress?: Progress;
  /** Receives the command's output as it arrives. */
  onOutput?: (text: string) => void;
}

/** What the train stage produced. */
export interface TrainStageResult {
  record: TrainingRecord;
  outDir: string;
  /** The model in the output directory. */
  modelPath: string;
  recordPath: string;
  cacheHit: boolean;
}

/** Everything resolved before anything runs: paths, params, hashes and the cache key. */
export interface TrainPlan {
  root: string;
  command: string;
  train: TrainConfig;
  workdir: string;
  modelPath: string;
  metricsPath: string | null;
  seed: number;
  params: Params;
  paramsFile: string | null;
  paramsFileSha256: string | null;
  paramsSha256: string;
  overrides: Record<string, unknown>;
  data: DataFileRecord[];
  sources: HashedFile[];
  cacheEnabled: boolean;
  cacheNote: string;
  cacheKey: string;
  cacheDir: string;
  timeoutMs: number;
  outDir: string;
  /** The production model whose signature the candidate must keep, checked to exist up front. */
  productionModel: { path: string; shown: string } | null;
}

/** Resolves the config and inputs into a plan; fails with InputError on anything missing. */
export async function planTraining(options: TrainStageOptions): Promise<TrainPlan> {
  const root = resolve(options.root);
  const train: TrainConfig = { ...(options.config?.train ?? { command: '' }) };
  const command = (options.command ?? train.command ?? '').trim();
  if (command === '') {
    throw new InputError(
      'no training command: set train.command in mlci.yml or pass --command "python train.py"'
    );
  }
  const workdir = resolve(root, train.workdir ?? '.');
  await requireDirectory(workdir, 'train.workdir');
  const paramsFile = train.params ? resolve(root, train.params) : null;
  const fileParams = paramsFile ? await loadParamsFile(paramsFile) : {};
  const configOverrides = Object.fromEntries(Object.entries(train.set ?? {}));
  const cliOverrides = parseOverrides(options.overrides ?? []);
  const overrides = { ...configOverrides, ...cliOverrides };
  const params = applyOverrides(fileParams, overrides);
  const seed = options.seed ?? train.seed ?? 42;
  if (!Number.isInteger(seed) || seed < 0)
    throw new InputError(`seed: got ${seed}, expected a whole number ≥ 0`);
  const timeout = options.timeout ?? train.timeout;
  const timeoutMs = timeout === undefined ? 0 : durationMs(timeout, 'train.timeout');

  const data: DataFileRecord[] = [];
  for (const role of ['train', 'eval'] as const) {
    const pattern = options.config?.data?.[role];
    if (!pattern) continue;
    const files = await expandGlobs([pattern], root, `data.${role}`);
    for (const file of await hashFiles(files, root)) data.push({ ...file, role });
  }
  let sourcePaths: string[];
  let cacheNote: string;
  if (train.sources && train.sources.length > 0) {
    sourcePaths = await expandGlobs(train.sources, root, 'train.sources');
    cacheNote = `key covers ${sourcePaths.length} source files from train.sources`;
  } else {
    sourcePaths = await filesNamedIn(command, workdir, root);
    cacheNote =
      `train.sources is not set: the key covers only the files the command names (${sourcePaths.join(', ') || 'none'}); ` +
      'list every file the trainer reads in train.sources';
  }
  if (paramsFile) sourcePaths = [...new Set([...sourcePaths, toProjectPath(root, paramsFile)])].sort();
  const sources = await hashFiles(sourcePaths, root);
  const paramsSha256 = sha256(canonicalJson(params));
  // Paths of mlci.yml are relative to its folder (docs/config.md); only the default model sits in workdir.
  const modelPath = train.model ? resolve(root, train.model) : join(workdir, 'model.onnx');
  const key = cacheKey({
    command,
    workdir: toProjectPath(root, workdir),
    model: toProjectPath(root, modelPath),
    seed,
    params_sha256: paramsSha256,
    sources,
    data
  });
  const productionSetting = options.productionModel ?? options.config?.evaluate?.baseline;
  let productionModel: TrainPlan['productionModel'] = null;
  if (productionSetting) {
    // A flag is relative to the current directory, a config path to the config's directory.
    const path = options.productionModel ? resolve(productionSetting) : resolve(root, productionSetting);
    await requireFile(path, options.productionModel ? '--production-model' : 'evaluate.baseline');
    productionModel = { path, shown: productionSetting };
  }
  return {
    root,
    command,
    train,
    workdir,
    modelPath,
    metricsPath: train.metrics ? resolve(root, train.metrics) : null,
    seed,
    params,
    paramsFile: paramsFile ? toProjectPath(root, paramsFile) : null,
    paramsFileSha256: paramsFile ? await sha256File(paramsFile) : null,
    paramsSha256,
    overrides,
    data,
    sources,
    cacheEnabled: train.cache !== false,
    cacheNote,
    cacheKey: key,
    cacheDir: cacheDir(root, key),
    timeoutMs,
    outDir: options.out ? resolve(options.out) : join(root, '.mlci', 'train'),
    productionModel
  };
}

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
    const entry = await readCacheEntry(plan.cacheDir);
    if (entry) {
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
        `mlci train: cache hit ${plan.cacheKey.slice(0, 12)}: restored ${modelShown} and training.json without retraining`
      );
      return { record, outDir: plan.outDir, modelPath: outModel, recordPath, cacheHit: true };
    }
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
  const first = await trainOnce(plan, options, env);
  let reproducibility: ReproducibilityRecord | null = null;
  const checks = [...first.checks];
  if (options.checkReproducible && !checks.some((c) => c.status === 'fail') && first.bytes) {
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
      reproducibility = await compareRuns(first.bytes, second.bytes, {
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
    await writeFileAtomic(plan.modelPath, first.bytes);
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
    data: plan.data,
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
  env: NodeJS.ProcessEnv
): Promise<SingleRun> {
  const scratch = await mkdtemp(join(tmpdir(), 'mlci-train-'));
  try {
    const paramsPath = join(scratch, 'params.json');
    const metricsPath = plan.metricsPath ?? join(scratch, 'metrics.jsonl');
    const finalMetricsPath = join(dirname(metricsPath), 'metrics.json');
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
      onOutput: options.onOutput
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

async function requireDirectory(path: string, what: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new InputError(`${what}: directory not found: ${path}`);
}

/** Files the command line names that exist in the workdir (e.g. `python train.py` → train.py). */
async function filesNamedIn(command: string, workdir: string, root: string): Promise<string[]> {
  const found: string[] = [];
  for (const token of command.split(/[\s;&|()<>'"=]+/)) {
    if (!/[./]/.test(token) || token.startsWith('-')) continue;
    const path = resolve(workdir, token);
    // Interpreters and tools outside the project (/usr/bin/python3) are not training sources.
    if (relative(root, path).startsWith('..') || isAbsolute(relative(root, path))) continue;
    try {
      if ((await stat(path)).isFile()) found.push(toProjectPath(root, path));
    } catch {
      // not a file
    }
  }
  return [...new Set(found)].sort();
}

/** A path relative to the project root with forward slashes, or absolute when outside it. */
function toProjectPath(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '') return '.';
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}
