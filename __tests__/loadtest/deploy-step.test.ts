import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { MlciConfig } from '../../src/config/types.js';
import { withDefaults } from '../../src/loadtest/objectives.js';
import type { LoadTestReport } from '../../src/loadtest/types.js';
import { deployCanary, type DeployCanaryOptions } from '../../src/stages/deploy.js';
import { buildDeployRequest } from '../../src/stages/deploy-request.js';
import type { LoadTestStep } from '../../src/stages/loadtest.js';
import { binaryModel, makeRegistry, STABLE_WEIGHTS } from '../serve/support.js';
import { passableObjectives, writeRows } from './support.js';

jest.setTimeout(60_000);

let f: Awaited<ReturnType<typeof makeRegistry>>;
let rows: string;

beforeAll(async () => {
  f = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * (1 + 1e-6)]))]);
  rows = await writeRows(f.dir, 300);
});
afterAll(() => f.cleanup());

function step(extra: Partial<LoadTestStep> = {}): LoadTestStep {
  return {
    rate: 100,
    headroom: 2,
    durationMs: 600,
    ramp: [],
    replay: rows,
    dropColumns: ['label'],
    objectives: passableObjectives(),
    ...extra
  };
}

function options(extra: Partial<DeployCanaryOptions>): DeployCanaryOptions {
  return {
    model: 'churn',
    version: 2,
    target: 'local',
    registry: f.registry,
    steps: [50, 100],
    intervalMs: 800,
    thresholds: { minRequests: 15, p99SlackMs: 500 },
    replay: rows,
    rate: 150,
    dropColumns: ['label'],
    stateFile: join(f.dir, 'state.json'),
    ...extra
  };
}

test('a failed load test stops the rollout before the candidate gets any traffic', async () => {
  const out = join(f.dir, 'failed');
  const makeTarget = jest.fn(async () => {
    throw new Error('the traffic steps must not start');
  });
  const result = await deployCanary(
    options({ out, makeTarget, loadTest: step({ objectives: withDefaults({ maxP99Ms: 0.001 }) }) })
  );
  expect(makeTarget).not.toHaveBeenCalled();
  expect(result.report.outcome).toBe('rolled_back');
  expect(result.report.reason).toMatch(/^load test failed: objective failed: max_p99_ms: candidate p99 /);
  expect(result.report.analyses).toEqual([]);
  expect(result.alias).toBeNull();
  expect((await f.registry.aliases('churn')).production).toBe(1);
  const report = JSON.parse(await readFile(join(out, 'loadtest.json'), 'utf8')) as LoadTestReport;
  expect(report.verdict).toBe('fail');
  expect(existsSync(join(out, 'deployment.json'))).toBe(true);
});

test('a passed load test goes on to the canary, which promotes', async () => {
  const out = join(f.dir, 'passed');
  const result = await deployCanary(options({ out, loadTest: step() }));
  // The reason rides along so that a failure says what rolled back.
  expect(`${result.report.outcome}: ${result.report.reason}`).toMatch(/^promoted: /);
  expect(result.report.analyses.map((a) => a.weight)).toEqual([50, 100]);
  const report = JSON.parse(await readFile(join(out, 'loadtest.json'), 'utf8')) as LoadTestReport;
  expect(report.verdict).toBe('pass');
  expect(report.stable?.version).toBe(1);
  await f.registry.promote('churn', 1, 'production', 'test');
});

test('deploy.load_test in mlci.yml puts the load-test step in the deploy request; without it there is none', async () => {
  const config = {
    version: 1,
    model: { name: 'churn', task: 'binary', label: 'label' },
    deploy: { replay: rows, load_test: { rate: 80, duration: '2s', objectives: { max_p99_ms: 50 } } }
  } as MlciConfig;
  const request = await buildDeployRequest({ version: 'v2' }, config, { registry: f.registry });
  expect(request.loadTest).toMatchObject({
    rate: 80,
    durationMs: 2000,
    ramp: [0.25, 0.5],
    replay: rows,
    dropColumns: ['label'],
    objectives: { maxP99Ms: 50, maxErrorRate: 0.01, maxP99RatioVsStable: 1.5, p99SlackMs: 2 }
  });
  const { load_test: _, ...deploy } = config.deploy!;
  const without = await buildDeployRequest(
    { version: 'v2' },
    { ...config, deploy },
    { registry: f.registry }
  );
  expect(without.loadTest).toBeUndefined();
});
