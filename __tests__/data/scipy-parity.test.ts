// Live parity with scipy: random data of several shapes goes through `mlci validate-data`, and
// test-support/parity/drift_parity.py computes every drift test on the same CSVs as Evidently does
// with scipy. Every statistic and p-value must agree within 1e-9 (absolute + relative).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { seededRandom } from '../../test-support/random.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = 'test-support/parity/drift_parity.py';
const TOL = 1e-9;

const rng = seededRandom;

type Gen = (r: () => number, side: 'ref' | 'cur') => string;

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function pick<T>(r: () => number, items: T[], weights: number[]): T {
  let u = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((u -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

const shift = (side: 'ref' | 'cur', by: number) => (side === 'cur' ? by : 0);

/** Column generators: each returns one CSV cell. */
const COLUMNS: Record<string, Gen> = {
  // continuous with missing, NaN and ±inf cells
  num_holes: (r, s) => {
    const u = r();
    if (u < 0.03) return '';
    if (u < 0.05) return 'nan';
    if (u < 0.06) return u < 0.055 ? 'inf' : '-inf';
    return (10 + shift(s, 0.4) + 3 * normal(r)).toFixed(4);
  },
  // ties: one decimal
  num_ties: (r, s) => (normal(r) + shift(s, 0.1)).toFixed(1),
  // integer-valued, a few dozen values
  int_vals: (r, s) => String(Math.floor(r() * 30 + shift(s, 2))),
  // integer-valued, four values (chi-square or Jensen–Shannon on values)
  few_ints: (r, s) => String(pick(r, [0, 1, 2, 3], s === 'ref' ? [4, 3, 2, 1] : [3, 3, 2, 2])),
  // two numeric values (Z-test)
  bin_num: (r, s) => (r() < 0.3 + shift(s, 0.05) ? '1' : '0'),
  // a single value on both sides
  const_num: () => '7',
  // categories, with one unseen in the reference
  cat: (r, s) =>
    s === 'ref'
      ? pick(r, ['red', 'green', 'blue', 'amber'], [4, 3, 2, 1])
      : pick(r, ['red', 'green', 'blue', 'amber', 'violet'], [4, 3, 2, 1, 0.2]),
  // categories with missing cells
  cat_holes: (r) => (r() < 0.05 ? '' : pick(r, ['north', 'south', 'east', 'west'], [1, 1, 1, 1])),
  // binary categorical (Z-test)
  cat_bin: (r, s) => (r() < 0.6 - shift(s, 0.05) ? 'yes' : 'no'),
  // a single category on both sides
  const_cat: () => 'only',
  // continuous columns tested by per-column override
  psi_num: (r, s) => (normal(r) * (s === 'cur' ? 1.2 : 1)).toFixed(3),
  js_num: (r, s) => Math.exp(normal(r) + shift(s, 0.05)).toFixed(3),
  psi_cat: (r, s) => pick(r, ['a', 'b', 'c'], s === 'ref' ? [5, 3, 2] : [4, 4, 2]),
  // classification label
  label: (r, s) => (r() < 0.35 + shift(s, 0.02) ? '1' : '0'),
  // regression label
  target: (r, s) => (100 + 20 * normal(r) + shift(s, 1)).toFixed(2)
};

interface Case {
  name: string;
  nRef: number;
  nCur: number;
  columns: string[];
  overrides: Record<string, string>;
  /** Default: a binary task with the `label` column. */
  task?: 'binary' | 'regression';
  label?: string;
  /** Compare against the reference's statistics.json (written by a first run) instead of its CSV. */
  stored?: boolean;
}

const ALL = Object.keys(COLUMNS).filter((c) => c !== 'target');
const CASES: Case[] = [
  {
    name: 'small',
    nRef: 600,
    nCur: 450,
    columns: ALL,
    overrides: { psi_num: 'psi', js_num: 'jensen_shannon', psi_cat: 'psi', int_vals: 'wasserstein' }
  },
  {
    name: 'equal',
    nRef: 400,
    nCur: 400,
    columns: ['num_holes', 'num_ties', 'int_vals', 'cat', 'cat_bin', 'label'],
    overrides: {}
  },
  { name: 'tiny', nRef: 9, nCur: 6, columns: ['num_holes', 'num_ties', 'cat_holes', 'label'], overrides: {} },
  {
    name: 'large',
    nRef: 3000,
    nCur: 2200,
    columns: ALL,
    overrides: { psi_num: 'psi', js_num: 'ks', psi_cat: 'chi2', cat_bin: 'z', int_vals: 'jensen_shannon' }
  },
  {
    name: 'asymptotic',
    nRef: 12000,
    nCur: 3000,
    columns: ['num_holes', 'num_ties', 'few_ints', 'cat', 'label'],
    overrides: { num_ties: 'ks' }
  },
  {
    name: 'regression',
    nRef: 500,
    nCur: 300,
    columns: ['num_ties', 'cat', 'target'],
    overrides: {},
    task: 'regression',
    label: 'target'
  },
  {
    name: 'stored',
    nRef: 800,
    nCur: 500,
    columns: ['num_ties', 'int_vals', 'few_ints', 'bin_num', 'cat', 'cat_bin', 'label'],
    overrides: { num_ties: 'psi' },
    stored: true
  }
];

function csv(c: Case, side: 'ref' | 'cur', r: () => number): string {
  const n = side === 'ref' ? c.nRef : c.nCur;
  const lines = [c.columns.join(',')];
  for (let i = 0; i < n; i++) lines.push(c.columns.map((col) => COLUMNS[col](r, side)).join(','));
  return lines.join('\n') + '\n';
}

function yaml(c: Case): string {
  const cols = Object.entries(c.overrides).map(([col, test]) => `    ${col}: { drift_test: ${test} }`);
  return [
    'version: 1',
    `model: { name: parity, task: ${c.task ?? 'binary'}, label: ${c.label ?? 'label'} }`,
    ...(cols.length ? ['data:', '  columns:', ...cols] : [])
  ].join('\n');
}

interface Expected {
  test: string;
  statistic: number | string | null;
  p_value: number | null;
  drifted: boolean;
}
interface Actual {
  test: string;
  statistic: number | null;
  p_value: number | null;
  drifted: boolean;
  exact: boolean;
  note?: string;
}

function agree(actual: number | null, expected: number | string | null): boolean {
  if (expected === null || expected === 'inf' || expected === '-inf') return actual === null;
  if (actual === null) return false;
  return Math.abs(actual - Number(expected)) <= TOL + TOL * Math.abs(Number(expected));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-parity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The reference's statistics.json, as a first validate-data run on it writes it. */
async function storedStatistics(c: Case, ref: string, config: string): Promise<string> {
  const out = join(dir, `${c.name}-reference`);
  const run = await runCli(['validate-data', '--config', config, '--data', ref, '--out', out]);
  if (run.code !== 0 && run.code !== 1)
    throw new Error(`${c.name} reference: exit ${run.code}: ${run.stderr}`);
  return join(out, 'statistics.json');
}

test('every drift statistic and p-value equals scipy as Evidently computes it (1e-9)', async () => {
  if (!existsSync(PYTHON))
    throw new Error(`${PYTHON} is missing: the parity test needs python3 with scipy and pandas`);
  const r = rng(20261206);
  const spec: { cases: object[] } = { cases: [] };
  const actual: Record<string, Record<string, Actual>> = {};
  for (const c of CASES) {
    const ref = join(dir, `${c.name}_ref.csv`);
    const cur = join(dir, `${c.name}_cur.csv`);
    const config = join(dir, `${c.name}.yml`);
    writeFileSync(ref, csv(c, 'ref', r));
    writeFileSync(cur, csv(c, 'cur', r));
    writeFileSync(config, yaml(c));
    const out = join(dir, c.name);
    const reference = c.stored ? await storedStatistics(c, ref, config) : ref;
    const run = await runCli([
      'validate-data',
      '--config',
      config,
      '--data',
      cur,
      '--reference',
      reference,
      '--out',
      out
    ]);
    if (run.code !== 0 && run.code !== 1) throw new Error(`${c.name}: exit ${run.code}: ${run.stderr}`);
    actual[c.name] = (
      JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as { drift: Record<string, Actual> }
    ).drift;
    spec.cases.push({
      name: c.name,
      reference: ref,
      current: cur,
      label: c.label ?? 'label',
      task: c.task ?? 'binary',
      overrides: c.overrides
    });
  }
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  try {
    execFileSync(PYTHON, [SCRIPT, join(dir, 'spec.json'), join(dir, 'scipy.json')], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `${PYTHON} ${SCRIPT} failed (the parity test needs scipy, numpy and pandas): ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
      { cause: error }
    );
  }
  const expected = JSON.parse(readFileSync(join(dir, 'scipy.json'), 'utf8')) as {
    versions: { scipy: string };
    cases: Record<string, Record<string, Expected>>;
  };
  expect(expected.versions.scipy).toMatch(/^\d+\.\d+/);
  const problems: string[] = [];
  let compared = 0;
  for (const c of CASES) {
    const exp = expected.cases[c.name];
    const act = actual[c.name];
    expect(Object.keys(act).sort()).toEqual(Object.keys(exp).sort());
    for (const [column, e] of Object.entries(exp)) {
      const a = act[column];
      const where = `${c.name}/${column} (${e.test})`;
      if (!a.exact) problems.push(`${where}: not exact against the stored reference`);
      if (a.test !== e.test) problems.push(`${where}: mlci chose ${a.test}`);
      else {
        if (!agree(a.statistic, e.statistic))
          problems.push(`${where}: statistic ${a.statistic} vs scipy ${e.statistic}`);
        if (!agree(a.p_value, e.p_value))
          problems.push(`${where}: p-value ${a.p_value} vs scipy ${e.p_value}`);
        if (a.drifted !== e.drifted) problems.push(`${where}: drifted ${a.drifted} vs ${e.drifted}`);
      }
      compared++;
    }
  }
  expect(problems).toEqual([]);
  expect(compared).toBeGreaterThan(40);
  // Every test in the catalog is exercised at least once.
  const tests = new Set(Object.values(expected.cases).flatMap((c) => Object.values(c).map((e) => e.test)));
  expect([...tests].sort()).toEqual(['chi2', 'jensen_shannon', 'ks', 'psi', 'wasserstein', 'z']);
}, 120_000);

test('the committed fixtures record the scipy version they were made with', () => {
  const fixture = JSON.parse(readFileSync('__fixtures__/data/reference.json', 'utf8')) as {
    versions?: { scipy?: string };
  };
  expect(fixture.versions?.scipy).toMatch(/^\d+\.\d+/);
});
