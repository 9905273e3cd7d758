/**
 * max_p99_ratio_vs_stable on a busy machine: a candidate identical to stable passes with the
 * default objectives, and one with an artificial +20 ms latency fails a 1.5× limit. The test itself
 * adds CPU load (a busy loop in another process) so that scheduler pauses land on both versions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { jest } from '@jest/globals';
import { withDefaults } from '../../src/loadtest/objectives.js';
import { runLoadTest, type LoadTestOptions } from '../../src/stages/loadtest.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { makeRegistry } from '../serve/support.js';
import { delayingProxy, writeRows } from './support.js';

jest.setTimeout(90_000);

let made: Awaited<ReturnType<typeof makeRegistry>>;
let stable: ModelServer;
let twin: ModelServer;
let busy: ChildProcess;
let rows: string;

beforeAll(async () => {
  made = await makeRegistry();
  rows = await writeRows(made.dir);
  const source = registrySource(made.registry);
  const start = () =>
    ModelServer.start({ model: { name: 'churn', version: 1 }, source, port: 0, processMetrics: false });
  stable = await start();
  twin = await start();
  busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
});

afterAll(async () => {
  busy?.kill('SIGKILL');
  await twin?.close();
  await stable?.close();
  await made?.cleanup();
});

function options(url: string, extra: Partial<LoadTestOptions> = {}): LoadTestOptions {
  return {
    model: 'churn',
    url,
    stableUrl: stable.url,
    registry: made.registry,
    alias: 'production',
    rate: 150,
    headroom: 2,
    durationMs: 2000,
    ramp: [],
    replay: rows,
    dropColumns: ['label'],
    objectives: withDefaults({ maxP99RatioVsStable: 1.5 }),
    ...extra
  };
}

const ratioOf = (r: Awaited<ReturnType<typeof runLoadTest>>) =>
  r.report.objectives.find((o) => o.objective === 'max_p99_ratio_vs_stable')!;

test('a candidate identical to stable passes max_p99_ratio_vs_stable (defaults) under CPU load', async () => {
  const result = await runLoadTest(options(twin.url));
  const ratio = ratioOf(result);
  console.log(`identical: ${ratio.detail} → ${ratio.passed ? 'pass' : 'FAIL'}`);
  expect(ratio.passed).toBe(true);
});

test('a candidate with +20 ms fails max_p99_ratio_vs_stable: 1.5 under CPU load', async () => {
  const slow = await delayingProxy(twin.url, 20);
  try {
    const result = await runLoadTest(options(slow.url));
    const ratio = ratioOf(result);
    console.log(`+20 ms: ${ratio.detail} → ${ratio.passed ? 'pass' : 'FAIL'}`);
    expect(ratio.passed).toBe(false);
    expect(result.exitCode).toBe(1);
  } finally {
    await slow.close();
  }
});
