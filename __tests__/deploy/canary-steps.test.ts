// Step lists and rates that cannot judge a canary are refused or said up front; a rollout whose
// server promoted the canary but whose alias never moved is finished by a re-run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FAILURE_LIMIT } from '../../src/config/defaults.js';
import { DEFAULT_THRESHOLDS } from '../../src/deploy/analysis.js';
import { runRollout, type RolloutEvent, type RolloutOptions } from '../../src/deploy/rollout.js';
import { ServerTarget } from '../../src/deploy/target.js';
import { rowBody } from '../../src/deploy/traffic.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { deployCanary } from '../../src/stages/deploy.js';
import { buildDeployRequest } from '../../src/stages/deploy-request.js';
import { binaryModel, makeRegistry, row, STABLE_WEIGHTS } from '../serve/support.js';
import type { LocalRegistry } from '../../src/registry/local.js';

const TOKEN = 'admin-secret';
let server: ModelServer;
let registry: LocalRegistry;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await makeRegistry([
    binaryModel(
      STABLE_WEIGHTS.map(([w]) => [w * 1.02]),
      0.1
    )
  ]);
  registry = made.registry;
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

const bodies = Array.from({ length: 300 }, (_, i) => JSON.stringify(rowBody(row(i))));

function options(extra: Partial<RolloutOptions>): RolloutOptions {
  return {
    version: 2,
    steps: [10, 50, 100],
    failureLimit: DEFAULT_FAILURE_LIMIT,
    thresholds: { ...DEFAULT_THRESHOLDS },
    shadow: true,
    traffic: { bodies, rate: 50 },
    ...extra
  };
}

describe('steps that leave stable nothing to compare latency with', () => {
  it('refuses a first step of 100 % wherever steps are read', async () => {
    const target = new ServerTarget(server.url, TOKEN, 'churn');
    await expect(runRollout(target, options({ steps: [100] }))).rejects.toThrow(
      /first step \(100 %\) leaves stable no traffic to compare the canary's latency with/
    );
    await expect(
      buildDeployRequest({ model: 'churn', version: 'v2', steps: '100', registry: 'x' }, null)
    ).rejects.toThrow(/^--steps: the first step \(100 %\)/);
  });

  it('refuses a first step of 99 % before the canary gets any traffic, saying how little stable would get', async () => {
    const target = new ServerTarget(server.url, TOKEN, 'churn');
    await expect(runRollout(target, options({ steps: [99] }))).rejects.toThrow(
      /step 1 \(99 %\) leaves stable about 1 requests in its 3\.79 s interval, fewer than the 20 latencies needed/
    );
    expect(server.state()).toMatchObject({ stable: { version: 1 }, canary: null });
  });
});

describe('timing that cannot reach the sample', () => {
  it('refuses an interval too short to see any traffic, by flag and by option', async () => {
    for (const interval of ['0', '0s', '1ms']) {
      await expect(
        buildDeployRequest({ model: 'churn', version: 'v2', interval, registry: 'x' }, null)
      ).rejects.toThrow(/^--interval: \d+ ms is too short for an analysis to see any traffic/);
    }
    const target = new ServerTarget(server.url, TOKEN, 'churn');
    await expect(runRollout(target, options({ intervalMs: 0 }))).rejects.toThrow(
      /^interval: 0 ms is too short/
    );
  });

  it('states the bound of --rate once: 0 and negative rates get the same sentence', async () => {
    for (const rate of ['0', '-5']) {
      await expect(
        buildDeployRequest({ model: 'churn', version: 'v2', rate, registry: 'x' }, null)
      ).rejects.toThrow(`--rate: got "${rate}", expected a number > 0`);
    }
  });

  it('warns when the rate gives a step fewer requests than an analysis needs, and the pause says why', async () => {
    const target = new ServerTarget(server.url, TOKEN, 'churn');
    const events: RolloutEvent[] = [];
    const report = await runRollout(
      target,
      options({ intervalMs: 300, onEvent: (e) => void events.push(e) })
    );
    const warning = events.find((e) => e.kind === 'warning');
    expect(warning).toMatchObject({
      message: expect.stringMatching(
        /^at 50\.0 requests\/s, step 1 \(10 %\) gives the canary about 1 requests in its 0\.3 s interval, fewer than the 150 an analysis needs/
      )
    });
    // Emitted before any traffic step.
    expect(events.findIndex((e) => e.kind === 'warning')).toBeLessThan(
      events.findIndex((e) => e.kind === 'step' && e.step === 1)
    );
    expect(report.outcome).toBe('paused');
    expect(report.reason).toContain('gives the canary about 1 requests in its 0.3 s interval');
    await server.rollback();
  });
});

describe('a rollout killed between the server promotion and the alias move', () => {
  it('is finished by a re-run: the alias follows the version the server already serves', async () => {
    const target = new ServerTarget(server.url, TOKEN, 'churn');
    // What runRollout does last, before its caller moves the alias: the process dies right after.
    await target.setCanary(2, 10, false);
    await target.promote();
    expect((await registry.aliases('churn')).production).toBe(1);
    const dir = await mkdtemp(join(tmpdir(), 'mlci-canary-rerun-'));
    try {
      const replay = join(dir, 'replay.jsonl');
      await writeFile(replay, Array.from({ length: 20 }, (_, i) => JSON.stringify(row(i))).join('\n') + '\n');
      const result = await deployCanary({
        model: 'churn',
        version: 2,
        target: 'server',
        server: server.url,
        adminToken: TOKEN,
        registry,
        replay,
        stateFile: join(dir, 'state.json')
      });
      expect(result.report.outcome).toBe('promoted');
      expect(result.report.reason).toMatch(
        /v2 is already the stable version on mlci server .*: an earlier rollout promoted it there and stopped before the alias moved/
      );
      expect(result.report.analyses).toEqual([]);
      expect(result.alias).toMatchObject({ alias: 'production', from: 1, to: 2 });
      expect((await registry.aliases('churn')).production).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is finished by --resume without a state file too (a fresh CI job), instead of "nothing to resume"', async () => {
    // The server serves v2 as stable (the test above) while the alias points at v1 again.
    await registry.promote('churn', 1, 'production', 'test');
    const dir = await mkdtemp(join(tmpdir(), 'mlci-canary-resume-'));
    try {
      const result = await deployCanary({
        model: 'churn',
        version: 2,
        target: 'server',
        server: server.url,
        adminToken: TOKEN,
        registry,
        resume: true,
        stateFile: join(dir, 'state.json')
      });
      expect(result.report.outcome).toBe('promoted');
      expect((await registry.aliases('churn')).production).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
