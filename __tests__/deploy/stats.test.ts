// The canary analysis' tests against scipy.stats on random data (not fixtures made with the same
// assumptions): Mann–Whitney U, Fisher's exact, one-sample t, exact binomial and two-sample KS.
import { execFileSync } from 'node:child_process';
import { unpairedDivergence } from '../../src/deploy/divergence.js';
import {
  binomialGreater,
  fisherGreater,
  mannWhitneyGreater,
  median,
  tTestGreater
} from '../../src/deploy/stats.js';
import { seededRandom } from '../../test-support/random.js';

const rng = seededRandom;

const random = rng(20_261_206);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const sample = (n: number, f: () => number) => Array.from({ length: n }, f);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

type Case =
  | { kind: 'mwu'; x: number[]; y: number[] }
  | { kind: 'fisher'; table: [number, number, number, number] }
  | { kind: 'ttest'; x: number[]; mean0: number }
  | { kind: 'binom'; k: number; n: number; p0: number }
  | { kind: 'ks'; x: number[]; y: number[] };

const cases: Case[] = [];
for (let i = 0; i < 12; i++) {
  // latencies: log-normal, some rounded to 0.1 ms so that ties occur, the canary sometimes shifted
  const shift = i % 3 === 0 ? 0 : i % 3 === 1 ? 0.3 : 2;
  const round = i % 2 === 0 ? (v: number) => Math.round(v * 10) / 10 : (v: number) => v;
  cases.push({
    kind: 'mwu',
    x: sample(int(10, 80), () => round(Math.exp(normal() * 0.4) + shift)),
    y: sample(int(10, 400), () => round(Math.exp(normal() * 0.4)))
  });
  const n1 = int(20, 400);
  const n2 = int(20, 2000);
  const e1 = Math.min(n1, int(0, 20));
  const e2 = Math.min(n2, int(0, 10));
  cases.push({ kind: 'fisher', table: [e1, n1 - e1, e2, n2 - e2] });
  cases.push({ kind: 'ttest', x: sample(int(5, 300), () => Math.abs(normal()) * 0.08), mean0: 0.1 });
  const n = int(10, 500);
  cases.push({ kind: 'binom', k: int(0, Math.round(n * 0.3)), n, p0: 0.1 });
  cases.push({
    kind: 'ks',
    x: sample(int(10, 300), () => 1 / (1 + Math.exp(-normal() - (i % 2) * 0.3))),
    y: sample(int(10, 300), () => 1 / (1 + Math.exp(-normal())))
  });
}

const scipy = JSON.parse(
  execFileSync(
    '/usr/bin/python3',
    [new URL('../../test-support/parity/canary_stats.py', import.meta.url).pathname],
    {
      input: JSON.stringify(cases),
      encoding: 'utf8'
    }
  )
) as [number | string, number][];

function ours(c: Case): [number, number] {
  switch (c.kind) {
    case 'mwu': {
      const r = mannWhitneyGreater(c.x, c.y);
      return [r.statistic, r.pValue];
    }
    case 'fisher': {
      const r = fisherGreater(...c.table);
      return [r.statistic, r.pValue];
    }
    case 'ttest': {
      const r = tTestGreater(c.x, c.mean0);
      return [r.statistic, r.pValue];
    }
    case 'binom': {
      const r = binomialGreater(c.k, c.n, c.p0);
      return [r.statistic, r.pValue];
    }
    case 'ks': {
      const r = unpairedDivergence(c.x, c.y);
      return [r.statistic, r.pValue];
    }
  }
}

test.each(cases.map((c, i) => [`${c.kind} #${i}`, i] as const))('%s equals scipy.stats', (_, i) => {
  const [statistic, pValue] = ours(cases[i]);
  const [expectedStatistic, expectedP] = scipy[i];
  if (typeof expectedStatistic === 'number') expect(statistic).toBeCloseTo(expectedStatistic, 8);
  else expect(statistic).toBe(Number(expectedStatistic.replace('inf', 'Infinity').replace('nan', 'NaN')));
  // relative agreement on small p-values, absolute on large ones
  expect(Math.abs(pValue - expectedP)).toBeLessThanOrEqual(1e-9 + 1e-7 * expectedP);
});

test('degenerate samples give the answer scipy gives, or none', () => {
  expect(mannWhitneyGreater([1, 1, 1], [1, 1]).pValue).toBe(1);
  expect(tTestGreater([0, 0, 0], 0.1)).toEqual({ statistic: -Infinity, pValue: 1 });
  expect(tTestGreater([0.5, 0.5], 0.1).pValue).toBe(0);
  expect(binomialGreater(0, 10, 0.1).pValue).toBe(1);
  expect(fisherGreater(0, 10, 0, 10).pValue).toBe(1);
  expect(median([3, 1, 2, 10])).toBe(2.5);
  expect(median([])).toBeNaN();
});
