// The monitor stage: the rows production saw (its prediction log, or a batch of production data)
// against the training statistics stored with the production version, by validate-data's rules
// (checkData in src/data, on the logged rows kept in memory); delayed labels against the metrics it was registered with; and, when a threshold
// is crossed, a retraining dispatch with the reason. Every output is written before a failed
// dispatch is reported, so the evidence survives.
import { join } from 'node:path';
import type { DataConfig, GateSpec } from '../config/types.js';
import { ExitCode, InputError, MlciError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { checkData, type CheckResult } from '../data/check.js';
import { labelIn } from '../data/column-names.js';
import { openEngine, type Engine } from '../data/engine.js';
import { loadRecords } from '../data/records.js';
import { renderMarkdown, type ValidationReport } from '../data/report.js';
import { loadSource, type LoadedSource } from '../data/source.js';
import { isStatistics, type DatasetStatistics } from '../data/statistics.js';
import { modelFromBytes, type ModelFile } from '../model/inference.js';
import type { MetricTask } from '../evaluation/metrics/types.js';
import { readLiveStats, readLogWindow, type LiveStats, type LogWindow } from '../monitor/log.js';
import { buildReason, describeRows, renderMonitorMarkdown } from '../monitor/report.js';
import { parseSince } from '../monitor/since.js';
import type { MonitorReport, MonitorSource, MonitorVerdict, TriggerRecord } from '../monitor/types.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import { measurePerformance } from './monitor-performance.js';
import { fireTrigger, type MonitorTrigger } from './monitor-trigger.js';
import { DEFAULT_DRIFT_SHARE } from '../data/drift/catalog.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';

export type { DispatchFn, DispatchRequest, MonitorReport, MonitorVerdict } from '../monitor/types.js';
export type { MonitorTrigger } from './monitor-trigger.js';

/** Default fewest rows (and labelled rows) to judge a window on. */
export const DEFAULT_MIN_ROWS = 100;

/** Inputs of the monitor stage. */
export interface MonitorOptions {
  registry: Registry;
  /** Model name in the registry. */
  model: string;
  /** The alias watched (default production). */
  alias?: string;
  /** Prediction log of `mlci serve --log` (the live file; rotated files beside it are read too). */
  log?: string;
  /** A batch of production data (file or glob) instead of the log. */
  data?: string;
  /** Window start: a duration back from now ("24h", "7d") or an ISO time (log mode). */
  since?: string;
  /** The clock, for tests. */
  now?: Date;
  /** Read logged rows of every version, not only the watched one. */
  allVersions?: boolean;
  /** Delayed labels joined to logged rows by request id (log mode). */
  labels?: string;
  /** Label column of the labels file, or of the batch data. */
  labelColumn?: string;
  /** In data mode: skip performance quietly when the data has no such column (a default from mlci.yml). */
  labelOptional?: boolean;
  /** Id column of the labels file (default request_id). */
  idColumn?: string;
  task?: MetricTask;
  /** Binary decision threshold (positive when p1 > it). */
  threshold?: number;
  /** Model feature order for a one-matrix-input model (mlci.yml model.features). */
  features?: string[];
  /** Share of drifted columns that makes dataset drift (default 0.5). */
  driftShare?: number;
  /** Metric gates between the registered metrics and now (monitor.max_metric_drop). */
  gates?: Record<string, GateSpec>;
  /** Fewer rows than this: verdict insufficient_data, nothing triggered (default 100). */
  minRows?: number;
  /** The data: section of mlci.yml (per-column drift tests and thresholds, format). */
  dataConfig?: DataConfig;
  trigger?: MonitorTrigger;
  /** Decide, but do not dispatch. */
  dryRun?: boolean;
  /** Directory for monitor.json, monitor.md, validation.json, statistics.json, validation.md. */
  out?: string;
  progress?: Progress;
  memoryLimit?: string;
}

/** What the stage returns. */
export interface MonitorResult {
  report: MonitorReport;
  markdown: string;
  /** 0: nothing crossed (or too few rows); 1: drift or degradation. */
  exitCode: 0 | 1;
  files: string[];
}

/** A dispatch GitHub refused (exit 2); the report was written first and travels with the error. */
export class MonitorDispatchError extends MlciError {
  constructor(
    message: string,
    readonly result: MonitorResult
  ) {
    super(message, ExitCode.Usage);
  }
}

function checkOptions(o: MonitorOptions): void {
  if (!o.model) throw new InputError('--model is required (the model name in the registry)');
  if (o.log && o.data) throw new InputError('give either --log or --data, not both');
  if (!o.log && !o.data)
    throw new InputError(
      '--log FILE (the prediction log of mlci serve) or --data FILE (a batch) is required'
    );
  if (o.data && o.labels)
    throw new InputError(
      '--labels joins delayed labels to the prediction log; with --data the labels are a column of the data (--label COL)'
    );
  if (o.data && o.since) throw new InputError('--since selects logged rows; it does not apply to --data');
  if (o.driftShare !== undefined && !(o.driftShare > 0 && o.driftShare <= 1))
    throw new InputError(`drift share: got ${o.driftShare}, expected a number in (0, 1]`);
  if (o.minRows !== undefined && !(Number.isInteger(o.minRows) && o.minRows >= 1))
    throw new InputError(`--min-rows: got ${o.minRows}, expected a whole number ≥ 1`);
  const t = o.trigger;
  if (t && t.kind !== 'none') {
    if (!['workflow_dispatch', 'repository_dispatch'].includes(t.kind))
      throw new InputError(
        `--trigger: got "${t.kind}", expected workflow_dispatch, repository_dispatch or none`
      );
    if (t.kind === 'workflow_dispatch' && !t.workflow)
      throw new InputError(
        '--trigger workflow_dispatch needs --workflow (e.g. retrain.yml) or monitor.trigger.workflow'
      );
    if (!o.dryRun && !t.dispatch)
      throw new InputError(`--trigger ${t.kind} needs a GitHub client to dispatch with`);
  }
}

async function productionVersion(o: MonitorOptions, alias: string): Promise<ModelVersion> {
  const version = await o.registry.resolve({ name: o.model, alias });
  if (!version) {
    const versions = await o.registry.list(o.model).catch(() => []);
    throw new InputError(
      versions.length === 0
        ? `${o.model} is not in the registry: register it first (mlci register --name ${o.model})`
        : `${o.model} has no "${alias}" alias: promote a version first (mlci registry promote ${o.model} v${versions[versions.length - 1].version} --alias ${alias})`
    );
  }
  if (!version.assets.includes('statistics.json')) {
    throw new InputError(
      `${version.tag} has no statistics.json of its training data to compare with (it has ${version.assets.join(', ')}); attach them with mlci registry attach ${version.name} v${version.version} --statistics statistics.json (from mlci validate-data)`
    );
  }
  return version;
}

async function trainingStatistics(o: MonitorOptions, version: ModelVersion): Promise<DatasetStatistics> {
  const bytes = await o.registry.download(version.name, version.version, 'statistics.json');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new InputError(`${version.tag} statistics.json is not JSON (${(error as Error).message})`);
  }
  if (!isStatistics(value))
    throw new InputError(
      `${version.tag} statistics.json is not mlci statistics (expected "format": "mlci-statistics")`
    );
  return value;
}

/** What the window holds and where it came from. */
interface WindowSource {
  /** The logged rows (log mode). */
  window?: LogWindow;
  liveStats: LiveStats | null;
  source: MonitorSource;
}

/** The window's rows: the logged rows kept in memory, or a batch read by the engine where it lies. */
async function readSource(
  options: MonitorOptions,
  version: ModelVersion,
  since: Date | undefined,
  progress: Progress
): Promise<WindowSource> {
  if (!options.log) return { liveStats: null, source: { kind: 'data', path: options.data! } };
  progress.start(`reading ${options.log}`);
  const window = await readLogWindow(options.log, {
    model: options.model,
    version: options.allVersions ? undefined : version.version,
    since
  });
  progress.finish(`${window.rows.length.toLocaleString('en-US')} rows of ${version.tag}`);
  const liveStats = await readLiveStats(options.log);
  return {
    window,
    liveStats,
    source: {
      kind: 'log',
      path: options.log,
      files: window.files,
      lines_read: window.read,
      other_models: window.otherModels,
      other_versions: window.otherVersions,
      other_sources: window.otherSources,
      before_since: window.beforeSince,
      partial_lines: window.partialLines,
      versions: options.allVersions ? 'all' : 'production'
    }
  };
}

/** The window's validation: drift tests, its statistics and validation.md. */
type WindowValidation = { report: ValidationReport; statistics: DatasetStatistics; markdown: string };

/** What the drift step compares the window with. */
interface DriftReference {
  statistics: DatasetStatistics;
  /** How the report names it (registry:model@vN/statistics.json). */
  name: string;
  version: ModelVersion;
}

/** The monitor's data: settings for validate-data: the label (and id) left out, drift never blocking. */
function driftConfig(options: MonitorOptions, reference: DatasetStatistics, inLog: boolean): DataConfig {
  const idColumn = options.idColumn ?? 'request_id';
  const config = options.dataConfig;
  const ignore = [...(config?.drift?.ignore ?? [])];
  if (options.labelColumn) ignore.push(options.labelColumn);
  if (options.data) ignore.push(idColumn);
  const columns = { ...config?.columns };
  // The log holds model inputs only: the label is absent by design (docs/monitor.md), and other
  // training columns the model does not take are only worth a warning.
  const label = options.labelColumn ?? reference.label?.column;
  if (inLog && label)
    columns[label] = {
      ...columns[label],
      severity: { ...columns[label]?.severity, missing_column: 'off' }
    };
  return {
    ...config,
    columns,
    severity: { ...config?.severity, ...(inLog ? { missing_column: 'warning' as const } : {}) },
    drift: {
      ...config?.drift,
      share: options.driftShare ?? config?.drift?.share ?? DEFAULT_DRIFT_SHARE,
      blocking: false,
      ignore
    },
    min_rows: undefined
  };
}

/** The window's rows as a table: the logged model inputs from memory, or the batch file. */
async function loadWindow(
  engine: Engine,
  options: MonitorOptions,
  read: WindowSource
): Promise<LoadedSource> {
  if (read.window)
    return loadRecords(
      engine.db,
      read.window.rows.map((r) => r.features),
      'mlci_current',
      options.log!
    );
  const config = options.dataConfig;
  return loadSource(
    engine.db,
    options.data!,
    'mlci_current',
    { format: config?.format, delimiter: config?.delimiter },
    { rowHash: true }
  );
}

/** Drift by validate-data's rules (src/data), in memory: same tests, thresholds and per-column overrides. */
async function windowDrift(
  options: MonitorOptions,
  read: WindowSource,
  reference: DriftReference,
  progress: Progress
): Promise<WindowValidation | undefined> {
  if (read.window && read.window.rows.length === 0) return undefined;
  progress.start(`testing drift against ${reference.name}`);
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  let checked: CheckResult;
  try {
    const current = await loadWindow(engine, options, read);
    const dataPath = options.log ?? options.data!;
    const label = options.data
      ? labelIn(
          dataPath,
          current.columns.map((c) => c.name),
          options.labelColumn,
          true
        )
      : undefined;
    checked = await checkData(engine, {
      current,
      dataPath,
      reference: { kind: 'statistics', statistics: reference.statistics, path: reference.name },
      label,
      config: driftConfig(options, reference.statistics, Boolean(read.window))
    });
  } finally {
    engine.close();
  }
  const report = checked.report;
  progress.finish(`${report.data.rows.toLocaleString('en-US')} rows`);
  const trained = reference.statistics.columns;
  const shared = Object.keys(report.columns).filter((c) => c in trained);
  if (shared.length === 0) {
    throw new InputError(
      `none of the columns of ${options.log ?? options.data} (${Object.keys(report.columns).join(', ')}) is in ${reference.version.tag}'s training statistics (${Object.keys(trained).join(', ')}): nothing to compare; for a model with one matrix input, give it feature_names metadata or model.features in mlci.yml`
    );
  }
  return { report, statistics: checked.statistics, markdown: renderMarkdown(report, reference.statistics) };
}

async function writeWindowFiles(out: string, validation: WindowValidation | undefined): Promise<void> {
  if (!validation) return;
  await writeJsonAtomic(join(out, 'statistics.json'), validation.statistics);
  await writeJsonAtomic(join(out, 'validation.json'), validation.report);
  await writeFileAtomic(join(out, 'validation.md'), validation.markdown);
}

async function writeMonitorFiles(out: string, report: MonitorReport, markdown: string): Promise<void> {
  await writeJsonAtomic(join(out, 'monitor.json'), report);
  await writeFileAtomic(join(out, 'monitor.md'), markdown);
}

function outputFiles(out: string | undefined, validation: WindowValidation | undefined): string[] {
  if (!out) return [];
  const files = validation ? ['validation.json', 'statistics.json', 'validation.md'] : [];
  return [...files, 'monitor.json', 'monitor.md'].map((f) => join(out, f));
}

/** Runs the monitor stage. */
export async function runMonitor(options: MonitorOptions): Promise<MonitorResult> {
  checkOptions(options);
  const progress = options.progress ?? silentProgress;
  const now = options.now ?? new Date();
  const alias = options.alias ?? PRODUCTION_ALIAS;
  const minRows = options.minRows ?? DEFAULT_MIN_ROWS;
  const since = options.since ? parseSince(options.since, now) : undefined;
  const idColumn = options.idColumn ?? 'request_id';

  const version = await productionVersion(options, alias);
  progress.info(`${options.model}@${alias} = ${version.tag}`);
  const statistics = await trainingStatistics(options, version);
  const referenceName = `registry:${version.tag}/statistics.json`;
  let modelFile: ModelFile | undefined;
  const model = async () =>
    (modelFile ??= modelFromBytes(
      await options.registry.download(version.name, version.version),
      `registry:${version.tag}`
    ));

  const reference: DriftReference = { statistics, name: referenceName, version };
  const read = await readSource(options, version, since, progress);
  const { window, source } = read;
  const validation = await windowDrift(options, read, reference, progress);
  const rows = window ? window.rows.length : (validation?.report.data.rows ?? 0);
  const drift = validation?.report.dataset_drift ?? null;
  const performance = await measurePerformance(
    options,
    version,
    window,
    model,
    minRows,
    idColumn,
    validation
  );

  const failed = performance?.gates.some((g) => g.status === 'fail') ?? false;
  const verdict: MonitorVerdict =
    rows < minRows ? 'insufficient_data' : failed ? 'degraded' : drift?.drifted_dataset ? 'drift' : 'ok';
  const windowInfo = {
    since: since?.toISOString() ?? null,
    from: window?.from ?? null,
    to: window?.to ?? null
  };
  const reason = buildReason({
    verdict,
    rowsText: describeRows(rows, source, windowInfo),
    rows,
    minRows,
    drift,
    performance,
    versionTag: version.tag
  });
  const driftedColumns = Object.entries(validation?.report.drift ?? {})
    .filter(([, d]) => d.drifted)
    .map(([name]) => name)
    .sort();
  const files = outputFiles(options.out, validation);
  const reportWith = (trigger: TriggerRecord): MonitorReport => ({
    format: 'mlci-monitor',
    version: 1,
    created: now.toISOString(),
    verdict,
    reason,
    model: { name: version.name, version: version.version, tag: version.tag, alias },
    source,
    window: windowInfo,
    rows,
    min_rows: minRows,
    reference: referenceName,
    drift: validation?.report.drift ?? {},
    dataset_drift: drift,
    drifted_columns: driftedColumns,
    performance,
    live_stats: read.liveStats,
    trigger,
    files
  });
  // Every file is written before a dispatch goes out, so no retraining starts from a run whose report
  // could not be written; monitor.json and monitor.md are then rewritten with the dispatch's outcome.
  if (options.out) {
    await writeWindowFiles(options.out, validation);
    const pending = reportWith({
      kind: options.trigger?.kind ?? 'none',
      sent: false,
      dry_run: options.dryRun ?? false,
      reason: null,
      request: null,
      note: 'not decided yet: the report is written before any dispatch'
    });
    await writeMonitorFiles(
      options.out,
      pending,
      renderMonitorMarkdown(pending, validation?.markdown ?? null)
    );
  }
  const trigger = await fireTrigger(options, verdict, reason, version, driftedColumns);
  const report = reportWith(trigger);
  const markdown = renderMonitorMarkdown(report, validation?.markdown ?? null);
  if (options.out) await writeMonitorFiles(options.out, report, markdown);
  const exitCode = verdict === 'drift' || verdict === 'degraded' ? 1 : 0;
  const result: MonitorResult = { report, markdown, exitCode, files };
  if (trigger.error) throw new MonitorDispatchError(trigger.error, result);
  return result;
}
