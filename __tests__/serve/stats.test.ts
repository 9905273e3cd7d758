import { NumberReservoir, VariantStats } from '../../src/serve/stats.js';

test('the number reservoir keeps every value up to its capacity, then a uniform sample of the stream', () => {
  const small = new NumberReservoir(10);
  for (let i = 0; i < 7; i++) small.add(i + 0.5);
  expect(small.values()).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);

  const sample = new NumberReservoir(5_000);
  for (let i = 0; i < 100_000; i++) sample.add(i);
  const values = sample.values();
  expect(values).toHaveLength(5_000);
  expect(new Set(values).size).toBe(5_000);
  expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 100_000)).toBe(true);
  // A uniform sample of 0..99,999: mean 50,000 with a standard error of ≈ 410.
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  expect(Math.abs(mean - 50_000)).toBeLessThan(3_000);
  // Late values get in too (a sample of the first 5,000 only would never hold them).
  expect(values.filter((v) => v >= 50_000).length).toBeGreaterThan(2_000);
});

test('a snapshot is a copy: later requests do not change it', () => {
  const stats = new VariantStats(3, 'probability');
  stats.record(1.5, true, [0.25]);
  const before = stats.snapshot();
  stats.record(2.5, false, [0.75]);
  expect(before).toMatchObject({ version: 3, requests: 1, errors: 0, latencyMs: [1.5], scores: [0.25] });
  expect(stats.snapshot()).toMatchObject({
    requests: 2,
    errors: 1,
    latencyMs: [1.5, 2.5],
    scores: [0.25, 0.75]
  });
});
