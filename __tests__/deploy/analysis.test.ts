import { readFile } from 'node:fs/promises';
import { analyse, DEFAULT_THRESHOLDS, quantile } from '../../src/deploy/analysis.js';
import type { StatsWindow } from '../../src/serve/server.js';
import type { VariantWindow } from '../../src/serve/stats.js';

const fixture = JSON.parse(
  await readFile(new URL('../../__fixtures__/deploy/divergence.json', import.meta.url), 'utf8')
) as { quantiles: { values: number[]; q: number[]; expected: number[] } };

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
const t = { ...DEFAULT_THRESHOLDS, minRequests: 100 };
const metric = (r: ReturnType<typeof analyse>, name: string) => r.metrics.find((m) => m.name === name)!;

const stable = window({ requests: 200, latencyMs: fast, scores });
const good: StatsWindow = {
  since: '',
  shadow: false,
  stable,
  canary: window({ version: 2, requests: 200, latencyMs: fast, scores })
};

test('a canary like stable passes every metric', () => {
  const r = analyse(good, t);
  expect(r.verdict).toBe('pass');
  expect(r.reason).toBe('all metrics passed');
});

test('errors fail on a significant excess before the minimum sample, and say the test and the counts', () => {
  const r = analyse(
    { ...good, canary: window({ version: 2, requests: 20, errors: 5, latencyMs: fast.slice(0, 20) }) },
    t
  );
  expect(r.verdict).toBe('fail');
  expect(metric(r, 'error_rate').detail).toMatch(
    /^error_rate: Fisher's exact test, 5 errors in 20 canary requests vs 0 in 200 stable: canary errs more often \(p [0-9.e-]+ < 0.01\) and 25.0 % more than stable > 1.0 % allowed$/
  );
  // one error in 200 against none: not significant, and within the floor
  const one = analyse({ ...good, canary: window({ ...good.canary!, errors: 1 }) }, t);
  expect(metric(one, 'error_rate').status).toBe('pass');
});

test('too few requests is inconclusive, never failed, and says how many are needed', () => {
  const few = analyse(
    {
      ...good,
      canary: window({
        version: 2,
        requests: 20,
        latencyMs: fast.slice(0, 20),
        scores: scores.filter((_, i) => i % 10 === 0)
      })
    },
    t
  );
  expect(few.verdict).toBe('inconclusive');
  expect(few.reason).toContain('20 of the 100 canary requests needed');
  const tiny = analyse(
    { ...good, canary: window({ version: 2, requests: 5, latencyMs: fast.slice(0, 5) }) },
    t
  );
  expect(metric(tiny, 'p99_latency')).toMatchObject({
    status: 'inconclusive',
    detail: expect.stringContaining('20 needed each side')
  });
});

test('latency fails on a significant shift past the floor, not on jitter within it', () => {
  const slow = analyse(
    { ...good, canary: window({ ...good.canary!, latencyMs: fast.map((x) => x + 10) }) },
    t
  );
  expect(slow.verdict).toBe('fail');
  expect(metric(slow, 'p99_latency').condition).toBe('median ≤ max(1.5 × 1.45 ms, 1.45 ms + 5 ms) = 6.45 ms');
  expect(metric(slow, 'p99_latency').detail).toMatch(
    /Mann–Whitney U, 200 canary vs 200 stable latencies: canary slower \(U 40000, p .* < 0.01\), canary median 11.45 ms > max\(1.5 × 1.45 ms, 1.45 ms \+ 5 ms\) = 6.45 ms; p99 11.90 ms vs 1.90 ms$/
  );
  // slower by 3 ms: significant, but within the 5 ms slack
  const jitter = analyse(
    { ...good, canary: window({ ...good.canary!, latencyMs: fast.map((x) => x + 3) }) },
    t
  );
  expect(metric(jitter, 'p99_latency').status).toBe('pass');
  // one slow request among many: a p99 far past the limit, but no shift of the distribution
  const spike = analyse(
    { ...good, canary: window({ ...good.canary!, latencyMs: [...fast.slice(1), 40] }) },
    t
  );
  expect(metric(spike, 'p99_latency').status).toBe('pass');
});

test('at the 100 % step predictions are compared with stable before the rollout, latency carries over from an earlier step', () => {
  // stable before the rollout ran under other load: a latency comparison would test the load, not the model
  const baseline = window({ requests: 200, latencyMs: fast.map((x) => x / 2), scores });
  const full: StatsWindow = { ...good, stable: window({}) };
  const r = analyse(full, { ...t, p99SlackMs: 0 }, baseline, { judgedEarlier: true });
  expect(metric(r, 'p99_latency')).toMatchObject({
    status: 'pass',
    detail: expect.stringContaining('passed at an earlier step')
  });
  expect(metric(r, 'divergence').status).toBe('pass');
  expect(r.verdict).toBe('pass');
});

test('latency no step could judge is inconclusive, never a pass, and the sentence says what stable got', () => {
  const baseline = window({ requests: 200, latencyMs: fast, scores });
  const slow = window({ ...good.canary!, latencyMs: fast.map((x) => x + 60) });
  // The first step at 100 %: stable answered nothing.
  const full = analyse({ ...good, canary: slow, stable: window({}) }, t, baseline);
  expect(metric(full, 'p99_latency')).toMatchObject({
    status: 'inconclusive',
    detail: expect.stringContaining('no stable requests in this window')
  });
  expect(full.verdict).toBe('inconclusive');
  // The first step at 99 %: stable answered a few, too few to compare with — and the sentence says so.
  const sliver = window({ requests: 2, latencyMs: [1, 1.1], scores: [0.1, 0.2] });
  const ninetyNine = analyse({ ...good, canary: slow, stable: sliver }, t, baseline);
  expect(metric(ninetyNine, 'p99_latency')).toMatchObject({
    status: 'inconclusive',
    detail: expect.stringContaining('only 2 stable latencies in this window (20 needed)')
  });
  expect(metric(ninetyNine, 'p99_latency').detail).not.toContain('no stable requests');
  expect(ninetyNine.verdict).toBe('inconclusive');
});

test('a target that cannot tell the versions apart compares latency with stable before the rollout', () => {
  const baseline = window({ requests: 200, latencyMs: fast, scores });
  const mixed: StatsWindow = {
    ...good,
    canary: window({ ...good.canary!, latencyMs: fast.map((x) => x + 60) }),
    stable: window({})
  };
  const r = analyse(mixed, t, baseline, { againstBaseline: true });
  expect(metric(r, 'p99_latency').status).toBe('fail');
  expect(metric(r, 'p99_latency').condition).toContain('(stable before the rollout)');
});

test('the latency limit starts from stable before the rollout when the canary slowed stable down too', () => {
  const baseline = window({ requests: 200, latencyMs: fast.map((x) => x / 2) });
  const r = analyse(
    { ...good, canary: window({ ...good.canary!, latencyMs: fast.map((x) => x + 5) }) },
    t,
    baseline
  );
  expect(metric(r, 'p99_latency')).toMatchObject({
    status: 'fail',
    condition: 'median ≤ max(1.5 × 0.72 ms (stable before the rollout), 0.72 ms + 5 ms) = 5.72 ms'
  });
});

test('divergence is paired on the same requests with shadow scoring: identical → 0, shifted → fail', () => {
  const same = scores.map((s) => [s, s] as [number, number]);
  const identical = analyse({ ...good, canary: window({ ...good.canary!, pairs: same }) }, t);
  expect(metric(identical, 'divergence')).toMatchObject({ status: 'pass', value: 0 });
  expect(metric(identical, 'divergence').detail).toMatch(
    /^divergence: one-sided t-test, paired on 200 requests/
  );
  // a small systematic change: certain (p ≈ 0) but below the practical limit
  const small = scores.map((s) => [s * 1.02, s] as [number, number]);
  expect(
    metric(analyse({ ...good, canary: window({ ...good.canary!, pairs: small }) }, t), 'divergence').status
  ).toBe('pass');
  const pairs = scores.map((s) => [s / 3, s] as [number, number]);
  const diverging = analyse({ ...good, canary: window({ ...good.canary!, pairs }) }, t);
  expect(metric(diverging, 'divergence')).toMatchObject({ status: 'fail' });
  expect(diverging.reason).toMatch(
    /mean \|change of p\(positive\)\| 0.33\d > 0.1, t \d+(\.\d+)?, p .* < 0.01/
  );
});

test('without pairs divergence is a two-sample Kolmogorov–Smirnov test', () => {
  const shifted = analyse(
    { ...good, canary: window({ ...good.canary!, scores: scores.map((s) => s / 3) }) },
    t
  );
  expect(metric(shifted, 'divergence')).toMatchObject({
    status: 'fail',
    detail: expect.stringMatching(
      /^divergence: two-sample Kolmogorov–Smirnov test, 200 canary vs 200 stable predictions: Kolmogorov–Smirnov distance 0.6\d+ > 0.1/
    )
  });
});
