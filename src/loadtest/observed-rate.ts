// The production server's request rate, read from its Prometheus metrics (docs/loadtest.md).
import { InputError } from '../core/errors.js';
import { requestJson } from '../deploy/http.js';

/** Sum of the inference requests counted in a Prometheus text exposition of mlci serve. */
export function requestsTotal(text: string): number | null {
  let total = 0;
  // prom-client lists the counter before its first request, with no series: that is zero requests.
  let seen = text.includes('# TYPE mlci_requests_total counter');
  for (const line of text.split('\n')) {
    if (!line.startsWith('mlci_requests_total')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      total += value;
      seen = true;
    }
  }
  return seen ? total : null;
}

async function scrape(metricsUrl: string): Promise<number> {
  let answer;
  try {
    answer = await requestJson('GET', metricsUrl, { timeoutMs: 10_000 });
  } catch (error) {
    throw new InputError(
      `cannot read the production server's metrics at ${metricsUrl}: ${(error as Error).message}`
    );
  }
  if (answer.status !== 200)
    throw new InputError(`${metricsUrl} answered HTTP ${answer.status}, not the server's metrics`);
  const total = requestsTotal(answer.text);
  if (total === null) throw new InputError(`${metricsUrl} has no mlci_requests_total: is it an mlci server?`);
  return total;
}

/**
 * Requests per second the production server answered over `windowMs`, from two scrapes of its
 * /metrics. Zero traffic is an input error: there is nothing to scale a target rate from.
 */
export async function observedRate(
  serverUrl: string,
  windowMs: number,
  sleep = defaultSleep
): Promise<number> {
  const metricsUrl = new URL('/metrics', serverUrl).toString();
  const first = await scrape(metricsUrl);
  const started = performance.now();
  await sleep(windowMs);
  const second = await scrape(metricsUrl);
  const rate = (second - first) / ((performance.now() - started) / 1000);
  if (!(rate > 0)) {
    throw new InputError(
      `the production server at ${serverUrl} answered no requests in ${(windowMs / 1000).toFixed(1)} s: ` +
        'set deploy.load_test.rate (or --rate) to load-test at a given rate'
    );
  }
  return rate;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
