// Runs a catalog test on a column's inputs and shapes the verdict written to validation.json; the
// tests themselves and Evidently's default choice live in catalog.ts.
import { DRIFT_TESTS, defaultTest, type DriftTestName } from './catalog.js';
import { isEmpty, type DriftInput } from './inputs.js';

export type { CategoricalDriftInput, DriftInput, NumericDriftInput } from './inputs.js';
export { defaultTest };

/** The drift verdict of one column, as written to validation.json. */
export interface ColumnDrift {
  test: DriftTestName;
  statistic: number | null;
  /** p-value for ks, chi2 and z; null for distances. */
  p_value: number | null;
  threshold: number;
  drifted: boolean;
  /** False when computed against a stored summary instead of the full reference. */
  exact: boolean;
  note?: string;
}

/** The default threshold of a test (from the catalog). */
export function defaultThreshold(test: DriftTestName): number {
  return DRIFT_TESTS[test].threshold;
}

const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** Runs one test on a column; `threshold` defaults per test. */
export function runDriftTest(
  test: DriftTestName,
  input: DriftInput,
  threshold = defaultThreshold(test)
): ColumnDrift {
  const exact = input.kind === 'categorical' || input.exact;
  const base = { test, threshold, exact, statistic: null, p_value: null, drifted: false };
  if (isEmpty(input)) return { ...base, note: 'no values to compare in reference or current' };
  const spec = DRIFT_TESTS[test];
  const outcome = spec.run(input);
  if (typeof outcome === 'string') return { ...base, note: outcome };
  const p = outcome.p_value === null || Number.isNaN(outcome.p_value) ? null : outcome.p_value;
  const score = spec.score === 'p_value' ? p : outcome.statistic;
  return {
    ...base,
    statistic: finiteOrNull(outcome.statistic),
    p_value: p,
    drifted: score !== null && spec.drifted(score, threshold)
  };
}
