// A random 80/20 split of one data set must not look like drift (issue 15): scikit-learn's diabetes
// (regression), wine (multiclass) and breast_cancer (binary) and the examples' churn data, label
// included, through `mlci validate-data --data test --reference train` and through an inferred schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { labelKind } from '../../src/data/drift/label.js';
import { runCli } from '../../test-support/cli.js';

const PYTHON = '/usr/bin/python3';

interface DataSet {
  name: string;
  task: 'binary' | 'multiclass' | 'regression';
  label: string;
}

const SETS: DataSet[] = [
  { name: 'diabetes', task: 'regression', label: 'progression' },
  { name: 'wine', task: 'multiclass', label: 'class' },
  { name: 'breast_cancer', task: 'binary', label: 'malignant' },
  { name: 'churn-node', task: 'binary', label: 'churned' },
  { name: 'sklearn-python', task: 'binary', label: 'churned' }
];

// Dumps the data sets and splits each at random (seeded), so that the test needs no committed copies.
const SPLIT = `
import sys, os
import numpy as np, pandas as pd
from sklearn import datasets
out = sys.argv[1]
frames = {
    "diabetes": datasets.load_diabetes(as_frame=True).frame.rename(columns={"target": "progression"}),
    "wine": datasets.load_wine(as_frame=True).frame.rename(columns={"target": "class"}),
    "breast_cancer": datasets.load_breast_cancer(as_frame=True).frame.rename(columns={"target": "malignant"}),
}
for name in ("churn-node", "sklearn-python"):
    d = os.path.join(sys.argv[2], name, "data")
    frames[name] = pd.concat([pd.read_csv(os.path.join(d, "train.csv")), pd.read_csv(os.path.join(d, "test.csv"))])
rng = np.random.default_rng(20261206)
for name, frame in frames.items():
    order = rng.permutation(len(frame))
    cut = int(round(0.8 * len(frame)))
    frame.iloc[order[:cut]].to_csv(os.path.join(out, name + "_train.csv"), index=False)
    frame.iloc[order[cut:]].to_csv(os.path.join(out, name + "_test.csv"), index=False)
`;

interface Validation {
  verdict: string;
  anomalies: { code: string; severity: string; column?: string; message: string }[];
  drift: Record<string, { test: string; drifted: boolean; p_value: number | null; statistic: number | null }>;
  dataset_drift: { drifted_dataset: boolean; drifted: number; tested: number } | null;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-split-'));
  try {
    execFileSync(PYTHON, ['-c', SPLIT, dir, resolve('examples')], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `${PYTHON} with scikit-learn and pandas is needed to dump the data sets: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
      { cause: error }
    );
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(set: DataSet, extra: string[], withTask: boolean): Promise<Validation> {
  const out = join(dir, `${set.name}-${extra.length}-${withTask}`);
  const args = ['validate-data', '--data', join(dir, `${set.name}_test.csv`), '--label', set.label];
  if (withTask) {
    const config = join(dir, `${set.name}.yml`);
    writeFileSync(config, `version: 1\nmodel: { name: split, task: ${set.task}, label: ${set.label} }\n`);
    args.push('--config', config);
  }
  const run = await runCli([...args, ...extra, '--out', out]);
  if (run.code !== 0 && run.code !== 1) throw new Error(`${set.name}: exit ${run.code}: ${run.stderr}`);
  return JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as Validation;
}

function errorsOf(v: Validation, codes: string[]): string[] {
  return v.anomalies.filter((a) => a.severity === 'error' && codes.includes(a.code)).map((a) => a.message);
}

describe('the label gets the test its type calls for', () => {
  test('labelKind: the task decides; without one, a numeric label with more than 5 values is numeric', () => {
    expect(labelKind('regression', true, 3)).toBe('numeric');
    expect(labelKind('multiclass', true, 10)).toBe('categorical');
    expect(labelKind('binary', true, 2)).toBe('categorical');
    expect(labelKind(undefined, true, 6)).toBe('numeric');
    expect(labelKind(undefined, true, 5)).toBe('categorical');
    expect(labelKind(undefined, false, 50)).toBe('categorical');
  });

  test.each([false, true])(
    'diabetes: the regression label is tested as a number (task given: %s)',
    async (withTask) => {
      const set = SETS[0];
      const v = await validate(set, ['--reference', join(dir, `${set.name}_train.csv`)], withTask);
      expect(v.drift.progression.test).toBe('ks');
      expect(v.drift.progression.statistic).not.toBeNull();
      expect(v.drift.progression.drifted).toBe(false);
    }
  );

  test('wine: the class label stays categorical (chi-square)', async () => {
    const set = SETS[1];
    const v = await validate(set, ['--reference', join(dir, `${set.name}_train.csv`)], true);
    expect(v.drift.class.test).toBe('chi2');
  });
});

describe('a random 80/20 split shows no drift', () => {
  test.each(SETS.map((s) => [s.name, s] as const))('%s: test against train', async (_name, set) => {
    const train = join(dir, `${set.name}_train.csv`);
    const v = await validate(set, ['--reference', train, '--train', train], true);
    expect(v.dataset_drift?.drifted_dataset).toBe(false);
    expect(v.drift[set.label].drifted).toBe(false);
    expect(errorsOf(v, ['drift', 'train_test_overlap'])).toEqual([]);
    expect(v.verdict).toBe('pass');
  });

  test.each(SETS.map((s) => [s.name, s] as const))(
    '%s: test against a schema inferred on train',
    async (_name, set) => {
      const schema = join(dir, `${set.name}.schema.json`);
      const inferred = await runCli([
        'schema',
        'infer',
        '--data',
        join(dir, `${set.name}_train.csv`),
        '--label',
        set.label,
        '--out',
        schema
      ]);
      expect(inferred.code).toBe(0);
      const v = await validate(
        set,
        ['--schema', schema, '--reference', join(dir, `${set.name}_train.csv`)],
        true
      );
      expect(v.dataset_drift?.drifted_dataset).toBe(false);
      expect(errorsOf(v, ['drift', 'train_test_overlap', 'type_mismatch', 'missing_column'])).toEqual([]);
    }
  );
});
