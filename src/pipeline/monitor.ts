// The monitor stage: the rows production saw (its prediction log, or a batch of production data)
// against the training statistics stored with the production version, through validate-data's
// drift engine; delayed labels against the metrics it was registered with; and, when a threshold
// is crossed, a retraining dispatch with the reason. Every output is written before a failed
// dispatch is reported, so the evidence survives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataConfig, GateSpec } from '../config/types.js';
import { ExitCode, InputError, MlciError, describeError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { renderMarkdown, type ValidationReport } from '../data/report.js';
import { isStatistics, type DatasetStatistics } from '../data/statistics.js';
import { modelClasses, modelFromBytes, type ModelFile } from '../model/inference.js';
import type { MetricTask } from '../model/metrics/types.js';
import {
  readLiveStats,
  readLogWindow,
  writeFeaturesJsonl,
  type LiveStats,
  type LogWindow
} from '../monitor/log.js';
import {
  checkPerformance,
  joinLabels,
  predictionsFromLog,
  readLabels,
  taskOfLog
} from '../monitor/performance.js';
import { buildReason, describeRows, renderMonitorMarkdown } from '../monitor/report.js';
import { scoreBatch, taskOfModel } from '../monitor/score-batch.js';
import { parseSince } from '../monitor/since.js';
import type {
  DispatchFn,
  DispatchRequest,
  MonitorPerformance,
  MonitorReport,
  MonitorSource,
  MonitorVerdict,
  TriggerKind,
  TriggerRecord
} from '../monitor/types.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import { validateData } from './validate-data.js';
import { DEFAULT_DRIFT_SHARE } from '../config/defaults.js';

export type { DispatchFn, DispatchRequest, MonitorReport, MonitorVerdict } from '../monitor/types.js';

/** Default fewest rows (and labelled rows) to judge a window on. */
export const DEFAULT_MIN_ROWS = 100;
export { DEFAULT_DRIFT_SHARE };
/** Longest reason sent as a workflow input. */
const MAX_REASON = 1000;
/** Most drifted column names sent in a repository_dispatch payload. */
const MAX_PAYLOAD_COLUMNS = 50;

/** How retraining is triggered; `dispatch` is injected (src/github/dispatch.ts) so this stage stays free of octokit. */
export interface MonitorTrigger {
  kind: TriggerKind;
  /** Workflow file or id (workflow_dispatch). */
  workflow?: string;
  /** Git ref the workflow runs on (workflow_dispatch); default main. */
  ref?: string;
  /** repository_dispatch event type; default mlci-retrain. */
  eventType?: string;
  /** Sent as the `data_version` workflow input when given. */
  dataVersion?: string;
  /** Link to the report for the repository_dispatch payload (e.g. the run URL); default the monitor.json path. */
  reportUrl?: string;
  dispatch?: DispatchFn;
}

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
      `${version.tag} has no statistics.json of its training data to compare with (it has ${version.assets.join(', ')}); register versions with --statistics statistics.json (from mlci validate-data)`
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

/** Runs the monitor stage. */
export async function runMonitor(options: MonitorOptions): Promise<MonitorResult> {
  checkOptions(options);
  const progress = options.progress ?? silentProgress;
  const now = options.now ?? new Date();
  const alias = options.alias ?? 'production';
  const minRows = options.minRows ?? DEFAULT_MIN_ROWS;
  const driftShare = options.driftShare ?? options.dataConfig?.drift?.share ?? DEFAULT_DRIFT_SHARE;
  const since = options.since ? parseSince(options.since, now) : undefined;
  const idColumn = options.idColumn ?? 'request_id';

  const version = await productionVersion(options, alias);
  progress.info(`${options.model}@${alias} = ${version.tag}`);
  const reference = await trainingStatistics(options, version);
  const referenceName = `registry:${version.tag}/statistics.json`;
  let modelFile: ModelFile | undefined;
  const model = async () =>
    (modelFile ??= modelFromBytes(
      await options.registry.download(version.name, version.version),
      `registry:${version.tag}`
    ));

  const temp = await mkdtemp(join(tmpdir(), 'mlci-monitor-'));
  try {
    const referencePath = join(temp, 'statistics.json');
    await writeJsonAtomic(referencePath, reference);
    let window: LogWindow | undefined;
    let liveStats: LiveStats | null = null;
    let dataPath: string;
    let source: MonitorSource;
    if (options.log) {
      progress.start(`reading ${options.log}`);
      window = await readLogWindow(options.log, {
        model: options.model,
        version: options.allVersions ? undefined : version.version,
        since
      });
      progress.finish(`${window.rows.length.toLocaleString('en-US')} rows of ${version.tag}`);
      liveStats = await readLiveStats(options.log);
      dataPath = join(temp, 'window.jsonl');
      await writeFeaturesJsonl(dataPath, window.rows);
      source = {
        kind: 'log',
        path: options.log,
        files: window.files,
        lines_read: window.read,
        other_models: window.otherModels,
        other_versions: window.otherVersions,
        before_since: window.beforeSince,
        partial_lines: window.partialLines,
        versions: options.allVersions ? 'all' : 'production'
      };
    } else {
      dataPath = options.data!;
      source = { kind: 'data', path: dataPath };
    }

    // Drift through validate-data itself: same tests, thresholds and per-column overrides.
    let validation: { report: ValidationReport; statistics: DatasetStatistics; markdown: string } | undefined;
    if (!window || window.rows.length > 0) {
      const ignore = [...(options.dataConfig?.drift?.ignore ?? [])];
      if (options.labelColumn) ignore.push(options.labelColumn);
      if (options.data) ignore.push(idColumn);
      // validate-data's own progress would name the temporary window file.
      progress.start(`testing drift against ${referenceName}`);
      const result = await validateData({
        data: dataPath,
        reference: referencePath,
        label: options.data ? options.labelColumn : undefined,
        config: {
          ...options.dataConfig,
          // The log holds model inputs only: the label and other training columns are absent by design.
          severity: {
            ...options.dataConfig?.severity,
            ...(window ? { missing_column: 'warning' as const } : {})
          },
          drift: { ...options.dataConfig?.drift, share: driftShare, blocking: false, ignore },
          min_rows: undefined
        },
        memoryLimit: options.memoryLimit
      });
      progress.finish(`${result.report.data.rows.toLocaleString('en-US')} rows`);
      const shared = Object.keys(result.report.columns).filter((c) => c in reference.columns);
      if (shared.length === 0) {
        throw new InputError(
          `none of the columns of ${options.log ?? options.data} (${Object.keys(result.report.columns).join(', ')}) is in ${version.tag}'s training statistics (${Object.keys(reference.columns).join(', ')}): nothing to compare; for a model with one matrix input, give it feature_names metadata or model.features in mlci.yml`
        );
      }
      const report: ValidationReport = {
        ...result.report,
        data: { ...result.report.data, path: options.log ?? options.data! },
        reference: result.report.reference ? { ...result.report.reference, path: referenceName } : null
      };
      validation = { report, statistics: result.statistics, markdown: renderMarkdown(report, reference) };
    }
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

    const files: string[] = [];
    if (options.out) {
      if (validation)
        files.push(
          ...['validation.json', 'statistics.json', 'validation.md'].map((f) => join(options.out!, f))
        );
      files.push(join(options.out, 'monitor.json'), join(options.out, 'monitor.md'));
    }
    const trigger = await fireTrigger(options, verdict, reason, version, driftedColumns);
    const report: MonitorReport = {
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
      live_stats: liveStats,
      trigger,
      files
    };
    const markdown = renderMonitorMarkdown(report, validation?.markdown ?? null);
    if (options.out) {
      if (validation) {
        await writeJsonAtomic(join(options.out, 'statistics.json'), validation.statistics);
        await writeJsonAtomic(join(options.out, 'validation.json'), validation.report);
        await writeFileAtomic(join(options.out, 'validation.md'), validation.markdown);
      }
      await writeJsonAtomic(join(options.out, 'monitor.json'), report);
      await writeFileAtomic(join(options.out, 'monitor.md'), markdown);
    }
    const exitCode = verdict === 'drift' || verdict === 'degraded' ? 1 : 0;
    const result: MonitorResult = { report, markdown, exitCode, files };
    if (trigger.error) throw new MonitorDispatchError(trigger.error, result);
    return result;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Metrics on the labelled rows and their gates; null when no labels were given. */
async function measurePerformance(
  options: MonitorOptions,
  version: ModelVersion,
  window: LogWindow | undefined,
  model: () => Promise<ModelFile>,
  minRows: number,
  idColumn: string,
  validation: { report: ValidationReport } | undefined
): Promise<MonitorPerformance | null> {
  const labelColumn = options.labelColumn;
  if (window) {
    if (!options.labels) return null;
    if (!labelColumn)
      throw new InputError('--labels needs the label column: --label COL (or model.label in mlci.yml)');
    const table = await readLabels(options.labels, idColumn, labelColumn, {});
    const join = joinLabels(window.rows, table);
    const base: MonitorPerformance = {
      labels: { source: options.labels, label_column: labelColumn, id_column: idColumn },
      labelled_rows: join.rows.length,
      unlabelled_rows: join.unlabelled,
      unmatched_labels: join.unmatched,
      task: null,
      current: {},
      undefined_reasons: {},
      registered: version.metrics,
      gates: []
    };
    if (join.rows.length === 0)
      return { ...base, note: `no logged row of the window has a label in ${options.labels}` };
    const task = options.task ?? taskOfLog(window.rows);
    if (!task)
      throw new InputError('cannot tell the task from the log; pass --task binary|multiclass|regression');
    const classes = task === 'regression' ? null : modelClasses(await model());
    const predictions = predictionsFromLog(
      task,
      window.rows,
      join,
      classes,
      options.labels,
      options.threshold
    );
    const check = checkPerformance(predictions, version.metrics, options.gates, version.tag, minRows);
    return {
      ...base,
      task,
      current: check.current,
      undefined_reasons: check.undefined_reasons,
      gates: check.gates,
      ...(check.note ? { note: check.note } : {})
    };
  }
  if (!labelColumn || !validation) return null;
  if (!(labelColumn in validation.report.columns)) {
    if (options.labelOptional) return null;
    throw new InputError(
      `${options.data}: no label column "${labelColumn}" (has: ${Object.keys(validation.report.columns).join(', ')})`
    );
  }
  const file = await model();
  const task = options.task ?? taskOfModel(file);
  if (!task) throw new InputError(`${file.source}: cannot tell the task from its outputs; pass --task`);
  const scored = await scoreBatch({
    model: file,
    data: options.data!,
    label: labelColumn,
    task,
    features: options.features,
    threshold: options.threshold,
    source: { format: options.dataConfig?.format, delimiter: options.dataConfig?.delimiter }
  });
  const base: MonitorPerformance = {
    labels: { source: options.data!, label_column: labelColumn, id_column: null },
    labelled_rows: scored.predictions?.y.length ?? 0,
    unlabelled_rows: scored.unlabelled,
    unmatched_labels: null,
    task,
    current: {},
    undefined_reasons: {},
    registered: version.metrics,
    gates: []
  };
  if (!scored.predictions) return { ...base, note: `no row has a label in column "${labelColumn}"` };
  const check = checkPerformance(scored.predictions, version.metrics, options.gates, version.tag, minRows);
  return {
    ...base,
    current: check.current,
    undefined_reasons: check.undefined_reasons,
    gates: check.gates,
    ...(check.note ? { note: check.note } : {})
  };
}

/** Decides and (unless a dry run) sends the dispatch; a failure is recorded, not thrown, so the report is written. */
async function fireTrigger(
  options: MonitorOptions,
  verdict: MonitorVerdict,
  reason: string,
  version: ModelVersion,
  driftedColumns: string[]
): Promise<TriggerRecord> {
  const t = options.trigger ?? { kind: 'none' as const };
  const dryRun = options.dryRun ?? false;
  const crossed = verdict === 'drift' || verdict === 'degraded';
  const record: TriggerRecord = {
    kind: t.kind,
    sent: false,
    dry_run: dryRun,
    reason: crossed ? reason : null,
    request: null
  };
  if (!crossed)
    return {
      ...record,
      note: verdict === 'insufficient_data' ? 'too few rows to judge' : 'no threshold crossed'
    };
  if (t.kind === 'none') return { ...record, note: 'no trigger configured' };
  const oneLine = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  const request: DispatchRequest =
    t.kind === 'workflow_dispatch'
      ? {
          kind: 'workflow_dispatch',
          workflow: t.workflow!,
          ref: t.ref ?? 'main',
          inputs: { reason: oneLine, ...(t.dataVersion ? { data_version: t.dataVersion } : {}) }
        }
      : {
          kind: 'repository_dispatch',
          eventType: t.eventType ?? 'mlci-retrain',
          clientPayload: {
            model: version.name,
            version: version.version,
            reason: oneLine,
            drifted_columns: driftedColumns.slice(0, MAX_PAYLOAD_COLUMNS),
            report: t.reportUrl ?? (options.out ? join(options.out, 'monitor.json') : null),
            ...(t.dataVersion ? { data_version: t.dataVersion } : {})
          }
        };
  if (dryRun) return { ...record, request, note: 'dry run: decided, not sent' };
  try {
    const { target } = await t.dispatch!(request);
    return { ...record, request, sent: true, target };
  } catch (error) {
    return { ...record, request, error: describeError(error) };
  }
}
