// The train stage's inputs and its plan: everything resolved and hashed before the command runs.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { durationMs } from '../config/duration.js';
import type { Duration, MlciConfig, TrainConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { requireFile } from '../core/files.js';
import { type Progress } from '../core/progress.js';
import {
  canonicalJson,
  expandGlobs,
  hashFiles,
  sha256,
  sha256File,
  type HashedFile
} from '../lineage/files.js';
import { describeDataFiles, withShapes } from '../lineage/data-files.js';
import { dataVersionId, type DataFileRecord, type TrainingRecord } from '../lineage/record.js';
import { shapeMemo } from '../lineage/shape-memo.js';
import { cacheDir, cacheKey, shapeMemoDir } from '../train/cache.js';
import { applyOverrides, loadParamsFile, parseOverrides, type Params } from '../train/params.js';

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
  /** The data files, hashed (their rows and columns come from describeData). */
  data: DataFileRecord[];
  /** The data files' records with rows and columns, read when called (a cache hit needs none). */
  describeData: () => Promise<DataFileRecord[]>;
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
  const source = { format: options.config?.data?.format, delimiter: options.config?.data?.delimiter };
  for (const role of ['train', 'eval'] as const) {
    const pattern = options.config?.data?.[role];
    if (!pattern) continue;
    const files = await expandGlobs([pattern], root, `data.${role}`);
    data.push(...(await describeDataFiles(files, root, role)));
  }
  const cacheEnabled = train.cache !== false;
  const memo = cacheEnabled ? shapeMemo(shapeMemoDir(root)) : undefined;
  const describeData = () => withShapes(data, root, source, memo);
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
  const metricsPath = train.metrics ? resolve(root, train.metrics) : null;
  await requireNotDirectory(
    modelPath,
    train.model ? 'train.model' : 'the model path (train.workdir/model.onnx)'
  );
  if (metricsPath) {
    await requireNotDirectory(metricsPath, 'train.metrics');
    await requireNotDirectory(
      finalMetricsPathOf(metricsPath),
      'the final metrics path (metrics.json beside train.metrics)'
    );
  }
  const key = cacheKey({
    command,
    workdir: toProjectPath(root, workdir),
    model: toProjectPath(root, modelPath),
    seed,
    params_sha256: paramsSha256,
    sources,
    data: data.map((d) => ({ path: d.path, sha256: dataVersionId(d) }))
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
    metricsPath,
    seed,
    params,
    paramsFile: paramsFile ? toProjectPath(root, paramsFile) : null,
    paramsFileSha256: paramsFile ? await sha256File(paramsFile) : null,
    paramsSha256,
    overrides,
    data,
    describeData,
    sources,
    cacheEnabled,
    cacheNote,
    cacheKey: key,
    cacheDir: cacheDir(root, key),
    timeoutMs,
    outDir: options.out ? resolve(options.out) : join(root, '.mlci', 'train'),
    productionModel
  };
}

async function requireDirectory(path: string, what: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new InputError(`${what}: directory not found: ${path}`);
}

/** The final metrics.json the command may write beside its metrics lines (docs/training-convention.md). */
export function finalMetricsPathOf(metricsPath: string): string {
  return join(dirname(metricsPath), 'metrics.json');
}

// A directory where the command's output belongs could neither be cleared of a stale output nor
// written: refused before the command runs rather than failing halfway.
async function requireNotDirectory(path: string, what: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (found?.isDirectory())
    throw new InputError(
      `${what} is a directory: ${path}; it must name the file the training command writes`
    );
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
export function toProjectPath(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '') return '.';
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}
