import { DEFAULT_THRESHOLDS } from '../../src/deploy/analysis.js';
import { runRollout, type RolloutOptions } from '../../src/deploy/rollout.js';
import { ServerTarget } from '../../src/deploy/target.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import {
  binaryModel,
  divergingModel,
  erroringModel,
  makeRegistry,
  row,
  slowModel,
  STABLE_WEIGHTS
} from '../serve/support.js';
import { rowBody } from '../../src/deploy/traffic.js';

const TOKEN = 'admin-secret';
let server: ModelServer;
let cleanup: () => Promise<void>;

// v1 stable; v2 good (weights within 3 %), v3 errors at inference, v4 slow, v5 diverges.
beforeAll(async () => {
  const good = binaryModel(
    STABLE_WEIGHTS.map(([w]) => [w * 1.03]),
    0.1
  );
  const made = await makeRegistry([good, erroringModel(), slowModel(80), divergingModel()]);
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

function options(version: number): RolloutOptions {
  return {
    version,
    steps: [20, 50, 100],
    intervalMs: 1000,
    failureLimit: 0,
    thresholds: { ...DEFAULT_THRESHOLDS, minRequests: 25 },
    shadow: true,
    traffic: { bodies, rate: 150 }
  };
}

test('a good candidate passes every step and is promoted', async () => {
  const target = new ServerTarget(server.url, TOKEN, 'churn');
  const report = await runRollout(target, options(2));
  console.log(report.reason);
  expect(report.outcome).toBe('promoted');
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
  const report = await runRollout(target, options(version));
  console.log(report.reason, JSON.stringify(report.analyses[0].analysis.metrics));
  expect(report.outcome).toBe('rolled_back');
  expect(report.analyses).toHaveLength(1);
  expect(report.analyses[0].weight).toBe(20);
  const failed = report.analyses[0].analysis.metrics.filter((m) => m.status === 'fail').map((m) => m.name);
  expect(failed).toContain(metric);
  expect(report.reason).toContain(metric);
  expect(server.state()).toMatchObject({ stable: { version: 1 }, canary: null });
});
