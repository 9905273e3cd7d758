// A canary rollout that replays a test set against the production server must not feed the
// prediction log the monitor reads: replayed rows are marked and left out by default.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLogWindow } from '../../src/monitor/log.js';
import { deployCanary } from '../../src/stages/deploy.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { binaryModel, FEATURES, http, makeRegistry, row, STABLE_WEIGHTS, v2Body } from './support.js';

test('a canary run followed by reading the log for monitoring yields only ordinary rows', async () => {
  const { registry, dir, cleanup } = await makeRegistry([
    binaryModel(
      STABLE_WEIGHTS.map(([w]) => [w * (1 + 1e-6)]),
      0.1
    )
  ]);
  const log = join(dir, 'logs', 'predictions.jsonl');
  const server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(registry),
    port: 0,
    adminToken: 'tok',
    processMetrics: false,
    log: { path: log, sampleRate: 1, statsIntervalMs: 60_000 }
  });
  try {
    // Ordinary production traffic: 12 requests of one row each.
    for (let i = 0; i < 12; i++)
      expect((await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(i)]))).status).toBe(200);
    const replay = join(dir, 'test.csv');
    const lines = [[...FEATURES, 'label'].join(',')];
    for (let i = 0; i < 40; i++)
      lines.push([...FEATURES.map((f) => row(100 + i)[f].toFixed(4)), '1'].join(','));
    await writeFile(replay, lines.join('\n') + '\n');
    const result = await deployCanary({
      model: 'churn',
      version: 2,
      target: 'server',
      server: server.url,
      adminToken: 'tok',
      registry,
      steps: [50, 100],
      intervalMs: 800,
      thresholds: { minRequests: 5, p99SlackMs: 1000 },
      replay,
      rate: 60,
      stateFile: join(dir, 'state.json')
    });
    expect(result.report.analyses[0].analysis.canary.requests).toBeGreaterThan(5);
  } finally {
    await server.close();
  }
  try {
    const text = await readFile(log, 'utf8');
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source?: string });
    const replayed = records.filter((r) => r.source === 'replay').length;
    expect(replayed).toBeGreaterThan(5);
    expect(records.length).toBe(12 + replayed);

    const window = await readLogWindow(log, { model: 'churn' });
    expect(window.rows).toHaveLength(12);
    expect(window.rows.every((r) => r.source === undefined)).toBe(true);
    expect(window.otherSources).toEqual({ replay: replayed });
    const all = await readLogWindow(log, { model: 'churn', includeReplayed: true });
    expect(all.rows).toHaveLength(12 + replayed);

    // The running statistics describe production's rows only.
    const stats = JSON.parse(await readFile(`${log}.stats.json`, 'utf8')) as {
      rows: number;
      features: Record<string, { count: number }>;
    };
    expect(stats.rows).toBe(12);
    expect(stats.features.f0.count).toBe(12);
  } finally {
    await cleanup();
  }
});

test('an unknown mlci-traffic header is refused with 400, naming the header', async () => {
  const { registry, cleanup } = await makeRegistry();
  const server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(registry),
    port: 0,
    processMetrics: false
  });
  try {
    const answer = await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(1)]), {
      'mlci-traffic': 'bogus'
    });
    expect(answer.status).toBe(400);
    expect((answer.json() as { error: string }).error).toMatch(
      /header mlci-traffic: "bogus", expected replay or shadow/
    );
    const shadow = await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(1)]), {
      'mlci-traffic': 'shadow'
    });
    expect(shadow.status).toBe(200);
  } finally {
    await server.close();
    await cleanup();
  }
});
