import { InputError } from '../core/errors.js';
import { GATE_KINDS, type GateKind, type GateResult } from '../gate/gates.js';
import type { IntervalResult } from '../gate/bootstrap.js';
import type { NoiseVerdict } from '../gate/noise.js';
import type { EvaluationJson, MetricDelta, ModelReport, SliceReport } from './types.js';

const METRIC = /^[a-z][a-z0-9_]{0,63}$/;
const SHA = /^[0-9a-f]{64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown, max = 500): string => (typeof v === 'string' ? v.slice(0, max) : '');
/**
 * A string that must be one line (the verdict's summary): control characters and line breaks, which
 * would start a new line in a log or a Markdown block, become spaces.
 */
const line = (v: unknown, max: number): string => str(v, max).replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

function metrics(v: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (METRIC.test(k)) out[k] = num(x);
  return out;
}

function texts(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (METRIC.test(k)) out[k] = str(x);
  return out;
}

function model(v: unknown): ModelReport | null {
  if (!isRecord(v)) return null;
  const inference = isRecord(v.inference) ? v.inference : {};
  const cm = isRecord(v.confusion_matrix) ? v.confusion_matrix : null;
  return {
    source: str(v.source),
    sha256: SHA.test(str(v.sha256)) ? str(v.sha256) : '0'.repeat(64),
    size_bytes: num(v.size_bytes) ?? 0,
    metrics: metrics(v.metrics),
    undefined_reasons: texts(v.undefined_reasons),
    notes: texts(v.notes),
    confusion_matrix:
      cm && Array.isArray(cm.labels) && Array.isArray(cm.counts) && cm.labels.length <= 50
        ? {
            labels: cm.labels.map((l) => str(l, 100)),
            counts: (cm.counts as unknown[])
              .slice(0, 50)
              .map((row) => (Array.isArray(row) ? row.slice(0, 50).map((x) => num(x) ?? 0) : []))
          }
        : null,
    calibration: null,
    curves: null,
    inference: {
      load_ms: num(inference.load_ms) ?? 0,
      ms_per_1000_rows: num(inference.ms_per_1000_rows) ?? 0,
      batch_size: num(inference.batch_size) ?? 0
    }
  };
}

/**
 * Rebuilds an evaluation.json that came from an untrusted place (the artifact of a fork's pull
 * request, read by the workflow_run poster) keeping only well-formed fields: metric names must
 * look like metric names, enumerations must be known values, numbers must be numbers; the summary
 * is kept to one line. Strings that remain are escaped by whatever shows them (the Markdown
 * renderer, the check run, the action log).
 */
export function sanitizeEvaluation(raw: unknown): EvaluationJson {
  if (!isRecord(raw) || raw.schema_version !== 1)
    throw new InputError('evaluation.json: not an mlci evaluation (schema_version 1)');
  const task = ['binary', 'multiclass', 'regression'].includes(raw.task as string)
    ? (raw.task as EvaluationJson['task'])
    : null;
  const verdict = raw.verdict === 'pass' || raw.verdict === 'fail' ? raw.verdict : null;
  const candidate = model(raw.candidate);
  if (!task || !verdict || !candidate)
    throw new InputError('evaluation.json: missing task, verdict or candidate');
  const deltas: Record<string, MetricDelta> = {};
  if (isRecord(raw.deltas)) {
    for (const [k, d] of Object.entries(raw.deltas)) {
      if (!METRIC.test(k) || !isRecord(d)) continue;
      const change = verdictOf(d.change);
      const iv = interval(d.interval);
      deltas[k] = {
        candidate: num(d.candidate),
        baseline: num(d.baseline),
        delta: num(d.delta),
        relative: num(d.relative),
        higher_is_better: d.higher_is_better !== false,
        change,
        ...(iv ? { interval: iv } : {})
      };
    }
  }
  const gates: GateResult[] = (Array.isArray(raw.gates) ? raw.gates : [])
    .slice(0, 500)
    .flatMap((g): GateResult[] => {
      if (!isRecord(g) || !METRIC.test(str(g.metric)) || !GATE_KINDS.includes(g.kind as GateKind)) return [];
      const status = ['pass', 'fail', 'skipped'].includes(g.status as string)
        ? (g.status as GateResult['status'])
        : 'fail';
      const slice = isRecord(g.slice)
        ? { column: str(g.slice.column, 100), value: str(g.slice.value, 100) }
        : undefined;
      return [
        {
          metric: str(g.metric),
          kind: g.kind as GateKind,
          threshold: num(g.threshold) ?? 0,
          status,
          candidate: num(g.candidate),
          baseline: num(g.baseline),
          observed: num(g.observed),
          reason: str(g.reason),
          ...(slice ? { slice } : {})
        }
      ];
    });
  const slices: SliceReport[] = (Array.isArray(raw.slices) ? raw.slices : [])
    .slice(0, 1000)
    .flatMap((s): SliceReport[] =>
      isRecord(s)
        ? [
            {
              column: str(s.column, 100),
              value: str(s.value, 100),
              rows: num(s.rows) ?? 0,
              candidate: isRecord(s.candidate) ? metrics(s.candidate) : null,
              baseline: isRecord(s.baseline) ? metrics(s.baseline) : null,
              ...(typeof s.skipped === 'string' ? { skipped: str(s.skipped) } : {}),
              ...(isRecord(s.undefined_reasons)
                ? {
                    undefined_reasons: {
                      candidate: texts(s.undefined_reasons.candidate),
                      baseline: isRecord(s.undefined_reasons.baseline)
                        ? texts(s.undefined_reasons.baseline)
                        : null
                    }
                  }
                : {}),
              ...sliceNoise(s)
            }
          ]
        : []
    );
  const data = isRecord(raw.data) ? raw.data : {};
  return {
    schema_version: 1,
    mlci_version: str(raw.mlci_version, 20),
    created: str(raw.created, 40),
    task,
    model_name: typeof raw.model_name === 'string' ? str(raw.model_name, 100) : null,
    label: str(raw.label, 100),
    threshold: num(raw.threshold),
    data: { source: str(data.source), rows: num(data.rows) ?? 0 },
    candidate,
    baseline: model(raw.baseline),
    baseline_source: { kind: 'none', ref: null, tried: [] },
    deltas,
    slices,
    min_slice_size: num(raw.min_slice_size) ?? 0,
    gates,
    bootstrap: null,
    drift: null,
    history: null,
    verdict,
    rubber_stamp: raw.rubber_stamp === true,
    summary: line(raw.summary, 1000),
    timings_ms: {}
  };
}

/** A change verdict; the former sign-only "same" reads as within noise. */
function verdictOf(x: unknown): NoiseVerdict | null {
  if (x === 'better' || x === 'worse' || x === 'within_noise') return x;
  return x === 'same' ? 'within_noise' : null;
}

/** A bootstrap interval with numbers only, or undefined. */
function interval(x: unknown): IntervalResult | undefined {
  if (!isRecord(x)) return undefined;
  const [low, high, confidence] = [num(x.low), num(x.high), num(x.confidence)];
  if (low === null || high === null || confidence === null) return undefined;
  return { low, high, confidence, resamples: num(x.resamples) ?? 0, within_noise: low <= 0 && high >= 0 };
}

/** A slice's intervals and verdicts, keyed by metric names only. */
function sliceNoise(s: Record<string, unknown>): Pick<SliceReport, 'intervals' | 'change'> {
  if (!isRecord(s.intervals)) return {};
  const intervals: Record<string, IntervalResult> = {};
  const change: Record<string, NoiseVerdict | null> = {};
  for (const [k, v] of Object.entries(s.intervals)) {
    const iv = interval(v);
    if (!METRIC.test(k) || !iv) continue;
    intervals[k] = iv;
    change[k] = isRecord(s.change) ? verdictOf(s.change[k]) : null;
  }
  return { intervals, change };
}
