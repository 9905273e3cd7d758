// The drift-test catalog: every test mlci runs, with the column kinds it applies to, whether it
// gives a p-value or a distance, its default threshold and its function (Evidently's stattests,
// computed as scipy computes them). The config type, the JSON Schema enum (held to this table by
// __tests__/data/drift.test.ts), the defaults and docs/drift.md derive from it: adding a test is one
// entry here plus its function.
import { chiSquareTest } from './chi2.js';
import { binnedShares, total, valueCounts, type DriftInput } from './inputs.js';
import { jensenShannonDistance } from './jensen-shannon.js';
import { ksTest } from './ks.js';
import { psi } from './psi.js';
import { wassersteinNorm } from './wasserstein.js';
import { zTest } from './z.js';

/** The column kinds drift is tested on. */
export type DriftColumnKind = DriftInput['kind'];

/** A test's raw result: statistic and p-value (null for distances). */
export interface DriftOutcome {
  statistic: number;
  p_value: number | null;
}

/** One entry of the catalog. */
export interface DriftTestSpec {
  /** Evidently's name for the test. */
  evidently: string;
  appliesTo: readonly DriftColumnKind[];
  /** What the threshold is compared with. */
  score: 'p_value' | 'distance';
  /** Default threshold. */
  threshold: number;
  /** Evidently's drift decision for this test (KS drifts at p ≤ threshold, chi-square and Z at p < threshold). */
  drifted: (score: number, threshold: number) => boolean;
  /** Runs the test; a string says why it cannot run on this input. */
  run: (input: DriftInput) => DriftOutcome | string;
}

const pBelow = (p: number, t: number) => p < t;
const atLeast = (d: number, t: number) => d >= t;

function countsTest(name: string, input: DriftInput, zOrChi: 'z' | 'chi2'): DriftOutcome | string {
  const counts = valueCounts(input);
  if (!counts) return `too many distinct values for ${name}`;
  return zOrChi === 'chi2'
    ? chiSquareTest(counts.ref, counts.cur)
    : zTest(counts.ref, counts.cur, input.kind === 'numeric');
}

function sharesTest(
  name: string,
  input: DriftInput,
  f: (r: number[], c: number[]) => number
): DriftOutcome | string {
  const s = binnedShares(input);
  if (!s) return `too many distinct values for ${name}`;
  return { statistic: f(s.reference, s.current), p_value: null };
}

/** Every drift test, by the name mlci.yml uses. */
export const DRIFT_TESTS = {
  ks: {
    evidently: 'ks',
    appliesTo: ['numeric'],
    score: 'p_value',
    threshold: 0.05,
    drifted: (p, t) => p <= t,
    run: (input) =>
      input.kind === 'numeric'
        ? ksTest(input.maxS, input.minS, input.nRef, input.nCur)
        : 'ks applies to numeric columns'
  },
  chi2: {
    evidently: 'chisquare',
    appliesTo: ['numeric', 'categorical'],
    score: 'p_value',
    threshold: 0.05,
    drifted: pBelow,
    run: (input) => countsTest('chi2', input, 'chi2')
  },
  z: {
    evidently: 'z',
    appliesTo: ['numeric', 'categorical'],
    score: 'p_value',
    threshold: 0.05,
    drifted: pBelow,
    run: (input) => countsTest('z', input, 'z')
  },
  wasserstein: {
    evidently: 'wasserstein',
    appliesTo: ['numeric'],
    score: 'distance',
    threshold: 0.1,
    drifted: atLeast,
    run: (input) =>
      input.kind === 'numeric'
        ? { statistic: wassersteinNorm(input.wasserstein, input.refStd), p_value: null }
        : 'wasserstein applies to numeric columns'
  },
  jensen_shannon: {
    evidently: 'jensenshannon',
    appliesTo: ['numeric', 'categorical'],
    score: 'distance',
    threshold: 0.1,
    drifted: atLeast,
    run: (input) => sharesTest('jensen_shannon', input, (r, c) => jensenShannonDistance(r, c))
  },
  psi: {
    evidently: 'psi',
    appliesTo: ['numeric', 'categorical'],
    score: 'distance',
    threshold: 0.1,
    drifted: atLeast,
    run: (input) => sharesTest('psi', input, psi)
  }
} as const satisfies Record<string, DriftTestSpec>;

/** Name of a drift test (a key of the catalog). */
export type DriftTestName = keyof typeof DRIFT_TESTS;

/** The catalog's test names, in catalog order. */
export const DRIFT_TEST_NAMES = Object.keys(DRIFT_TESTS) as DriftTestName[];

/** References up to this many rows get Evidently's p-value tests; larger ones get distances. */
export const SMALL_REFERENCE_ROWS = 1000;

/** A numeric column with at most this many distinct values (reference and current together) is tested by its value counts. */
export const FEW_VALUES = 5;

/** Dataset drift when at least this share of the tested columns drift (written once, in src/config/defaults.js, which the schema source reads too). */
export { DEFAULT_DRIFT_SHARE } from '../../config/defaults.js';

/**
 * Evidently's default test per reference size and column type (registry._get_default_stattest):
 * `binary` is a column with at most two distinct values, `few` a numeric column with at most FEW_VALUES.
 */
export const DEFAULT_TESTS = {
  small: { numeric: 'ks', few: 'chi2', categorical: 'chi2', binary: 'z' },
  large: {
    numeric: 'wasserstein',
    few: 'jensen_shannon',
    categorical: 'jensen_shannon',
    binary: 'jensen_shannon'
  }
} as const satisfies Record<
  'small' | 'large',
  Record<'numeric' | 'few' | 'categorical' | 'binary', DriftTestName>
>;

/** The test Evidently would choose for this column. */
export function defaultTest(input: DriftInput): DriftTestName {
  const pooled =
    input.kind === 'categorical'
      ? new Set([...input.ref.keys(), ...input.cur.keys()]).size
      : input.pooledDistinct;
  const nRef = input.kind === 'categorical' ? total(input.ref) : input.nRef;
  const row = DEFAULT_TESTS[nRef <= SMALL_REFERENCE_ROWS ? 'small' : 'large'];
  if (input.kind === 'numeric' && pooled > FEW_VALUES) return row.numeric;
  if (pooled <= 2) return row.binary;
  return input.kind === 'numeric' ? row.few : row.categorical;
}
