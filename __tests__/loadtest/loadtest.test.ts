import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { withDefaults } from '../../src/loadtest/objectives.js';
import type { LoadTestReport } from '../../src/loadtest/types.js';
import { runLoadTest, type LoadTestOptions } from '../../src/stages/loadtest.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import {
  binaryModel,
  erroringModel,
  labelOnlyModel,
  makeRegistry,
  STABLE_WEIGHTS
} from '../serve/support.js';
import { delayingProxy, passableObjectives, writeRows } from './support.js';

jest.setTimeout(60_000);

type Fixture = Awaited<ReturnType<typeof makeRegistry>> & { rows: string };
const fixtures: Fixture[] = [];

async function fixture(candidates: Uint8Array[]): Promise<Fixture> {
  const made = await makeRegistry(candidates);
  const f = { ...made, rows: await writeRows(made.dir) };
  fixtures.push(f);
  return f;
}

afterAll(async () => {
  for (const f of fixtures) await f.cleanup();
});

function options(f: Fixture, extra: Partial<LoadTestOptions> = {}): LoadTestOptions {
  return {
    model: 'churn',
    version: 2,
    registry: f.registry,
    alias: 'production',
    rate: 150,
    headroom: 2,
    durationMs: 1200,
    ramp: [0.5],
    replay: f.rows,
    dropColumns: ['label'],
    objectives: withDefaults(),
    out: join(f.dir, 'out'),
    ...extra
  };
}

test('a candidate like stable passes, measured against stable at every rate of the ramp, and loadtest.json says so', async () => {
  const f = await fixture([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  const result = await runLoadTest(options(f, { objectives: passableObjectives() }));
  const r = result.report;
  expect(r.verdict).toBe('pass');
  expect(result.exitCode).toBe(0);
  expect(r.points.map((p) => p.rate)).toEqual([75, 150]);
  const target = r.points[1];
  expect(target.candidate.requests).toBe(180);
  expect(target.stable!.requests).toBe(180);
  expect(target.candidate.errors).toBe(0);
  expect(target.candidate.achieved_rps).toBeGreaterThan(100);
  expect(target.candidate.rss_mb).toBeGreaterThan(10);
  expect(r.stable).toEqual({ version: 1, endpoint: 'stable v1' });
  expect(r.objectives.map((o) => o.objective)).toEqual(['max_error_rate', 'max_p99_ratio_vs_stable']);
  expect(r.infrastructure.map((c) => [c.name, c.passed])).toEqual([
    ['candidate v2 in the local server: load', true],
    ['candidate v2: smoke request', true]
  ]);
  const written = JSON.parse(await readFile(join(f.dir, 'out', 'loadtest.json'), 'utf8')) as LoadTestReport;
  expect(written.verdict).toBe('pass');
  const md = await readFile(join(f.dir, 'out', 'loadtest.md'), 'utf8');
  expect(md).toContain('## Load test churn@v2: ✅ passed');
  expect(md).toContain('| max_p99_ratio_vs_stable | 1.5 |');
});

const similar = () => binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]));

test('a candidate with an artificial +20 ms latency fails max_p99_ratio_vs_stable: 1.5', async () => {
  const f = await fixture([similar()]);
  const source = registrySource(f.registry);
  const stable = await ModelServer.start({
    model: { name: 'churn', version: 1 },
    source,
    port: 0,
    processMetrics: false
  });
  const candidate = await ModelServer.start({
    model: { name: 'churn', version: 2 },
    source,
    port: 0,
    processMetrics: false
  });
  const slow = await delayingProxy(candidate.url, 20);
  try {
    const result = await runLoadTest(
      options(f, {
        version: undefined,
        url: slow.url,
        stableUrl: stable.url,
        durationMs: 2000,
        objectives: withDefaults({ maxP99RatioVsStable: 1.5 })
      })
    );
    const r = result.report;
    expect(result.exitCode).toBe(1);
    expect(r.verdict).toBe('fail');
    const ratio = r.objectives.find((o) => o.objective === 'max_p99_ratio_vs_stable')!;
    expect(ratio.passed).toBe(false);
    expect(r.points[1].candidate.latency_ms.p50).toBeGreaterThan(20);
    expect(r.summary).toMatch(
      /^objective failed: max_p99_ratio_vs_stable: candidate p99 \d+\.\d\d ms vs stable/
    );
    // The same servers without the delay pass.
    const fair = await runLoadTest(
      options(f, {
        version: undefined,
        url: candidate.url,
        stableUrl: stable.url,
        objectives: passableObjectives()
      })
    );
    expect(fair.report.objectives.find((o) => o.objective === 'max_p99_ratio_vs_stable')!.passed).toBe(true);
  } finally {
    await slow.close();
    await candidate.close();
    await stable.close();
  }
});

test('a candidate whose requests fail fails the smoke request, and no load is sent', async () => {
  const f = await fixture([erroringModel()]);
  const result = await runLoadTest(options(f));
  expect(result.exitCode).toBe(1);
  // The smoke request already fails: the load is not run.
  expect(result.report.infrastructure[1]).toMatchObject({
    name: 'candidate v2: smoke request',
    passed: false
  });
  expect(result.report.infrastructure[1].detail).toMatch(/^a request row got HTTP 5\d\d/);
  expect(result.report.points).toEqual([]);
});

test('a candidate that does not load in the serving stack fails the infrastructure check (exit 1), not the run', async () => {
  const f = await fixture([labelOnlyModel()]);
  const result = await runLoadTest(options(f));
  expect(result.exitCode).toBe(1);
  expect(result.report.infrastructure).toEqual([
    {
      name: 'candidate v2 in the local server: load',
      passed: false,
      detail: expect.stringMatching(/churn@v2: no float (probability )?output/)
    }
  ]);
  expect(result.report.summary).toMatch(
    /^infrastructure check failed: candidate v2 in the local server: load: /
  );
});

test('max_p99_ms and min_rps are checked when set', async () => {
  const f = await fixture([similar()]);
  const result = await runLoadTest(
    options(f, { ramp: [], durationMs: 600, objectives: withDefaults({ maxP99Ms: 0.001, minRps: 1e6 }) })
  );
  const byName = Object.fromEntries(result.report.objectives.map((o) => [o.objective, o]));
  expect(byName.max_p99_ms.passed).toBe(false);
  expect(byName.min_rps.passed).toBe(false);
  expect(byName.max_error_rate.passed).toBe(true);
  expect(result.exitCode).toBe(1);
});
