import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Predictions } from '../../src/evaluation/metrics/index.js';
import { predictedClasses } from '../../src/model/labels.js';

/** One case written by __fixtures__/evaluate/make_reference.py. */
export interface ReferenceCase {
  name: string;
  task: 'binary' | 'multiclass' | 'regression';
  classes?: number;
  y: number[];
  proba?: number[];
  pred: number[];
  expected: Record<string, number | null>;
  confusion_matrix?: number[][];
  expected_calibration_error?: number;
}

/** Reads a fixture file of cases. */
export function readCases(file: 'reference.json' | 'random.json'): ReferenceCase[] {
  const path = join(process.cwd(), '__fixtures__', 'evaluate', file);
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: ReferenceCase[] }).cases;
}

/** The predictions of a case, with labels derived from probabilities as mlci derives them. */
export function toPredictions(c: ReferenceCase): Predictions {
  if (c.task === 'regression')
    return { task: 'regression', y: Float64Array.from(c.y), pred: Float64Array.from(c.pred) };
  const classes = c.classes as number;
  const proba = Float64Array.from(c.proba as number[]);
  return {
    task: c.task,
    labels: Array.from({ length: classes }, (_, i) => String(i)),
    y: Int32Array.from(c.y),
    proba,
    pred: predictedClasses(proba, classes)
  };
}

/** Equality to 1e-9, relative for large magnitudes. */
export function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}
