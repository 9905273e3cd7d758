import { defined, undefinedMetric, type MetricResult } from './result.js';

/**
 * Classification metrics from a confusion matrix (rows true class, columns predicted, row-major,
 * weighted counts), as scikit-learn 1.2 defines them. Working from the matrix lets one function
 * serve the whole data, every slice and every bootstrap resample.
 */
export type ConfusionCounts = Float64Array;

/** sklearn.metrics.accuracy_score. */
export function accuracyScore(cm: ConfusionCounts, classes: number): MetricResult {
  let total = 0;
  let correct = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) total += cm[t * classes + p];
    correct += cm[t * classes + t];
  }
  return total > 0 ? defined(correct / total) : undefinedMetric('no rows');
}

/** sklearn.metrics.balanced_accuracy_score: mean recall over the classes present in y_true. */
export function balancedAccuracyScore(cm: ConfusionCounts, classes: number): MetricResult {
  let sum = 0;
  let present = 0;
  for (let t = 0; t < classes; t++) {
    let support = 0;
    for (let p = 0; p < classes; p++) support += cm[t * classes + p];
    if (support > 0) {
      sum += cm[t * classes + t] / support;
      present++;
    }
  }
  return present > 0 ? defined(sum / present) : undefinedMetric('no rows');
}

interface BinaryCounts {
  tp: number;
  predicted: number;
  actual: number;
}

function positiveCounts(cm: ConfusionCounts): BinaryCounts {
  return { tp: cm[3], predicted: cm[1] + cm[3], actual: cm[2] + cm[3] };
}

/** sklearn.metrics.precision_score (binary, positive class 1); undefined without predicted positives. */
export function precisionScore(cm: ConfusionCounts): MetricResult {
  const { tp, predicted } = positiveCounts(cm);
  return predicted > 0 ? defined(tp / predicted) : undefinedMetric('no row is predicted positive (0/0)');
}

/** sklearn.metrics.recall_score (binary, positive class 1); undefined without positive labels. */
export function recallScore(cm: ConfusionCounts): MetricResult {
  const { tp, actual } = positiveCounts(cm);
  return actual > 0 ? defined(tp / actual) : undefinedMetric('no positive label in the data (0/0)');
}

/** sklearn.metrics.f1_score (binary); undefined only when there are neither positive labels nor positive predictions. */
export function f1Score(cm: ConfusionCounts): MetricResult {
  const { tp, predicted, actual } = positiveCounts(cm);
  if (predicted === 0 && actual === 0) return undefinedMetric('no positive label and no positive prediction');
  const precision = predicted > 0 ? tp / predicted : 0;
  const recall = actual > 0 ? tp / actual : 0;
  return defined(fScore(precision, recall));
}

function fScore(precision: number, recall: number): number {
  const denominator = precision + recall;
  return (2 * precision * recall) / (denominator === 0 ? 1 : denominator);
}

/** Which average of per-class scores: unweighted, or weighted by each class's support. */
export type ClassAverage = 'macro' | 'weighted';

/** Per-class precision, recall and F1 over the labels present in y_true or y_pred, as sklearn picks them. */
interface PerClass {
  labels: number[];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
  noPredictions: number[];
  noSupport: number[];
}

function perClass(cm: ConfusionCounts, classes: number): PerClass {
  const out: PerClass = {
    labels: [],
    precision: [],
    recall: [],
    f1: [],
    support: [],
    noPredictions: [],
    noSupport: []
  };
  for (let k = 0; k < classes; k++) {
    let actual = 0;
    let predicted = 0;
    for (let j = 0; j < classes; j++) {
      actual += cm[k * classes + j];
      predicted += cm[j * classes + k];
    }
    if (actual === 0 && predicted === 0) continue;
    const tp = cm[k * classes + k];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = actual > 0 ? tp / actual : 0;
    if (predicted === 0) out.noPredictions.push(k);
    if (actual === 0) out.noSupport.push(k);
    out.labels.push(k);
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(fScore(precision, recall));
    out.support.push(actual);
  }
  return out;
}

function average(values: number[], weights: number[] | null): number {
  if (!weights) {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / values.length;
  }
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * weights[i];
    total += weights[i];
  }
  return sum / total;
}

function zeroDivisionNote(what: string, classes: number[], why: string): string | undefined {
  if (classes.length === 0) return undefined;
  return `${what} undefined for class${classes.length > 1 ? 'es' : ''} ${classes.join(', ')} (${why}); counted as 0 as scikit-learn does`;
}

/** How one per-class score is averaged: its values, the classes scikit-learn counts as 0, and why. */
interface AveragedScore {
  values: (pc: PerClass) => number[];
  zeroed: (pc: PerClass) => number[];
  what: string;
  why: string;
}

function averaged(
  cm: ConfusionCounts,
  classes: number,
  how: ClassAverage,
  score: AveragedScore
): MetricResult {
  const pc = perClass(cm, classes);
  if (pc.labels.length === 0) return undefinedMetric('no rows');
  return defined(
    average(score.values(pc), how === 'weighted' ? pc.support : null),
    zeroDivisionNote(score.what, score.zeroed(pc), score.why)
  );
}

const PRECISION: AveragedScore = {
  values: (pc) => pc.precision,
  zeroed: (pc) => pc.noPredictions,
  what: 'precision',
  why: 'never predicted'
};
const RECALL: AveragedScore = {
  values: (pc) => pc.recall,
  zeroed: (pc) => pc.noSupport,
  what: 'recall',
  why: 'absent from the labels'
};
const F1: AveragedScore = {
  values: (pc) => pc.f1,
  zeroed: (pc) => pc.noPredictions.filter((k) => pc.noSupport.includes(k)),
  what: 'F1',
  why: 'neither present nor predicted'
};

/** sklearn.metrics.precision_score with average='macro' or 'weighted'. */
export function precisionAveraged(cm: ConfusionCounts, classes: number, how: ClassAverage): MetricResult {
  return averaged(cm, classes, how, PRECISION);
}

/** sklearn.metrics.recall_score with average='macro' or 'weighted'. */
export function recallAveraged(cm: ConfusionCounts, classes: number, how: ClassAverage): MetricResult {
  return averaged(cm, classes, how, RECALL);
}

/** sklearn.metrics.f1_score with average='macro' or 'weighted'. */
export function f1Averaged(cm: ConfusionCounts, classes: number, how: ClassAverage): MetricResult {
  return averaged(cm, classes, how, F1);
}

/** The confusion matrix of one model on the whole data: counts[true][predicted]. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

/** Turns flat counts into the nested matrix reports show. */
export function confusionMatrix(cm: ConfusionCounts, labels: string[]): ConfusionMatrix {
  const c = labels.length;
  const counts: number[][] = [];
  for (let t = 0; t < c; t++) counts.push(Array.from(cm.subarray(t * c, (t + 1) * c)));
  return { labels, counts };
}
