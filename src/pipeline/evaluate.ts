import { join } from 'node:path';
import type { GateSpec, Task } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { MLCI_VERSION } from '../core/version.js';
import { loadColumns } from '../data/columns.js';
import type { SourceOptions } from '../data/engine.js';
import {
  pairedBootstrap,
  startPairedBootstrap,
  type BootstrapOptions,
  type BootstrapRun,
  type IntervalResult
} from '../gate/bootstrap.js';
import { applyGates, decideVerdict, isChangeGate, type GateKind, type GateResult } from '../gate/gates.js';
import { resolveBaseline, type ArtifactBaseline } from '../model/baseline.js';
import { readDriftSummary } from '../model/drift-summary.js';
import { groupSlices, modelReport, splitResults, toPredictions } from '../model/evaluate-model.js';
import type { EvaluationJson, HistoryPoint, MetricDelta, SliceReport } from '../model/evaluation-types.js';
import {
  loadSession,
  planColumns,
  readModelFile,
  runBatches,
  type LoadedSession
} from '../model/inference.js';
import { createScorer } from '../model/metrics/scorer.js';
import { assertMetricRanges, higherIsBetter, isBootstrappable } from '../model/metrics/catalog.js';
import type { MetricValues } from '../model/metrics/result.js';
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

/** Scores the candidate and the baseline on the same rows, applies the gates and writes the report. */
export async function evaluate(request: EvaluateRequest): Promise<EvaluateResult> {
  const progress = request.progress ?? silentProgress;
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
  const task = request.task;
  if (!['binary', 'multiclass', 'regression'].includes(task)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  const batchSize = request.batchSize ?? 8192;
  const minSliceSize = request.minSliceSize ?? 30;
  const bootstrap: BootstrapOptions = {
    resamples: request.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP.resamples,
    seed: request.bootstrap?.seed ?? DEFAULT_BOOTSTRAP.seed,
    confidence: request.bootstrap?.confidence ?? DEFAULT_BOOTSTRAP.confidence
  };
  const candidateFile = await readModelFile(request.model);
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
  const sessions: LoadedSession[] = await timed('load_models', async () => {
    const list = [await loadSession(candidateFile, task, request.features, request.output)];
    if (baselineFile) {
      const named = baselineFile.signature.outputs.some((o) => o.name === request.output);
      list.push(await loadSession(baselineFile, task, request.features, named ? request.output : undefined));
    }
    return list;
  });
  const slices = request.slices ?? [];
  const columns = [...new Set([request.label, ...sessions.flatMap((s) => planColumns(s.plan)), ...slices])];
  progress.start(`reading ${request.data}`);
  const data = await timed('read', () => loadColumns(request.data, columns, request.source));
  progress.finish(`${data.rowCount} rows`);
  if (data.rowCount === 0) throw new InputError(`${request.data}: no rows to evaluate`);

  progress.start('scoring', data.rowCount);
  const outputs = await timed('inference', () =>
    runBatches(sessions, data, batchSize, request.data, (done) => progress.update(done))
  );
  progress.finish();
  sessions.forEach((s, i) => {
    if (s.choice)
      progress.info(
        `${i === 0 ? 'candidate' : 'baseline'}: read output "${s.choice.name}" (${s.choice.reason})`
      );
  });

  const predictions = sessions.map((s, i) =>
    toPredictions(task, s, outputs[i], data, request.label, request.data, request.threshold)
  );
  if (
    predictions.length === 2 &&
    predictions[0].task !== 'regression' &&
    predictions[1].task !== 'regression'
  ) {
    const [a, b] = [predictions[0].labels, predictions[1].labels];
    if (a.join('\u0000') !== b.join('\u0000')) {
      throw new InputError(
        `the baseline's classes (${b.join(', ')}) differ from the candidate's (${a.join(', ')})`
      );
    }
  }
  const scorers = predictions.map((p) => createScorer(p));
  // The bootstrap of every metric with a change gate starts now: its worker threads run while this
  // thread computes the metrics and slices; metrics whose gate turns out skipped are dropped below.
  const changeGated = Object.entries(request.gates ?? {})
    .filter(
      ([metric, spec]) =>
        isBootstrappable(metric) && Object.keys(spec).some((k) => isChangeGate(k as GateKind))
    )
    .map(([metric]) => metric);
  let bootstrapRun: BootstrapRun | null = null;
  const bootstrapStarted = performance.now();
  if (scorers.length === 2 && changeGated.length > 0 && bootstrap.resamples > 0)
    bootstrapRun = startPairedBootstrap(scorers[0], scorers[1], changeGated, bootstrap);
  const [candidate, baseline = null] = await timed('metrics', () =>
    sessions.map((s, i) => modelReport(s, predictions[i], scorers[i], outputs[i], batchSize))
  );

  const sliceReports: SliceReport[] = [];
  await timed('slices', () => {
    for (const column of slices) {
      const grouping = groupSlices(data, column, minSliceSize);
      const perModel = scorers.map((sc) =>
        sc.score({ groupOf: grouping.groupOf, groups: grouping.values.length }).map(splitResults)
      );
      grouping.values.forEach((value, g) => {
        perModel.forEach((m, i) =>
          assertMetricRanges(m[g].values, `${sessions[i].model.source} [${column}=${value}]`)
        );
        sliceReports.push({
          column,
          value,
          rows: grouping.sizes[g],
          candidate: perModel[0][g].values,
          baseline: perModel[1] ? perModel[1][g].values : null
        });
      });
      sliceReports.push(...grouping.skipped);
    }
  });

  const gates: GateResult[] = applyGates(request.gates ?? {}, {
    candidate: { values: candidate.metrics, reasons: candidate.undefined_reasons },
    baseline: baseline ? { values: baseline.metrics, reasons: baseline.undefined_reasons } : null
  });
  for (const [column, specs] of Object.entries(request.sliceGates ?? {})) {
    if (!slices.includes(column)) {
      throw new InputError(
        `evaluate.slice_gates.${column}: "${column}" is not one of evaluate.slices (${slices.join(', ') || 'none'})`
      );
    }
    for (const s of sliceReports.filter((r) => r.column === column)) {
      if (s.skipped || !s.candidate) {
        for (const [metric, spec] of Object.entries(specs)) {
          for (const kind of Object.keys(spec) as GateKind[]) {
            gates.push({
              metric,
              slice: { column, value: s.value },
              kind,
              threshold: spec[kind] as number,
              status: 'skipped',
              candidate: null,
              baseline: null,
              observed: null,
              reason: `slice skipped: ${s.skipped}`
            });
          }
        }
        continue;
      }
      gates.push(
        ...applyGates(specs, {
          candidate: { values: s.candidate },
          baseline: baseline ? { values: s.baseline ?? {} } : null,
          slice: { column, value: s.value }
        })
      );
    }
  }

  const gatedChanges = [
    ...new Set(
      gates
        .filter(
          (g) =>
            !g.slice &&
            isChangeGate(g.kind) &&
            g.status !== 'skipped' &&
            g.candidate !== null &&
            g.baseline !== null
        )
        .map((g) => g.metric)
    )
  ];
  let intervals: Record<string, IntervalResult> = {};
  if (baseline && gatedChanges.length > 0 && bootstrap.resamples > 0) {
    progress.start('paired bootstrap', bootstrap.resamples);
    const bootstrappable = gatedChanges.filter(isBootstrappable);
    const all = await timed('bootstrap_join', async () =>
      bootstrapRun && bootstrappable.every((m) => changeGated.includes(m))
        ? bootstrapRun.result((done) => progress.update(done))
        : pairedBootstrap(scorers[0], scorers[1], bootstrappable, bootstrap, (done) => progress.update(done))
    );
    // From its start, overlapping the metrics and slices.
    timings.bootstrap = Math.round(performance.now() - bootstrapStarted);
    intervals = Object.fromEntries(bootstrappable.map((m) => [m, all[m]]));
    progress.finish();
    for (const g of gates)
      if (!g.slice && isChangeGate(g.kind) && intervals[g.metric]) g.interval = intervals[g.metric];
  } else {
    bootstrapRun?.cancel(); // no gate needs it after all
  }
  const verdict = decideVerdict(gates, baseline !== null);
  const deltas = computeDeltas(candidate.metrics, baseline?.metrics ?? null, intervals);
  const history = await timed('history', () => registryHistory(request, gates, candidate.metrics));

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
    deltas,
    slices: sliceReports,
    min_slice_size: minSliceSize,
    gates,
    bootstrap: baseline && gatedChanges.length > 0 ? { ...bootstrap, scheme: 'poisson' } : null,
    drift,
    history,
    verdict: verdict.verdict,
    rubber_stamp: verdict.rubber_stamp,
    summary: verdict.summary,
    timings_ms: timings
  };
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

/** Per-metric change from baseline to candidate, direction-aware. */
export function computeDeltas(
  candidate: MetricValues,
  baseline: MetricValues | null,
  intervals: Record<string, IntervalResult> = {}
): Record<string, MetricDelta> {
  const out: Record<string, MetricDelta> = {};
  for (const [metric, c] of Object.entries(candidate)) {
    const b = baseline ? (baseline[metric] ?? null) : null;
    const higher = higherIsBetter(metric);
    const both = c !== null && b !== null;
    const delta = both ? (c as number) - (b as number) : null;
    const entry: MetricDelta = {
      candidate: c,
      baseline: b,
      delta,
      relative: both && b !== 0 ? (delta as number) / Math.abs(b as number) : null,
      higher_is_better: higher,
      change: delta === null ? null : delta === 0 ? 'same' : delta > 0 === higher ? 'better' : 'worse'
    };
    if (intervals[metric]) entry.interval = intervals[metric];
    out[metric] = entry;
  }
  return out;
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
