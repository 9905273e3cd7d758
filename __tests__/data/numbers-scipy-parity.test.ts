// Live parity with scipy (as __tests__/data/scipy-parity.test.ts) for the number shapes doubles get
// wrong: integers beyond 2^53 that share a double (pandas keeps them as int64: chi-square and KS count
// exact values, Wasserstein takes float64) and means far larger than their spread (the Wasserstein
// normaliser). test-support/parity/drift_parity.py computes every test as Evidently does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { seededRandom } from '../../test-support/random.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = 'test-support/parity/drift_parity.py';
const TOL = 1e-9;

type Gen = (r: () => number, side: 'ref' | 'cur') => string;

const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const shift = (side: 'ref' | 'cur', by: number) => (side === 'cur' ? by : 0);

const COLUMNS: Record<string, Gen> = {
  // four integers beyond 2^53, two pairs of which share a double: tested on their exact counts
  big_few: (r, s) => String(2n ** 53n + BigInt(Math.floor(r() * (s === 'ref' ? 4 : 3.6)))),
  // dozens of integers near 2^62 (1,024 apart per double): KS on exact values, Wasserstein on doubles
  big_spread: (r, s) => String(2n ** 62n + BigInt(100 * Math.floor(r() * 40 + shift(s, 3)))),
  // signed: around −2^60
  big_negative: (r, s) => String(-(2n ** 60n) + BigInt(Math.floor(r() * 5000 + shift(s, 300)))),
  // epoch milliseconds with sub-millisecond steps (exact in a double): mean ≫ spread
  epoch: (r, s) => String(1e12 + Math.round(8 * (normal(r) + shift(s, 0.1))) / 8),
  // 1e9 + N(0, 1) in four decimals
  offset9: (r, s) => (1e9 + normal(r) + shift(s, 0.05)).toFixed(4)
};

const CASES = [
  { name: 'small', nRef: 700, nCur: 500 },
  { name: 'large', nRef: 4000, nCur: 3000 }
];

function csv(n: number, side: 'ref' | 'cur', r: () => number): string {
  const names = Object.keys(COLUMNS);
  const rows = Array.from({ length: n }, () => names.map((c) => COLUMNS[c](r, side)).join(','));
  return [names.join(','), ...rows].join('\n') + '\n';
}

function agree(actual: number | null, expected: number | string | null): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  return Math.abs(actual - Number(expected)) <= TOL + TOL * Math.abs(Number(expected));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-numbers-parity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('wide integers and far-off means: every statistic equals scipy as Evidently computes it (1e-9)', async () => {
  const r = seededRandom(20261208);
  const spec: { cases: object[] } = { cases: [] };
  const actual: Record<
    string,
    Record<string, { test: string; statistic: number | null; p_value: number | null }>
  > = {};
  for (const c of CASES) {
    const ref = join(dir, `${c.name}_ref.csv`);
    const cur = join(dir, `${c.name}_cur.csv`);
    writeFileSync(ref, csv(c.nRef, 'ref', r));
    writeFileSync(cur, csv(c.nCur, 'cur', r));
    const run = await runCli(['validate-data', '--data', cur, '--reference', ref, '--json']);
    if (run.code !== 0 && run.code !== 1) throw new Error(`${c.name}: exit ${run.code}: ${run.stderr}`);
    actual[c.name] = (JSON.parse(run.stdout) as { drift: (typeof actual)[string] }).drift;
    spec.cases.push({ name: c.name, reference: ref, current: cur, overrides: {} });
  }
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  execFileSync(PYTHON, [SCRIPT, join(dir, 'spec.json'), join(dir, 'scipy.json')], { stdio: 'pipe' });
  const expected = JSON.parse(readFileSync(join(dir, 'scipy.json'), 'utf8')) as {
    cases: Record<string, Record<string, { test: string; statistic: number | null; p_value: number | null }>>;
  };
  const problems: string[] = [];
  const tests = new Set<string>();
  for (const c of CASES) {
    for (const [column, e] of Object.entries(expected.cases[c.name])) {
      const a = actual[c.name][column];
      const where = `${c.name}/${column} (${e.test})`;
      tests.add(e.test);
      if (a?.test !== e.test) problems.push(`${where}: mlci chose ${a?.test}`);
      else {
        if (!agree(a.statistic, e.statistic))
          problems.push(`${where}: statistic ${a.statistic} vs scipy ${e.statistic}`);
        if (!agree(a.p_value, e.p_value))
          problems.push(`${where}: p-value ${a.p_value} vs scipy ${e.p_value}`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect([...tests].sort()).toEqual(['chi2', 'jensen_shannon', 'ks', 'wasserstein']);
}, 120_000);
