import { checkObjectives, withDefaults } from '../../src/loadtest/objectives.js';
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

function point(candidate: number, stable: number, ratios: number[]): RatePoint {
  return { rate: 100, candidate: m(candidate), stable: m(stable), slice_p99_ratios: ratios };
}

const ratio = (p: RatePoint) =>
  checkObjectives(p, withDefaults()).find((o) => o.objective === 'max_p99_ratio_vs_stable')!;

test('one pause falling on a candidate slice does not fail the ratio: the median over slice pairs decides', () => {
  const check = ratio(point(30, 4, [1.1, 0.9, 12, 1.0, 1.05, 0.95]));
  expect(check.passed).toBe(true);
  expect(check.value).toBeCloseTo(1.025, 10);
});

test('a candidate slower in every slice fails, and the detail says the numbers in plain words', () => {
  const check = ratio(point(24, 3, [7, 8, 6.5, 9]));
  expect(check.passed).toBe(false);
  expect(check.detail).toBe(
    'candidate p99 24.00 ms vs stable 3.00 ms; median ratio over 4 slice pairs 7.50× (fails above 1.5× unless within 2 ms of stable)'
  );
});

test('sub-millisecond p99s within the slack pass whatever their ratio', () => {
  expect(ratio(point(0.9, 0.3, [3, 3, 3])).passed).toBe(true);
});

test('the error rate is judged against its limit, inclusive', () => {
  const p: RatePoint = { rate: 100, candidate: m(1, 10), stable: null, slice_p99_ratios: null };
  const [errors] = checkObjectives(p, withDefaults());
  expect(errors).toMatchObject({ objective: 'max_error_rate', value: 0.01, passed: true });
  const worse = checkObjectives({ ...p, candidate: m(1, 11) }, withDefaults())[0];
  expect(worse.passed).toBe(false);
});
