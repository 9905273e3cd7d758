import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CheckFailedError, InputError } from '../core/errors.js';
import { requireFile } from '../core/files.js';
import type { Progress } from '../core/progress.js';
import { silentProgress } from '../core/progress.js';
import { TRAINING_RECORD_SCHEMA, type TrainingRecord } from '../lineage/record.js';
import { versionLineage } from '../lineage/version-lineage.js';
import { isMlflowModelDir, mlflowLineage, readMlflowModel } from '../model/mlflow.js';
import { readModelSignature } from '../model/signature.js';
import { sha256Hex } from '../registry/integrity.js';
import { LocalRegistry, DEFAULT_LOCAL_REGISTRY } from '../registry/local.js';
import { currentUser, validateAlias, validateModelName } from '../registry/record.js';
import { isStatistics } from '../data/statistics.js';
import type {
  AliasEvent,
  ModelVersion,
  RegisterRequest,
  Registry,
  VersionLineage
} from '../registry/types.js';

/** The `--registry` value that selects GitHub Releases of the current repository. */
export const GITHUB_REGISTRY = 'github';

/** Where a GitHub registry lives and how to reach it; read from the Actions environment by default. */
export interface GitHubRegistryTarget {
  token: string;
  owner: string;
  repo: string;
  baseUrl?: string;
}

/** Reads the GitHub target from the environment (`GITHUB_TOKEN`, `GITHUB_REPOSITORY`, `GITHUB_API_URL`). */
export function githubTargetFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubRegistryTarget {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!token)
    throw new InputError('--registry github needs a token in GITHUB_TOKEN (contents: write to register)');
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new InputError('--registry github needs GITHUB_REPOSITORY=owner/repo');
  return { token, owner, repo, baseUrl: env.GITHUB_API_URL || undefined };
}

/**
 * Opens the registry a `--registry` value names: a directory (default `.mlci/registry`) or
 * `github`. The GitHub backend is loaded only when asked for, keeping local runs light.
 */
export async function openRegistry(spec?: string, env: NodeJS.ProcessEnv = process.env): Promise<Registry> {
  if (spec === GITHUB_REGISTRY) {
    const target = githubTargetFromEnv(env);
    const { GitHubReleaseRegistry } = await import('../github/release-registry.js');
    const { createOctokit } = await import('../github/octokit.js');
    const octokit = createOctokit({
      token: target.token,
      baseUrl: target.baseUrl,
      onRateLimit: (e) =>
        process.stderr.write(
          `mlci: GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `retrying in ${e.retryAfterSeconds} s` : 'giving up'}\n`
        )
    });
    return new GitHubReleaseRegistry(octokit, {
      owner: target.owner,
      repo: target.repo,
      commit: env.GITHUB_SHA || undefined
    });
  }
  return new LocalRegistry(spec || DEFAULT_LOCAL_REGISTRY);
}

/** What the register stage needs: the model, its name and the files that travel with it. */
export interface RegisterStageOptions {
  model: string;
  name: string;
  /** evaluation.json whose verdict admits the model. */
  evaluation?: string;
  /** statistics.json of the training data; default: one beside the model. */
  statistics?: string;
  /** training.json (lineage); default: one beside the model. */
  training?: string;
  /** Register even a failed verdict; needs `reason`. */
  force?: boolean;
  reason?: string;
  /** Who registers; default the GitHub actor or the local user. */
  by?: string;
  /** Aliases to move to the new version (for example `staging`). */
  aliases?: string[];
  /** Also move `aliases` when the model was already registered (a re-run otherwise changes nothing). */
  moveAliasesIfRegistered?: boolean;
  /** Environment used for lineage defaults (commit and run URL in Actions). */
  env?: NodeJS.ProcessEnv;
}

/** The outcome of the register stage. */
export interface RegisterStageResult {
  version: ModelVersion;
  /** False when the same model bytes were already registered (re-run). */
  registered: boolean;
  aliasEvents: AliasEvent[];
  /** Aliases asked for but left where they were, because nothing new was registered. */
  aliasesKept: { alias: string; version: number | null }[];
  /** Files given with the request that the already registered version does not hold as given. */
  filesNotStored: string[];
}

async function readJson(
  path: string,
  what: string
): Promise<{ bytes: Uint8Array; value: Record<string, unknown> }> {
  await requireFile(path, what);
  const bytes = new Uint8Array(await readFile(path));
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new Error('expected a JSON object');
    return { bytes, value: value as Record<string, unknown> };
  } catch (error) {
    throw new InputError(`${what} ${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Reads a statistics.json and refuses anything `mlci monitor` could not use later. */
export async function readStatistics(path: string): Promise<Uint8Array> {
  const { bytes, value } = await readJson(path, 'statistics');
  if (!isStatistics(value)) {
    throw new InputError(
      `statistics ${path}: not mlci statistics (expected "format": "mlci-statistics"; write it with mlci validate-data)`
    );
  }
  return bytes;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false
  );
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/** Reads the metrics and verdict of an evaluation.json (DESIGN: candidate.metrics, verdict, rubber_stamp). */
export function admissionFromEvaluation(
  evaluation: Record<string, unknown>,
  path: string
): Pick<RegisterRequest, 'metrics' | 'verdict' | 'rubberStamp'> {
  const verdict = evaluation.verdict;
  if (verdict !== 'pass' && verdict !== 'fail') {
    const got = verdict === undefined ? 'missing' : JSON.stringify(verdict);
    throw new InputError(`${path}: "verdict" is ${got}, expected "pass" or "fail"`);
  }
  const metrics: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(asRecord(asRecord(evaluation.candidate).metrics))) {
    if (typeof value === 'number' || value === null) metrics[key] = value;
    // Metrics may be stored as { value, reason } objects when undefined on the data.
    else if (value && typeof value === 'object' && 'value' in value) {
      const inner = (value as { value: unknown }).value;
      metrics[key] = typeof inner === 'number' ? inner : null;
    }
  }
  return { metrics, verdict, rubberStamp: evaluation.rubber_stamp === true };
}

/** Lineage the CI environment gives when there is no training record: the commit and the run. */
export function lineageFromEnvironment(env: NodeJS.ProcessEnv): VersionLineage {
  const lineage: VersionLineage = {};
  if (env.GITHUB_SHA) lineage.commit = env.GITHUB_SHA;
  const runUrl = runUrlFromEnv(env);
  if (runUrl) lineage.runUrl = runUrl;
  return lineage;
}

function runUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/**
 * Builds a registration request from files on disk: checks the model is ONNX, reads the verdict,
 * metrics and lineage, and fails on bad input before anything is written to the registry.
 */
export async function readRegistration(options: RegisterStageOptions): Promise<RegisterRequest> {
  const env = options.env ?? process.env;
  if (!options.model) throw new InputError('--model is required (the ONNX model to register)');
  if (!options.name) throw new InputError('--name is required (the model name in the registry)');
  validateModelName(options.name);
  for (const alias of options.aliases ?? []) validateAlias(alias);
  const mlflow = (await isMlflowModelDir(options.model)) ? await readMlflowModel(options.model) : null;
  await requireFile(mlflow?.onnxPath ?? options.model, 'model');
  const model = new Uint8Array(await readFile(mlflow?.onnxPath ?? options.model));
  readModelSignature(model, mlflow?.onnxPath ?? options.model);
  if (options.force && !options.reason)
    throw new InputError('--force needs --reason (the forcing is recorded)');

  const files: Record<string, Uint8Array> = {};
  const request: RegisterRequest = { name: options.name, model, files, by: options.by ?? currentUser() };
  if (options.evaluation) {
    const { bytes, value } = await readJson(options.evaluation, 'evaluation');
    // A verdict admits only the model it was computed for.
    const evaluated = asString(asRecord(value.candidate).sha256);
    if (evaluated && evaluated !== sha256Hex(model)) {
      throw new InputError(
        `${options.evaluation} evaluated a model with sha256 ${evaluated}, but ${options.model} has ${sha256Hex(model)}: its verdict cannot admit this model`
      );
    }
    Object.assign(request, admissionFromEvaluation(value, options.evaluation));
    files['evaluation.json'] = bytes;
  }
  const beside = mlflow ? options.model : dirname(options.model);
  const training =
    options.training ??
    ((await exists(join(beside, 'training.json'))) ? join(beside, 'training.json') : undefined);
  let lineage: VersionLineage = lineageFromEnvironment(env);
  if (training) {
    const { bytes, value } = await readJson(training, 'training record');
    // One reader of training.json: the TrainingRecord mlci train writes (docs/architecture.md).
    if (value.schema !== TRAINING_RECORD_SCHEMA) {
      throw new InputError(
        `training record ${training}: not an mlci training record (expected "schema": "${TRAINING_RECORD_SCHEMA}"; write it with mlci train, or register without --training)`
      );
    }
    const record = value as unknown as TrainingRecord;
    lineage = { ...lineage, ...versionLineage(record) };
    if (record.model?.sha256 && record.model.sha256 !== sha256Hex(model)) {
      throw new InputError(
        `${training} describes a model with sha256 ${record.model.sha256}, but ${options.model} has ${sha256Hex(model)}: pass the training.json of this model`
      );
    }
    if (record.status === 'fail' && !options.force) {
      throw new CheckFailedError(
        `refusing to register ${options.name}: its training run failed its checks (${record.failed_checks.join(', ') || 'see training.json'}); use --force with a reason to register it anyway`
      );
    }
    lineage.trainingRecord = 'training.json';
    files['training.json'] = bytes;
  }
  const fromMlflow = mlflow ? mlflowLineage(mlflow) : undefined;
  if (fromMlflow) lineage.mlflow = fromMlflow;
  request.lineage = lineage;
  const statistics =
    options.statistics ??
    ((await exists(join(beside, 'statistics.json'))) ? join(beside, 'statistics.json') : undefined);
  if (statistics) files['statistics.json'] = await readStatistics(statistics);
  if (options.force) request.force = { by: request.by!, reason: options.reason! };
  return request;
}

/**
 * The register stage: registers the model (or finds it already registered) and moves the given
 * aliases. Every input is checked before the first write, and a re-run that finds the same model
 * changes nothing unless `moveAliasesIfRegistered` asks for the alias moves.
 */
export async function registerStage(
  options: RegisterStageOptions,
  registry: Registry,
  progress: Progress = silentProgress
): Promise<RegisterStageResult> {
  const request = await readRegistration(options);
  const aliases = [...new Set(options.aliases ?? [])];
  progress.start(`registering ${options.name}`);
  const { version, created } = await registry.register(request);
  progress.finish(created ? `${version.tag}` : `${version.tag} (already registered)`);
  const aliasEvents: AliasEvent[] = [];
  const aliasesKept: RegisterStageResult['aliasesKept'] = [];
  // A re-run never changes the version's files: say which given files it does not hold (attach adds them).
  const filesNotStored = created
    ? []
    : Object.entries(request.files ?? {})
        .filter(([file, bytes]) => version.checksums?.[file] !== sha256Hex(bytes))
        .map(([file]) => file);
  if (!created && !options.moveAliasesIfRegistered) {
    const current = aliases.length ? await registry.aliases(version.name) : {};
    for (const alias of aliases) aliasesKept.push({ alias, version: current[alias] ?? null });
    return { version, registered: false, aliasEvents, aliasesKept, filesNotStored };
  }
  for (const alias of aliases) {
    aliasEvents.push(
      await registry.promote(version.name, version.version, alias, request.by!, `registered ${version.tag}`)
    );
  }
  return { version, registered: created, aliasEvents, aliasesKept, filesNotStored };
}
