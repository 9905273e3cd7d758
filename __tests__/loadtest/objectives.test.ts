import { checkObjectives, withDefaults } from '../../src/loadtest/objectives.js';
import { sliceRatio } from '../../src/loadtest/slice-ratio.js';
import type { Measurement, RatePoint } from '../../src/loadtest/types.js';

function m(p99: number, errors = 0): Measurement {
  return {
    target_rps: 100,
    achieved_rps: 99,
    requests: 1000,
    errors,
    error_rate: errors / 1000,
    latency_ms: { p50: p99 / 3, p95: p99 / 1.5, p99, max: p99 * 2, mean: p99 / 3 },
    rss_mb: null
  };
}

function point(candidate: number, stable: number, slices: [number[], number[]] | null): RatePoint {
  return {
    rate: 100,
    candidate: m(candidate),
    stable: m(stable),
    slice_p99_ms: slices && { candidate: slices[0], stable: slices[1] }
  };
}

const ratio = (p: RatePoint) =>
  checkObjectives(p, withDefaults()).find((o) => o.objective === 'max_p99_ratio_vs_stable')!;

test("pauses falling on a few of the candidate's slices do not fail the ratio: the median slices decide", () => {
  const check = ratio(
    point(30, 4, [
      [4, 4.2, 30, 3.9, 4, 28],
      [4, 4.1, 3.8, 4, 4.2, 3.9]
    ])
  );
  expect(check.passed).toBe(true);
  expect(check.value).toBeGreaterThan(0.97);
  expect(check.value).toBeLessThan(1.1);
});

test('a candidate slower in every slice fails, and the detail says the numbers in plain words', () => {
  const check = ratio(
    point(24, 3, [
      [21, 24, 22, 23],
      [3, 2.5, 3, 3.5]
    ])
  );
  expect(check.passed).toBe(false);
  // The 16 ratios' median: (22 / 3 + 23 / 3) / 2.
  expect(check.value).toBeCloseTo(7.5, 10);
  expect(check.detail).toBe(
    'candidate p99 24.00 ms vs stable 3.00 ms; median slice p99 22.50 ms vs 3.00 ms over 4 and 4 slices, median ratio of the 16 slice pairs 7.50×, 95 % lower bound 6.29× (measurably slower than stable) (fails above 1.5× when measurably slower and not within 2 ms of stable)'
  );
});

test('sub-millisecond p99s within the slack pass whatever their ratio', () => {
  expect(
    ratio(
      point(0.9, 0.3, [
        [0.9, 0.8],
        [0.3, 0.2]
      ])
    ).passed
  ).toBe(true);
});

test('without slices the p99s over all requests are compared', () => {
  const check = ratio(point(24, 3, null));
  expect(check).toMatchObject({ passed: false, value: 8 });
  expect(check.detail).toContain('; no slices, ratio 8.00×');
});

test('the error rate is judged against its limit, inclusive', () => {
  const p: RatePoint = { rate: 100, candidate: m(1, 10), stable: null, slice_p99_ms: null };
  const [errors] = checkObjectives(p, withDefaults());
  expect(errors).toMatchObject({ objective: 'max_error_rate', value: 0.01, passed: true });
  const worse = checkObjectives({ ...p, candidate: m(1, 11) }, withDefaults())[0];
  expect(worse.passed).toBe(false);
});

test("a ratio above the limit from slices that overlap stable's is not a failure: the candidate is not measurably slower", () => {
  // Pauses on most slices of both versions, the candidate's median slice a little higher.
  const check = ratio(
    point(40, 35, [
      [9, 30, 10, 28, 9, 35, 12, 40, 10, 33, 12, 31],
      [3, 29, 4, 27, 3.5, 36, 5, 4, 30, 3, 38, 33]
    ])
  );
  expect(check.value).toBeCloseTo(1.64, 2);
  expect(check.passed).toBe(true);
  expect(check.detail).toMatch(/95 % lower bound 0\.\d\d× \(not measurably slower than stable\)/);
});

test('the lower bound is the Mann–Whitney 5 % point among the pairwise ratios', () => {
  // 12 and 12 slices: 144 ratios, k = floor(72 − 1.645 × √(144 × 25 / 12)) = 43.
  const c = Array.from({ length: 12 }, (_, i) => 10 + i);
  const s = Array.from({ length: 12 }, (_, i) => 5 + i / 2);
  const ratios = c.flatMap((x) => s.map((y) => x / y)).sort((a, b) => a - b);
  const r = sliceRatio(c, s);
  expect(r.lowerBound).toBe(ratios[42]);
  expect(r.estimate).toBeCloseTo((ratios[71] + ratios[72]) / 2, 12);
  // Too few slices for a bound: the estimate alone decides.
  expect(sliceRatio([3, 4], [1, 2]).lowerBound).toBeNull();
});
