import { DEFAULT_FAILURE_LIMIT } from '../../src/config/defaults.js';
import { DEFAULT_THRESHOLDS } from '../../src/deploy/analysis.js';
import { runRollout, type RolloutOptions } from '../../src/deploy/rollout.js';
import { ServerTarget } from '../../src/deploy/target.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import {
  labelOnlyModel,
  binaryModel,
  divergingModel,
  erroringModel,
  makeRegistry,
  row,
  slowModel,
  STABLE_WEIGHTS
} from '../serve/support.js';
import { pacedLoad, rowBody } from '../../src/deploy/traffic.js';

const TOKEN = 'admin-secret';
let server: ModelServer;
let cleanup: () => Promise<void>;

// v1 stable; v2 good (a realistic retrain: weights ×1.02, so its predictions differ a little),
// v3 errors at inference, v4 slow, v5 diverges.
beforeAll(async () => {
  const good = binaryModel(
    STABLE_WEIGHTS.map(([w]) => [w * 1.02]),
    0.1
  );
  const made = await makeRegistry([
    good,
    erroringModel(),
    // ≈ 25 ms per request here: well past the 10 ms latency slack (depth 400, ≈ 10 ms, sat on the line).
    slowModel(1000),
    divergingModel(),
    labelOnlyModel()
  ]);
  cleanup = made.cleanup;
  server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(made.registry),
    port: 0,
    adminToken: TOKEN
  });
});

afterAll(async () => {
  await server.close();
  await cleanup();
});

afterEach(() => server.rollback());

const bodies = Array.from({ length: 500 }, (_, i) => JSON.stringify(rowBody(row(i))));

/** The default analysis and failure limit, with a minimum sample (25) well below what an interval sends at 20 % (45 at 150 requests/s): under load the sender lags. */
function options(version: number, rate = 150, intervalMs = 1500): RolloutOptions {
  return {
    version,
    steps: [20, 50, 100],
    intervalMs,
    failureLimit: DEFAULT_FAILURE_LIMIT,
    thresholds: { ...DEFAULT_THRESHOLDS, minRequests: 25 },
    shadow: true,
    traffic: { bodies, rate }
  };
}

/** Fails with the rollout's reason, so a flaky environment shows what the analysis saw. */
function expectOutcome(report: { outcome: string; reason: string }, outcome: string): void {
  if (report.outcome !== outcome)
    throw new Error(`expected ${outcome}, got ${report.outcome}: ${report.reason}`);
}

test('a good candidate passes every step and is promoted', async () => {
  const target = new ServerTarget(server.url, TOKEN, 'churn');
  const report = await runRollout(target, options(2));
  expectOutcome(report, 'promoted');
  expect(report.analyses.map((a) => a.weight)).toEqual([20, 50, 100]);
  for (const a of report.analyses) {
    expect(a.analysis.verdict).toBe('pass');
    expect(a.replay?.failed).toBe(0);
  }
  expect(server.state().stable.version).toBe(2);
  expect(server.state().canary).toBeNull();
  // back to v1 for the other tests
  await server.setCanary(1, 0);
  server.promote();
  expect(server.state().stable.version).toBe(1);
});

test.each([
  [3, 'error_rate'],
  [4, 'p99_latency'],
  [5, 'divergence']
])('candidate v%i is rolled back at the first step for %s', async (version, metric) => {
  const target = new ServerTarget(server.url, TOKEN, 'churn');
  // The slow candidate takes tens of ms per request: a lower rate keeps the server from saturating.
  const report = await runRollout(
    target,
    options(version, version === 4 ? 80 : 150, version === 4 ? 2000 : 1500)
  );
  expectOutcome(report, 'rolled_back');
  // failure limit 1: the failed analysis is repeated once at the same step, then the canary is rolled back
  const seen = report.analyses.map((a) => `step ${a.step} try ${a.attempt}: ${a.analysis.reason}`);
  expect({ analyses: report.analyses.map((a) => [a.step, a.attempt, a.weight]), seen }).toMatchObject({
    analyses: [
      [1, 1, 20],
      [1, 2, 20]
    ]
  });
  for (const a of report.analyses) {
    const failed = a.analysis.metrics.filter((m) => m.status === 'fail').map((m) => m.name);
    expect(failed).toContain(metric);
  }
  expect(report.reason).toContain(metric);
  expect(server.state()).toMatchObject({ stable: { version: 1 }, canary: null });
});

test('a candidate that cannot be loaded is rolled back before any traffic moves', async () => {
  const target = new ServerTarget(server.url, TOKEN, 'churn');
  const report = await runRollout(target, options(6));
  expectOutcome(report, 'rolled_back');
  expect(report.reason).toMatch(/v6 could not be loaded: .*no float (probability )?output/);
  expect(report.analyses).toHaveLength(0);
  expect(server.state()).toMatchObject({ stable: { version: 1 }, canary: null });
});

test('without replay the rollout observes production traffic only', async () => {
  const target = new ServerTarget(server.url, TOKEN, 'churn');
  // "production" traffic from elsewhere, for longer than the baseline and both steps
  const production = pacedLoad({ url: target.inferUrl, bodies, rate: 150, count: 600 });
  const report = await runRollout(target, {
    ...options(5),
    traffic: undefined,
    steps: [50, 100],
    intervalMs: 900
  });
  await production;
  expectOutcome(report, 'rolled_back');
  expect(report.analyses[0].replay).toBeUndefined();
  expect(report.analyses[0].analysis.canary.requests).toBeGreaterThanOrEqual(25);
  expect(report.reason).toMatch(/^step 1 \(50 %\): .*divergence/);
});
