import { InputError } from '../core/errors.js';

/**
 * Predicted classes from probabilities [N × C]: the arg-max with ties to the lower class (as
 * scikit-learn's predict); for two classes a threshold, when given, makes a row positive when
 * p1 > threshold, so binary probabilities must be in positive-last order (positiveLast). Labels
 * never come from a model's `label` output (docs/architecture.md, model I/O).
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

/** Unicode code-point order, as Python (and so scikit-learn's np.unique) sorts strings. */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Which of a binary model's two classes is the positive one, as scikit-learn's defaults take it:
 * the class 1 when there is one (pos_label=1), else the greater label (classes_[1] of the sorted
 * labels: numbers by value, text by code point). Every binary metric, the threshold and the
 * calibration diagram read this class.
 */
export function positiveClassIndex(labels: readonly string[]): 0 | 1 {
  const keys = labels.map(classKey);
  if (keys[0] === '1') return 0;
  if (keys[1] === '1') return 1;
  const numbers = keys.map(Number);
  const numeric = keys.every((k, i) => k.trim() !== '' && Number.isFinite(numbers[i]));
  const order = numeric ? numbers[0] - numbers[1] : compareCodePoints(keys[0], keys[1]);
  return order > 0 ? 0 : 1;
}

/**
 * A binary model's classes and probabilities [N × 2] with the positive class (positiveClassIndex)
 * second, so that class index 1 is the positive class wherever binary predictions are read.
 * Returns the inputs themselves when they are already in that order.
 */
export function positiveLast(
  labels: readonly string[],
  proba: Float64Array
): { labels: string[]; proba: Float64Array } {
  if (positiveClassIndex(labels) === 1) return { labels: [...labels], proba };
  const swapped = new Float64Array(proba.length);
  for (let i = 0; i < proba.length; i += 2) {
    swapped[i] = proba[i + 1];
    swapped[i + 1] = proba[i];
  }
  return { labels: [labels[1], labels[0]], proba: swapped };
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
      // String(), not JSON.stringify: an infinite label would print as null.
      const shown = typeof v === 'number' ? String(v) : JSON.stringify(v);
      throw new InputError(
        `${source}: row ${i + 1} has label ${shown}, which is not one of the model's classes (${classes.join(', ')})`
      );
    }
    out[i] = k;
  }
  return out;
}
