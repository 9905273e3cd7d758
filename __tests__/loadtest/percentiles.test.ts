import { execFileSync } from 'node:child_process';
import { summarize } from '../../src/loadtest/measure.js';

// The load test's percentiles are nearest-rank (the smallest latency with at least q of the requests at
// or below it): numpy's percentile with method="inverted_cdf", checked live on random latencies.
test('p50, p95, p99, max and mean equal numpy on random heavy-tailed latencies of many sizes', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
  const samples = [1, 2, 7, 99, 100, 101, 1000, 4321].map((n) =>
    Array.from({ length: n }, () => Math.round(-Math.log(random()) * 1e6 * (random() < 0.02 ? 40 : 1)) / 1e6)
  );
  const script = [
    'import json, sys, numpy as np',
    'out = []',
    'for xs in json.load(sys.stdin):',
    '    a = np.array(xs)',
    "    out.append([float(np.percentile(a, q, method='inverted_cdf')) for q in (50, 95, 99)] + [float(a.max()), float(a.mean())])",
    'print(json.dumps(out))'
  ].join('\n');
  const expected = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(samples), encoding: 'utf8' })
  ) as number[][];
  samples.forEach((xs, i) => {
    const s = summarize(Float64Array.from(xs).sort());
    expect([s.p50, s.p95, s.p99, s.max]).toEqual(expected[i].slice(0, 4));
    expect(s.mean).toBeCloseTo(expected[i][4], 9);
  });
});
