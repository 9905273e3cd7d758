import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { http, makeRegistry, row, v2Body } from './support.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

test('mlci serve loads the production version, serves until SIGTERM, then drains and exits 0', async () => {
  const { registry, dir, cleanup } = await makeRegistry();
  const port = await freePort();
  const running = runCli([
    'serve',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--port',
    String(port),
    '--config',
    join(dir, 'none.yml'),
    '--admin-token',
    'tok'
  ]);
  const base = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let i = 0; i < 100 && !ready; i++) {
    ready = await http('GET', `${base}/v2/health/ready`).then(
      (a) => a.status === 200,
      () => false
    );
    if (!ready) await new Promise((r) => setTimeout(r, 50));
  }
  expect(ready).toBe(true);
  const answer = await http('POST', `${base}/v2/models/churn/infer`, v2Body([row(1)]));
  expect(answer.status).toBe(200);
  expect(answer.headers['mlci-model-version']).toBe('1');
  const state = await http('GET', `${base}/admin/state`, undefined, { authorization: 'Bearer tok' });
  expect(state.json()).toMatchObject({ model: 'churn', stable: { version: 1 } });
  process.emit('SIGTERM');
  const run = await running;
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/serving churn@v1 on http:\/\/127.0.0.1:\d+ \(admin API on\)/);
  expect(run.stderr).toMatch(/SIGTERM: draining/);
  await expect(http('GET', `${base}/v2/health/live`)).rejects.toThrow();
  await cleanup();
});

test('mlci serve refuses a model the registry does not have, with exit 2', async () => {
  const { registry, dir, cleanup } = await makeRegistry();
  const run = await runCli([
    'serve',
    '--registry',
    registry.dir,
    '--model',
    'churn@v9',
    '--port',
    '0',
    '--config',
    join(dir, 'none.yml')
  ]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/version v9 not found/);
  await cleanup();
});

test('mlci serve --log under an existing file exits 2 naming the path', async () => {
  const { registry, dir, cleanup } = await makeRegistry();
  try {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const run = await runCli([
      'serve',
      '--registry',
      registry.dir,
      '--model',
      'churn',
      '--port',
      '0',
      '--log',
      join(file, 'predictions.jsonl'),
      '--config',
      join(dir, 'none.yml')
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `prediction log ${join(file, 'predictions.jsonl')}: ${file} is a file, expected a directory`
    );
    expect(run.stderr).not.toMatch(/unexpected|this is a bug/);
  } finally {
    await cleanup();
  }
});

test('mlci serve refuses an empty or non-decimal number flag (--port "" listened on a random port)', async () => {
  const { registry, dir, cleanup } = await makeRegistry();
  try {
    const base = ['serve', '--registry', registry.dir, '--model', 'churn', '--config', join(dir, 'none.yml')];
    for (const [flag, value] of [
      ['--port', ''],
      ['--port', '0x50'],
      ['--max-rows', ' '],
      ['--log-sample', '0x1']
    ]) {
      const run = await runCli([...base, flag, value]);
      expect({ flag, value, code: run.code }).toEqual({ flag, value, code: 2 });
      expect(run.stderr).toContain(`${flag}: got "${value}", expected`);
    }
  } finally {
    await cleanup();
  }
});
