import { jest } from '@jest/globals';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { binaryModel, http, makeRegistry, STABLE_WEIGHTS } from './support.js';

jest.setTimeout(60_000);

const TOKEN = 'alias-watch-token';
const admin = { authorization: `Bearer ${TOKEN}` };

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function gauge(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  return Number(line?.slice(line.lastIndexOf(' ') + 1));
}

test('a server on an alias notices a promotion elsewhere, says so (log, metadata, metric), and reloads on the admin call', async () => {
  const f = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  const lines: string[] = [];
  const server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(f.registry),
    port: 0,
    adminToken: TOKEN,
    processMetrics: false,
    watchIntervalMs: 50,
    onAliasMove: (line) => lines.push(line)
  });
  try {
    const meta = async () =>
      ((await http('GET', `${server.url}/v2/models/churn`)).json() as { parameters: { alias: unknown } })
        .parameters.alias;
    await until(async () => ((await meta()) as { checked: string | null }).checked !== null);
    expect(await meta()).toMatchObject({
      alias: 'production',
      points_to: 1,
      served: 1,
      in_step: true,
      error: null
    });

    await f.registry.promote('churn', 2, 'production', 'elsewhere');
    await until(() => lines.length === 1);
    expect(lines[0]).toBe(
      'churn@production moved to v2 in the registry; this server still serves v1 (POST /admin/reload to serve it)'
    );
    expect(await meta()).toMatchObject({ points_to: 2, served: 1, in_step: false });
    const metrics = (await http('GET', `${server.url}/metrics`)).body;
    expect(gauge(metrics, 'mlci_alias_version')).toBe(2);
    expect(gauge(metrics, 'mlci_alias_in_step')).toBe(0);

    const reloaded = await http('POST', `${server.url}/admin/reload`, '', admin);
    expect(reloaded.status).toBe(200);
    expect(reloaded.json()).toMatchObject({
      stable: { version: 2 },
      canary: null,
      alias: { served: 2, in_step: true }
    });
    expect(await meta()).toMatchObject({ points_to: 2, served: 2, in_step: true });
    const infer = await http('GET', `${server.url}/v2/models/churn`);
    expect((infer.json() as { parameters: { version: number } }).parameters.version).toBe(2);
    expect(gauge((await http('GET', `${server.url}/metrics`)).body, 'mlci_alias_in_step')).toBe(1);

    // A rollback elsewhere: the alias goes back to v1, which this server no longer serves.
    await f.registry.promote('churn', 1, 'production', 'rollback');
    await until(() => lines.length === 2);
    expect(lines[1]).toMatch(/^churn@production moved to v1 in the registry; this server still serves v2/);
  } finally {
    await server.close();
    await f.cleanup();
  }
});

test('reload is refused during a rollout and on a server started on a version', async () => {
  const f = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  const source = registrySource(f.registry);
  const common = { source, port: 0, adminToken: TOKEN, processMetrics: false, watchIntervalMs: 1000 };
  const onAlias = await ModelServer.start({ ...common, model: { name: 'churn', alias: 'production' } });
  const onVersion = await ModelServer.start({ ...common, model: { name: 'churn', version: 1 } });
  try {
    await onAlias.setCanary(2, 10);
    const during = await http('POST', `${onAlias.url}/admin/reload`, '', admin);
    expect(during.status).toBe(409);
    expect(during.json()).toEqual({ error: 'a canary is loaded: finish or roll back the rollout first' });
    const fixed = await http('POST', `${onVersion.url}/admin/reload`, '', admin);
    expect(fixed.status).toBe(409);
    expect((fixed.json() as { error: string }).error).toMatch(/started on a version/);
    const unauthenticated = await http('POST', `${onAlias.url}/admin/reload`, '');
    expect(unauthenticated.status).toBe(401);
  } finally {
    await onAlias.close();
    await onVersion.close();
    await f.cleanup();
  }
});
