import { InputError } from '../core/errors.js';
import type { LoadedColumns } from '../data/columns.js';
import { modelClasses, type LoadedSession, type ModelOutputs } from '../model/inference.js';
import { encodeLabels, positiveClassIndex, positiveLast, predictedClasses } from '../model/labels.js';
import { calibration, type Calibration } from './metrics/calibration.js';
import { chartCurves, type ChartCurves } from './curves.js';
import { confusionMatrix } from './metrics/classification.js';
import type { MetricResults, Predictions, Scorer } from './metrics/scorer.js';
import { assertMetricRanges } from './metrics/catalog.js';
import type { MetricTask, MetricValues } from './metrics/result.js';
import type { ModelReport } from './types.js';
import type { Spread } from '../gate/noise.js';

/** Turns one model's raw output into predictions over the labelled rows; errors name the model and row. */
export function toPredictions(
  task: MetricTask,
  session: LoadedSession,
  outputs: ModelOutputs,
  data: LoadedColumns,
  label: string,
  dataSource: string,
  threshold?: number
): Predictions {
  const source = session.model.source;
  const { values, width } = outputs;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      throw new InputError(
        `${source}: output "${session.output}" is NaN for row ${Math.floor(i / width) + 1} of ${dataSource} (missing feature values?)`
      );
    }
  }
  if (task === 'regression') {
    if (width !== 1) throw new InputError(`${source}: a regressor must give one value per row, got ${width}`);
    const y = data.numeric[label];
    if (!y) throw new InputError(`${dataSource}: label column "${label}" must be numeric for regression`);
    const bad = y.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new InputError(
        Number.isNaN(y[bad])
          ? `${dataSource}: row ${bad + 1} has no label in column "${label}"`
          : `${dataSource}: row ${bad + 1}, column "${label}": the label is ${y[bad]}; a regression label must be a finite number`
      );
    return { task, y, pred: values };
  }
  let classes = width;
  if (task === 'binary' && width > 2) {
    throw new InputError(
      `${source}: task is binary but output "${session.output}" has ${classes} classes; use --task multiclass`
    );
  }
  if (task === 'multiclass' && classes < 2)
    throw new InputError(
      `${source}: output "${session.output}" has ${classes} column; a classifier needs probabilities [N, C]`
    );
  if (task === 'binary') classes = 2;
  const declared = modelClasses(session.model) ?? Array.from({ length: classes }, (_, i) => String(i));
  if (declared.length !== classes) {
    throw new InputError(
      `${source}: metadata names ${declared.length} classes but output "${session.output}" has ${width} column${width === 1 ? '' : 's'}`
    );
  }
  const { labels: names, proba } =
    task === 'binary' ? binaryProbabilities(declared, values, width) : { labels: declared, proba: values };
  const labelValues = data.numeric[label] ?? data.text[label];
  const y = encodeLabels(labelValues, names, `${dataSource}, column "${label}"`);
  return { task, labels: names, y, proba, pred: predictedClasses(proba, classes, threshold) };
}

/**
 * A binary model's probabilities [N × 2] with the positive class second (labels.ts positiveLast),
 * the one place the positive class is decided: a one-column output is p(positive class).
 */
function binaryProbabilities(
  declared: string[],
  values: Float64Array,
  width: number
): { labels: string[]; proba: Float64Array } {
  if (width === 2) return positiveLast(declared, values);
  const labels = positiveClassIndex(declared) === 1 ? declared : [declared[1], declared[0]];
  const proba = new Float64Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    proba[2 * i] = 1 - values[i];
    proba[2 * i + 1] = values[i];
  }
  return { labels, proba };
}

/** Splits metric results into values, reasons of undefined ones and notes. */
export function splitResults(results: MetricResults): {
  values: MetricValues;
  reasons: Record<string, string>;
  notes: Record<string, string>;
} {
  const values: MetricValues = {};
  const reasons: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const [name, r] of Object.entries(results)) {
    values[name] = r.value;
    if (r.reason) reasons[name] = r.reason;
    if (r.note) notes[name] = r.note;
  }
  return { values, reasons, notes };
}

/** Reliability of the probabilities: positive class for binary, top-class confidence for multiclass. */
export function calibrationOf(p: Predictions): Calibration | null {
  const inputs = calibrationInputs(p);
  if (!inputs) return null;
  return calibration(
    inputs.confidence,
    inputs.hit,
    p.task === 'binary' ? 'positive_probability' : 'top_class_confidence'
  );
}

/** Calibration inputs already formed, per predictions object (the report and the bootstrap plan both read them). */
const calibrationCache = new WeakMap<Predictions, { confidence: Float64Array; hit: Uint8Array }>();

/** What calibration reads per row: the confidence and whether it was a hit (the positive class, or the top class right). */
export function calibrationInputs(p: Predictions): { confidence: Float64Array; hit: Uint8Array } | null {
  if (p.task === 'regression') return null;
  const cached = calibrationCache.get(p);
  if (cached) return cached;
  const C = p.labels.length;
  const n = p.y.length;
  const confidence = new Float64Array(n);
  const hit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (p.task === 'binary') {
      confidence[i] = p.proba[i * 2 + 1];
      hit[i] = p.y[i] === 1 ? 1 : 0;
    } else {
      confidence[i] = p.proba[i * C + p.pred[i]];
      hit[i] = p.y[i] === p.pred[i] ? 1 : 0;
    }
  }
  calibrationCache.set(p, { confidence, hit });
  return { confidence, hit };
}

/** Chart points of a binary model (`order`: its rows by descending score, when known); null when a class is absent. */
export function curvesOf(p: Predictions, order?: Uint32Array): ChartCurves | null {
  if (p.task !== 'binary') return null;
  const n = p.y.length;
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    scores[i] = p.proba[i * 2 + 1];
    positive[i] = p.y[i] === 1 ? 1 : 0;
    positives += positive[i];
  }
  return positives === 0 || positives === n ? null : chartCurves(scores, positive, order);
}

/** The report of one model: metrics, confusion matrix, calibration, inference and size. */
export function modelReport(
  session: LoadedSession,
  predictions: Predictions,
  scorer: Scorer,
  outputs: ModelOutputs,
  batchSize: number,
  latency?: Spread
): ModelReport {
  const [results] = scorer.score();
  const { values, reasons, notes } = splitResults(results);
  const cal = calibrationOf(predictions);
  const rows = scorer.rows;
  // Timed passes when measured (see latency.ts), else the one scoring pass.
  const msPer1000 =
    latency && latency.passes > 0 ? latency.median : rows > 0 ? (outputs.runMs / rows) * 1000 : 0;
  if (cal) values.expected_calibration_error = cal.expected_calibration_error;
  values.latency_ms_per_1000_rows = round(msPer1000, 4);
  values.model_size_bytes = session.model.bytes.length;
  assertMetricRanges(values, session.model.source);
  let confusion = null;
  if (predictions.task !== 'regression') {
    const C = predictions.labels.length;
    const cm = new Float64Array(C * C);
    for (let i = 0; i < predictions.y.length; i++) cm[predictions.y[i] * C + predictions.pred[i]]++;
    confusion = confusionMatrix(cm, predictions.labels);
  }
  return {
    source: session.model.source,
    sha256: session.model.sha256,
    size_bytes: session.model.bytes.length,
    metrics: values,
    undefined_reasons: reasons,
    notes,
    confusion_matrix: confusion,
    calibration: cal,
    curves: curvesOf(predictions, predictions.task === 'binary' ? scorer.ranking?.(1).order : undefined),
    inference: {
      load_ms: round(session.loadMs, 2),
      ms_per_1000_rows: round(msPer1000, 4),
      batch_size: batchSize,
      ...(latency && latency.passes > 0 ? { latency: roundSpread(latency) } : {})
    },
    ...(session.choice ? { output: session.choice } : {})
  };
}

function roundSpread(s: Spread): Spread {
  return { median: round(s.median, 4), low: round(s.low, 4), high: round(s.high, 4), passes: s.passes };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
