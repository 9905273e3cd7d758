import { join } from 'node:path';
import type { GateSpec, Task } from '../config/types.js';
import { definedOnly } from '../core/defaults.js';
import { InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { MLCI_VERSION } from '../core/version.js';
import { loadColumns, prepareReader, sourceColumnNames, type LoadedColumns } from '../data/columns.js';
import type { SourceOptions } from '../data/engine.js';
import {
  pairedBootstrap,
  startPairedBootstrap,
  type BootstrapOptions,
  type BootstrapRun,
  type IntervalResult
} from '../gate/bootstrap.js';
import { changeGatedMetrics, comparedChanges, computeDeltas } from '../gate/deltas.js';
import { applyGates, decideVerdict, isChangeGate, type GateResult } from '../gate/gates.js';
import { applySliceGates } from '../gate/slice-gates.js';
import { resolveBaseline, type ArtifactBaseline, type BaselineSource } from '../evaluation/baseline.js';
import { readDriftSummary } from '../evaluation/drift-summary.js';
import { modelReport, toPredictions } from '../evaluation/evaluate-model.js';
import type { EvaluationJson, HistoryPoint, ModelReport, SliceReport } from '../evaluation/types.js';
import { whatChanged } from '../lineage/lineage-of.js';
import type { WhatChanged } from '../lineage/what-changed.js';
import {
  openSession,
  planColumns,
  planSession,
  planTextColumns,
  readModelFile,
  runBatches,
  type LoadedSession,
  type ModelOutputs,
  type PlannedSession
} from '../model/inference.js';
import { isBootstrappable } from '../evaluation/metrics/catalog.js';
import type { MetricValues } from '../evaluation/metrics/result.js';
import { createScorer, type Predictions, type Scorer } from '../evaluation/metrics/scorer.js';
import { scoreSlices } from '../evaluation/slices.js';
import { attachSliceIntervals, latencySpreads, startNoiseBootstrap } from '../evaluation/noise.js';
import { measureLatency } from '../evaluation/latency.js';
import { prefaultedTableMemory, type TableBootstrapRun } from '../gate/table-bootstrap.js';
import type { Registry } from '../registry/types.js';
import { renderEvaluationMarkdown } from '../report/evaluation-md.js';

/** Everything `evaluate` needs; the CLI and the action both build one of these. */
export interface EvaluateRequest {
  /** Candidate model (ONNX file). */
  model: string;
  data: string;
  label: string;
  task: Task;
  /** Explicit baseline file; else the registry alias, else the artifact. */
  baseline?: string;
  registry?: Registry | null;
  /** Model name in the registry (for the production alias and the history chart). */
  modelName?: string;
  baselineAlias?: string;
  artifactBaseline?: () => Promise<ArtifactBaseline | null>;
  features?: string[];
  /** The model output predictions are read from (the baseline's too when it has one so named). */
  output?: string;
  threshold?: number;
  slices?: string[];
  minSliceSize?: number;
  batchSize?: number;
  bootstrap?: Partial<BootstrapOptions>;
  gates?: Record<string, GateSpec>;
  sliceGates?: Record<string, Record<string, GateSpec>>;
  /** validate-data's validation.json, for the drift summary. */
  validation?: string;
  source?: SourceOptions;
  /** Directory for evaluation.json and evaluation.md. */
  out?: string;
  progress?: Progress;
  /** Registered versions shown in the history chart. */
  historyVersions?: number;
  /** Also write every row's predictions of both models to this CSV (for debugging and benchmarks). */
  predictionsOut?: string;
}

/** What evaluate returns: the evaluation.json document, the Markdown report and the files written. */
export interface EvaluateResult {
  evaluation: EvaluationJson;
  markdown: string;
  files: string[];
}

const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: 0, confidence: 0.95 };

/** Wall time of each phase, for evaluation.json's timings_ms. */
function stopwatch() {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
  return { timings, timed };
}
type Timed = ReturnType<typeof stopwatch>['timed'];

/** Progress lines: how each model's graph and output were read (exporters' conventions, the output rule). */
function reportHowRead(sessions: LoadedSession[], progress: Progress): void {
  sessions.forEach((s, i) => {
    const who = i === 0 ? 'candidate' : 'baseline';
    for (const note of [...s.model.notes, ...(s.plan.kind === 'matrix' && s.plan.note ? [s.plan.note] : [])])
      progress.info(`${who}: ${note}`);
    if (s.choice) progress.info(`${who}: read output "${s.choice.name}" (${s.choice.reason})`);
  });
}

/** The metric gates and the slice gates of a run. */
function allGates(
  request: EvaluateRequest,
  candidate: ModelReport,
  baseline: ModelReport | null,
  sliceReports: SliceReport[]
): GateResult[] {
  return [
    ...applyGates(request.gates ?? {}, {
      candidate: { values: candidate.metrics, reasons: candidate.undefined_reasons },
      baseline: baseline ? { values: baseline.metrics, reasons: baseline.undefined_reasons } : null
    }),
    ...applySliceGates(request.sliceGates ?? {}, sliceReports, request.slices ?? [], baseline !== null)
  ];
}

/** Refuses an unknown task, and a threshold on a task whose predictions it cannot change (no silent ignore). */
function checkTaskSettings(request: EvaluateRequest): void {
  const task = request.task;
  if (!['binary', 'multiclass', 'regression'].includes(task)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  if (request.threshold !== undefined && task !== 'binary') {
    throw new InputError(
      `--threshold (model.threshold) ${request.threshold} applies to binary classifiers only (positive when p(positive class) > it); ` +
        `a ${task} model's predictions are ${task === 'multiclass' ? 'the arg-max class' : 'its values'}, so leave it unset`
    );
  }
}

/** Scores the candidate and the baseline on the same rows, applies the gates and writes the report. */
export async function evaluate(request: EvaluateRequest): Promise<EvaluateResult> {
  const progress = request.progress ?? silentProgress;
  const { timings, timed } = stopwatch();
  const task = request.task;
  checkTaskSettings(request);
  const batchSize = request.batchSize ?? 8192;
  const minSliceSize = request.minSliceSize ?? 30;
  const bootstrap: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...definedOnly(request.bootstrap) };
  const { planned, baselineSource, drift, engine } = await planModels(request, timed);
  const slices = request.slices ?? [];
  const columns = [...new Set([request.label, ...planned.flatMap((s) => planColumns(s.plan)), ...slices])];
  progress.start(`reading ${request.data}`);
  const { sessions, data } = await readWhileLoading(request, planned, columns, engine, timed);
  progress.finish(`${data.rowCount} rows`);
  if (data.rowCount === 0) throw new InputError(`${request.data}: no rows to evaluate`);

  progress.start('scoring', data.rowCount);
  const outputs = await timed('inference', () =>
    runBatches(sessions, data, batchSize, request.data, (done) => progress.update(done))
  );
  progress.finish();
  // Fresh memory is slow to touch: the whole-table bootstrap's is faulted in on a helper thread meanwhile.
  const tableMemory =
    sessions.length === 2 && bootstrap.resamples >= 2
      ? prefaultedTableMemory(task, data.rowCount)
      : undefined;
  const latency = await timed('latency', () => measureLatency(sessions, data, batchSize, request.data));
  reportHowRead(sessions, progress);
  const predictions = sessions.map((s, i) =>
    toPredictions(task, s, outputs[i], data, request.label, request.data, request.threshold)
  );
  sameClasses(predictions);
  const scorers = predictions.map((p) => createScorer(p));
  // The bootstrap of every metric with a change gate starts now: its worker threads run while this
  // thread computes the metrics and slices; metrics whose gate turns out skipped are dropped below.
  const changeGated = changeGatedMetrics(request.gates ?? {});
  const bootstrapStarted = performance.now();
  // With a baseline, one bootstrap gives every metric and slice cell its interval, the gated ones included.
  const tableRun = await startNoiseBootstrap(
    predictions,
    scorers,
    data,
    slices,
    minSliceSize,
    request.sliceGates ?? {},
    bootstrap,
    tableMemory
  );
  const bootstrapRun =
    !tableRun && scorers.length === 2 && changeGated.length > 0 && bootstrap.resamples > 0
      ? startPairedBootstrap(scorers[0], scorers[1], changeGated, bootstrap)
      : null;
  const [candidate, baseline = null] = await timed('metrics', () =>
    sessions.map((s, i) => modelReport(s, predictions[i], scorers[i], outputs[i], batchSize, latency[i]))
  );
  const sliceReports = await timed('slices', () =>
    scoreSlices(
      data,
      slices,
      minSliceSize,
      scorers,
      sessions.map((s) => s.model.source)
    )
  );
  const gates = allGates(request, candidate, baseline, sliceReports);
  const gatedChanges = baseline ? comparedChanges(gates) : [];
  const intervals = await gateIntervals(gates, gatedChanges, {
    table: tableRun,
    slices: sliceReports,
    scorers,
    bootstrap,
    run: bootstrapRun,
    runMetrics: changeGated,
    progress,
    timed,
    // The bootstrap's time counts from its start, overlapping the metrics and slices.
    done: () => (timings.bootstrap = Math.round(performance.now() - bootstrapStarted))
  });
  const verdict = decideVerdict(gates, baseline !== null);
  const history = await timed('history', () => registryHistory(request, gates, candidate.metrics));
  const changed = await timed('lineage', () => lineageDiff(request, candidate, baseline, baselineSource));
  const evaluation: EvaluationJson = {
    schema_version: 1,
    mlci_version: MLCI_VERSION,
    created: new Date().toISOString(),
    task,
    model_name: request.modelName ?? null,
    label: request.label,
    threshold: request.threshold ?? null,
    data: { source: request.data, rows: data.rowCount },
    candidate,
    baseline,
    baseline_source: baselineSource,
    deltas: computeDeltas(
      candidate.metrics,
      baseline?.metrics ?? null,
      intervals,
      latencySpreads(candidate, baseline)
    ),
    slices: sliceReports,
    min_slice_size: minSliceSize,
    gates,
    bootstrap: tableRun || gatedChanges.length > 0 ? { ...bootstrap, scheme: 'poisson' } : null,
    drift,
    history,
    what_changed: changed,
    verdict: verdict.verdict,
    rubber_stamp: verdict.rubber_stamp,
    summary: verdict.summary,
    timings_ms: timings
  };
  return writeResult(request, evaluation, outputs);
}

/**
 * Paired bootstrap intervals of the gated changes, from the early run when it covers them; each
 * whole-data change gate gets its metric's interval.
 */
async function gateIntervals(
  gates: GateResult[],
  metrics: string[],
  o: {
    table: TableBootstrapRun | null;
    slices: EvaluationJson['slices'];
    scorers: Scorer[];
    bootstrap: BootstrapOptions;
    run: BootstrapRun | null;
    runMetrics: string[];
    progress: Progress;
    timed: Timed;
    done: () => void;
  }
): Promise<Record<string, IntervalResult>> {
  if (o.table) {
    const table = o.table;
    o.progress.start('paired bootstrap', o.bootstrap.resamples);
    const all = await o.timed('bootstrap_join', () => table.result((done) => o.progress.update(done)));
    o.done();
    o.progress.finish();
    attachSliceIntervals(o.slices, all);
    for (const g of gates)
      if (!g.slice && isChangeGate(g.kind) && metrics.includes(g.metric) && all.overall[g.metric])
        g.interval = all.overall[g.metric];
    return all.overall;
  }
  if (metrics.length === 0 || o.bootstrap.resamples === 0) {
    o.run?.cancel(); // no gate needs it after all
    return {};
  }
  o.progress.start('paired bootstrap', o.bootstrap.resamples);
  const bootstrappable = metrics.filter(isBootstrappable);
  const update = (done: number) => o.progress.update(done);
  const all = await o.timed('bootstrap_join', async () =>
    o.run && bootstrappable.every((m) => o.runMetrics.includes(m))
      ? o.run.result(update)
      : pairedBootstrap(o.scorers[0], o.scorers[1], bootstrappable, o.bootstrap, update)
  );
  o.done();
  o.progress.finish();
  const intervals: Record<string, IntervalResult> = Object.fromEntries(
    bootstrappable.map((m) => [m, all[m]])
  );
  for (const g of gates)
    if (!g.slice && isChangeGate(g.kind) && intervals[g.metric]) g.interval = intervals[g.metric];
  return intervals;
}

/** Reads the candidate, resolves the baseline and the drift summary, and plans both models' inputs. */
async function planModels(request: EvaluateRequest, timed: Timed) {
  const candidateFile = await readModelFile(request.model);
  const engine = prepareReader(); // while the models load (after the first check, so a missing model fails at once)
  const { model: baselineFile, source: baselineSource } = await timed('baseline', () =>
    resolveBaseline({
      file: request.baseline,
      registry: request.registry,
      modelName: request.modelName,
      alias: request.baselineAlias,
      artifact: request.artifactBaseline
    })
  );
  const drift = request.validation ? await readDriftSummary(request.validation) : null;
  const columns = async () => ({
    names: await sourceColumnNames(request.data, request.source),
    label: request.label,
    source: request.data
  });
  const planned = [await planSession(candidateFile, request.task, request.features, request.output, columns)];
  if (baselineFile) {
    const named = baselineFile.signature.outputs.some((o) => o.name === request.output);
    planned.push(
      await planSession(
        baselineFile,
        request.task,
        request.features,
        named ? request.output : undefined,
        columns
      )
    );
  }
  return { planned, baselineSource, drift, engine };
}

/**
 * Reads the data while onnxruntime loads the planned models: the read needs only their plans, and
 * the engine parses on its threads meanwhile. A model's error comes before the read's.
 */
async function readWhileLoading(
  request: EvaluateRequest,
  planned: PlannedSession[],
  columns: string[],
  engine: Promise<void>,
  timed: Timed
): Promise<{ sessions: LoadedSession[]; data: LoadedColumns }> {
  // Columns that feed a string input are read as the file's text ("007" stays "007").
  const asText = [...new Set(planned.flatMap((p) => planTextColumns(p.plan)))];
  const reading = timed('read', () => loadColumns(request.data, columns, request.source, asText));
  reading.catch(() => undefined); // awaited below, after the sessions
  // Both modules load on this thread: the engine's first, so the read starts before onnxruntime's.
  await engine;
  const sessions = await timed('load_models', () => openSessions(planned, reading));
  return { sessions, data: await reading };
}

/**
 * Creates the planned models' sessions while `reading` runs. Should one fail to load, the read is
 * let finish first (its outcome ignored), so no engine query outlives the run.
 */
async function openSessions(planned: PlannedSession[], reading: Promise<unknown>): Promise<LoadedSession[]> {
  const sessions: LoadedSession[] = [];
  try {
    for (const p of planned) sessions.push(await openSession(p));
  } catch (error) {
    await reading.catch(() => undefined);
    throw error;
  }
  return sessions;
}

/** Refuses a baseline whose classes differ from the candidate's: their metrics would not compare. */
function sameClasses(predictions: Predictions[]): void {
  const [a, b] = predictions;
  if (!b || a.task === 'regression' || b.task === 'regression') return;
  if (a.labels.join('\u0000') !== b.labels.join('\u0000')) {
    throw new InputError(
      `the baseline's classes (${b.labels.join(', ')}) differ from the candidate's (${a.labels.join(', ')})`
    );
  }
}

/** Renders the Markdown and writes evaluation.json, evaluation.md and the predictions CSV when asked. */
async function writeResult(
  request: EvaluateRequest,
  evaluation: EvaluationJson,
  outputs: ModelOutputs[]
): Promise<EvaluateResult> {
  const markdown = renderEvaluationMarkdown(evaluation);
  const files: string[] = [];
  if (request.out) {
    const jsonPath = join(request.out, 'evaluation.json');
    const mdPath = join(request.out, 'evaluation.md');
    await writeJsonAtomic(jsonPath, evaluation);
    await writeFileAtomic(mdPath, markdown);
    files.push(jsonPath, mdPath);
  }
  if (request.predictionsOut) {
    await writeFileAtomic(request.predictionsOut, predictionsCsv(outputs, ['candidate', 'baseline']));
    files.push(request.predictionsOut);
  }
  return { evaluation, markdown, files };
}

/** Every row's raw model outputs as CSV: `<model>_<column>`; numbers print exactly (shortest round-trip). */
function predictionsCsv(outputs: { values: Float64Array; width: number }[], names: string[]): string {
  const header = outputs.flatMap((o, m) => Array.from({ length: o.width }, (_, c) => `${names[m]}_${c}`));
  const rows = outputs.length > 0 ? outputs[0].values.length / outputs[0].width : 0;
  const parts: string[] = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (const o of outputs) for (let c = 0; c < o.width; c++) cells.push(String(o.values[i * o.width + c]));
    parts.push(cells.join(','));
  }
  return parts.join('\n') + '\n';
}

/** What changed from the baseline to the candidate, from their training lineage. */
function lineageDiff(
  request: EvaluateRequest,
  candidate: ModelReport,
  baseline: ModelReport | null,
  source: BaselineSource
): Promise<WhatChanged> {
  return whatChanged({
    candidate: { path: request.model, sha256: candidate.sha256 },
    baseline: baseline && {
      kind: source.kind,
      ref: source.ref,
      sha256: baseline.sha256,
      path: source.kind === 'file' ? (request.baseline ?? undefined) : undefined,
      version: source.version
    },
    registry: request.registry,
    modelName: request.modelName
  });
}

/** Gated metrics across the last registered versions, for the report's chart. */
async function registryHistory(
  request: EvaluateRequest,
  gates: GateResult[],
  candidate: MetricValues
): Promise<HistoryPoint[] | null> {
  if (!request.registry || !request.modelName) return null;
  const metrics = [...new Set(gates.filter((g) => !g.slice).map((g) => g.metric))];
  if (metrics.length === 0) return null;
  const versions = await request.registry.list(request.modelName);
  const last = versions.slice(-(request.historyVersions ?? 10));
  const pick = (m: MetricValues) => Object.fromEntries(metrics.map((k) => [k, m[k] ?? null]));
  return [
    ...last.map((v) => ({ label: `v${v.version}`, metrics: pick(v.metrics) })),
    { label: 'candidate', metrics: pick(candidate) }
  ];
}
