import { readFile } from 'node:fs/promises';
import { analyse, DEFAULT_THRESHOLDS, quantile } from '../../src/deploy/analysis.js';
import { jensenShannonDistance, scoreDivergence, sharedHistograms } from '../../src/deploy/divergence.js';
import type { StatsWindow } from '../../src/serve/server.js';
import type { VariantWindow } from '../../src/serve/stats.js';

const fixture = JSON.parse(
  await readFile(new URL('../../__fixtures__/deploy/divergence.json', import.meta.url), 'utf8')
) as {
  cases: { p: number[]; q: number[]; base2: number; natural: number }[];
  scores: { a: number[]; b: number[]; distance: number };
  quantiles: { values: number[]; q: number[]; expected: number[] };
};

test.each(fixture.cases.map((c, i) => [i, c] as const))(
  'Jensen–Shannon distance equals scipy (case %i)',
  (_, c) => {
    expect(jensenShannonDistance(c.p, c.q, 2)).toBeCloseTo(c.base2, 10);
    expect(jensenShannonDistance(c.p, c.q, Math.E)).toBeCloseTo(c.natural, 10);
  }
);

test('score divergence bins probabilities in ten bins as the scipy reference does', () => {
  expect(scoreDivergence(fixture.scores.a, fixture.scores.b, 'probability')).toBeCloseTo(
    fixture.scores.distance,
    10
  );
  expect(scoreDivergence(fixture.scores.a, fixture.scores.a, 'probability')).toBe(0);
  const { p, q } = sharedHistograms([0, 1, 1, 2], [2, 2, 5], 'class');
  expect(p).toEqual([1, 2, 1, 0]);
  expect(q).toEqual([0, 0, 2, 1]);
});

test('quantile interpolates as numpy does', () => {
  fixture.quantiles.q.forEach((q, i) =>
    expect(quantile(fixture.quantiles.values, q)).toBeCloseTo(fixture.quantiles.expected[i], 10)
  );
  expect(quantile([], 0.5)).toBeNull();
});

function window(partial: Partial<VariantWindow>): VariantWindow {
  return {
    version: 1,
    requests: 0,
    errors: 0,
    latencyMs: [],
    scoreKind: 'probability',
    scores: [],
    shadow: { requests: 0, errors: 0 },
    pairs: [],
    ...partial
  };
}

const fast = Array.from({ length: 200 }, (_, i) => 1 + (i % 10) / 10);
const scores = Array.from({ length: 200 }, (_, i) => (i % 100) / 100);

test('an analysis passes, fails or is inconclusive by its conditions', () => {
  const stable = window({ requests: 200, latencyMs: fast, scores });
  const good: StatsWindow = {
    since: '',
    shadow: false,
    stable,
    canary: window({ version: 2, requests: 200, latencyMs: fast, scores })
  };
  expect(analyse(good, DEFAULT_THRESHOLDS).verdict).toBe('pass');

  const erroring = analyse(
    { ...good, canary: window({ version: 2, requests: 20, errors: 5, latencyMs: fast.slice(0, 20) }) },
    DEFAULT_THRESHOLDS
  );
  // 5 errors already exceed 1 % of the 100-request minimum: a failure before the minimum is reached
  expect(erroring.verdict).toBe('fail');
  expect(erroring.reason).toMatch(/^error_rate 0.25/);

  const few = analyse(
    {
      ...good,
      canary: window({ version: 2, requests: 20, latencyMs: fast.slice(0, 20), scores: scores.slice(0, 20) })
    },
    DEFAULT_THRESHOLDS
  );
  expect(few.verdict).toBe('inconclusive');
  expect(few.metrics.find((m) => m.name === 'requests')!.status).toBe('inconclusive');

  const slow = analyse(
    { ...good, canary: window({ version: 2, requests: 200, latencyMs: fast.map((x) => x + 10), scores }) },
    DEFAULT_THRESHOLDS
  );
  expect(slow.verdict).toBe('fail');
  expect(slow.metrics.find((m) => m.name === 'p99_latency')!.condition).toMatch(/= 6.90 ms$/);

  // slower by 3 ms: over 1.5 × p99 but within the 5 ms slack, so it passes
  const jitter = analyse(
    { ...good, canary: window({ version: 2, requests: 200, latencyMs: fast.map((x) => x + 3), scores }) },
    DEFAULT_THRESHOLDS
  );
  expect(jitter.metrics.find((m) => m.name === 'p99_latency')!.status).toBe('pass');

  const pairs = scores.map((s) => [s / 3, s] as [number, number]);
  const diverging = analyse(
    { ...good, canary: window({ version: 2, requests: 200, latencyMs: fast, scores, pairs }) },
    DEFAULT_THRESHOLDS
  );
  expect(diverging.metrics.find((m) => m.name === 'divergence')).toMatchObject({
    status: 'fail',
    detail: expect.stringMatching(/^paired/)
  });

  // latency is judged against the baseline before the rollout when one is given
  const baseline = window({ requests: 200, latencyMs: fast.map((x) => x / 2) });
  const vsBaseline = analyse(good, { ...DEFAULT_THRESHOLDS, p99SlackMs: 0 }, baseline);
  expect(vsBaseline.metrics.find((m) => m.name === 'p99_latency')!.status).toBe('fail');
});
