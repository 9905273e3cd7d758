import { InputError } from '../core/errors.js';

/**
 * Predicted classes from probabilities [N × C]: the arg-max with ties to the lower class (as
 * scikit-learn's predict); for two classes a threshold, when given, makes a row positive when
 * p1 > threshold. Labels never come from a model's `label` output (docs/architecture.md, model I/O).
 */
export function predictedClasses(proba: Float64Array, classes: number, threshold?: number): Int32Array {
  const n = proba.length / classes;
  const out = new Int32Array(n);
  if (classes === 2 && threshold !== undefined) {
    for (let i = 0; i < n; i++) out[i] = proba[i * 2 + 1] > threshold ? 1 : 0;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const base = i * classes;
    let best = 0;
    let bestValue = proba[base];
    for (let c = 1; c < classes; c++) {
      if (proba[base + c] > bestValue) {
        bestValue = proba[base + c];
        best = c;
      }
    }
    out[i] = best;
  }
  return out;
}

/** How a label value reads as a class key: numbers by value (1 and 1.0 are the same class), text as is. */
export function classKey(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = String(value);
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? String(n) : text;
}

/**
 * Class indices of the label column. `source` names the data file and column in errors: a null
 * label or a value that is not one of the model's classes is an input error naming the row.
 */
export function encodeLabels(
  values: Float64Array | (string | null)[],
  classes: string[],
  source: string
): Int32Array {
  const index = new Map(classes.map((c, i) => [classKey(c), i]));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
      throw new InputError(`${source}: row ${i + 1} has no label`);
    }
    const k = index.get(classKey(v));
    if (k === undefined) {
      throw new InputError(
        `${source}: row ${i + 1} has label ${JSON.stringify(v)}, which is not one of the model's classes (${classes.join(', ')})`
      );
    }
    out[i] = k;
  }
  return out;
}
