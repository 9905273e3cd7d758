import { ServerMetrics } from '../../src/serve/metrics.js';

test('latency histogram, counters and gauges render as Prometheus text', async () => {
  const metrics = new ServerMetrics(() => 3, false);
  const stable = metrics.variant('churn', 1, 'stable');
  expect(metrics.variant('churn', 1, 'stable')).toBe(stable);
  for (const ms of [0.2, 0.5, 0.7, 4, 30, 9000]) stable.latency.observe(ms / 1000);
  for (let i = 0; i < 5; i++) stable.ok.inc();
  stable.failed(500).inc();
  stable.scores.observe(0.25);
  const text = await metrics.registry.metrics();
  const line = (name: string) =>
    text
      .split('\n')
      .find((l) => l.startsWith(name))
      ?.split(' ')
      .pop();
  const labels = 'model="churn",version="v1",variant="stable"';
  // buckets are cumulative, le includes the bound (0.5 ms falls in le="0.0005")
  expect(line(`mlci_request_duration_seconds_bucket{le="0.0005",${labels}}`)).toBe('2');
  expect(line(`mlci_request_duration_seconds_bucket{le="0.001",${labels}}`)).toBe('3');
  expect(line(`mlci_request_duration_seconds_bucket{le="0.005",${labels}}`)).toBe('4');
  expect(line(`mlci_request_duration_seconds_bucket{le="0.05",${labels}}`)).toBe('5');
  expect(line(`mlci_request_duration_seconds_bucket{le="2.5",${labels}}`)).toBe('5');
  expect(line(`mlci_request_duration_seconds_bucket{le="+Inf",${labels}}`)).toBe('6');
  expect(line(`mlci_request_duration_seconds_count{${labels}}`)).toBe('6');
  expect(Number(line(`mlci_request_duration_seconds_sum{${labels}}`))).toBeCloseTo(9.0354, 10);
  expect(text).toMatch(/# TYPE mlci_request_duration_seconds histogram/);
  expect(line(`mlci_requests_total{${labels},code="200"}`)).toBe('5');
  expect(line(`mlci_requests_total{${labels},code="500"}`)).toBe('1');
  expect(line(`mlci_prediction_score_bucket{le="0.3",${labels}}`)).toBe('1');
  expect(line(`mlci_prediction_score_bucket{le="0.2",${labels}}`)).toBe('0');
  expect(line('mlci_inflight_requests')).toBe('3');
  // counters flushed at the first scrape are not counted twice at the next
  expect((await metrics.registry.metrics()).includes(`mlci_requests_total{${labels},code="200"} 5`)).toBe(
    true
  );
});
