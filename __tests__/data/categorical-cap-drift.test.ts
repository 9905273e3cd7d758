// Categorical columns with more than VALUE_CAP (10,000) distinct values on a side are still tested
// for drift: both sides are grouped again in the engine and the statistic must equal scipy's as
// Evidently computes it (union of categories, scipy.spatial.distance.jensenshannon, natural log).
// Against a statistics.json that lists no counts for such a column, it is reported as not tested.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';

const PYTHON = '/usr/bin/python3';

// Writes the shapes and prints scipy's Jensen–Shannon distance of each, as Evidently's
// get_binned_data + jensenshannon compute it.
const MAKE = `
import json, sys, os
import numpy as np, pandas as pd
from scipy.spatial import distance
out = sys.argv[1]
rng = np.random.default_rng(20261208)
shapes = {
    # The hunter's shape: two categories against 10,001 all different ones.
    "two_vs_many": (np.array(["a", "b"] * 750), np.array(["u%d" % i for i in range(10001)])),
    # Both sides above the cap, drawn from one domain: 20 frequent levels and a tail of 29,980.
    "tail": tuple(np.array(["k%d" % v for v in np.where(rng.random(n) < 0.5, rng.integers(0, 20, n), rng.integers(20, 30000, n))])
                  for n in (40000, 25000)),
    # Reference below the cap, current above it, overlapping in part.
    "mixed": (np.array(["m%d" % v for v in rng.integers(0, 3000, 9000)]),
              np.array(["m%d" % v for v in rng.integers(1000, 14000, 30000)])),
}
result = {}
for name, (ref, cur) in shapes.items():
    pd.DataFrame({"city": ref, "n": np.arange(len(ref))}).to_csv(os.path.join(out, name + "_ref.csv"), index=False)
    pd.DataFrame({"city": cur, "n": np.arange(len(cur))}).to_csv(os.path.join(out, name + "_cur.csv"), index=False)
    r, c = pd.Series(ref), pd.Series(cur)
    keys = list(set(r.unique()) | set(c.unique()))
    rc = {**dict.fromkeys(keys, 0), **dict(r.value_counts())}
    cc = {**dict.fromkeys(keys, 0), **dict(c.value_counts())}
    p = np.array([rc[k] for k in keys]) / len(r)
    q = np.array([cc[k] for k in keys]) / len(c)
    result[name] = {"js": float(distance.jensenshannon(p, q)), "ref_distinct": int(r.nunique()), "cur_distinct": int(c.nunique())}
print(json.dumps(result))
`;

interface Drift {
  test: string;
  statistic: number | null;
  drifted: boolean;
  note?: string;
}
interface Validation {
  verdict: string;
  drift: Record<string, Drift>;
  dataset_drift: { tested: number };
}

let dir: string;
let scipy: Record<string, { js: number; ref_distinct: number; cur_distinct: number }>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-cap-drift-'));
  scipy = JSON.parse(execFileSync(PYTHON, ['-c', MAKE, dir], { encoding: 'utf8' })) as typeof scipy;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(data: string, reference: string): Promise<Validation> {
  const run = await runCli(['validate-data', '--data', data, '--reference', reference, '--json']);
  expect(run.stderr).not.toMatch(/unexpected error/);
  return JSON.parse(run.stdout) as Validation;
}

describe('drift of categorical columns above 10,000 distinct values', () => {
  it.each(['two_vs_many', 'tail', 'mixed'])(
    '%s: tested with scipy’s Jensen–Shannon distance',
    async (shape) => {
      expect(Math.max(scipy[shape].ref_distinct, scipy[shape].cur_distinct)).toBeGreaterThan(10000);
      const v = await validate(join(dir, `${shape}_cur.csv`), join(dir, `${shape}_ref.csv`));
      const city = v.drift.city;
      expect(city.test).toBe('jensen_shannon');
      expect(city.statistic).not.toBeNull();
      expect(Math.abs(city.statistic! - scipy[shape].js)).toBeLessThan(1e-9);
      expect(city.drifted).toBe(scipy[shape].js >= 0.1);
      expect(v.dataset_drift.tested).toBe(2);
    },
    60_000
  );

  it('a reference above the cap against a current below it (the distance is symmetric)', async () => {
    const v = await validate(join(dir, 'two_vs_many_ref.csv'), join(dir, 'two_vs_many_cur.csv'));
    expect(v.drift.city.test).toBe('jensen_shannon');
    expect(Math.abs(v.drift.city.statistic! - scipy.two_vs_many.js)).toBeLessThan(1e-9);
  }, 60_000);

  it('against a statistics.json listing the reference counts, gives the same statistic', async () => {
    const out = join(dir, 'mixed_stats');
    const run = await runCli(['validate-data', '--data', join(dir, 'mixed_ref.csv'), '--out', out]);
    expect(run.code).toBe(0);
    const v = await validate(join(dir, 'mixed_cur.csv'), join(out, 'statistics.json'));
    expect(Math.abs(v.drift.city.statistic! - scipy.mixed.js)).toBeLessThan(1e-9);
  }, 60_000);

  it('against a statistics.json without the counts, reports the column as not tested, with why', async () => {
    const out = join(dir, 'tail_stats');
    const run = await runCli(['validate-data', '--data', join(dir, 'tail_ref.csv'), '--out', out]);
    expect(run.code).toBe(0);
    const v = await validate(join(dir, 'tail_cur.csv'), join(out, 'statistics.json'));
    expect(v.drift.city).toMatchObject({ test: 'jensen_shannon', statistic: null, drifted: false });
    expect(v.drift.city.note).toMatch(/not tested: .*more than 10,000 distinct values.*reference data/);
    // Only the numeric column counts as tested.
    expect(v.dataset_drift.tested).toBe(1);
    expect(Object.keys(v.drift)).toEqual(['city', 'n']);
  }, 60_000);

  it('a column at the cap exactly is still listed and tested as before', async () => {
    const ref = join(dir, 'cap_ref.csv');
    const cur = join(dir, 'cap_cur.csv');
    writeFileSync(ref, 'city\n' + 'a\nb\n'.repeat(750));
    writeFileSync(cur, 'city\n' + Array.from({ length: 10000 }, (_, i) => `u${i}\n`).join(''));
    const v = await validate(cur, ref);
    expect(v.drift.city.statistic).toBeCloseTo(0.8325546111576978, 12);
  }, 60_000);
});
