import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { InputError } from '../../src/core/errors.js';
import { sha256Hex } from '../../src/registry/integrity.js';
import { LocalRegistry } from '../../src/registry/local.js';

const run = promisify(execFile);
let work: string;
let bundle: string;

// Each child registers its own models and moves an alias after each one, all against one directory.
const CHILD = `
const { LocalRegistry } = await import(process.argv[2]);
const registry = new LocalRegistry(process.argv[3]);
const id = process.argv[4];
const out = [];
for (let i = 0; i < 6; i++) {
  const model = new TextEncoder().encode('model ' + id + ' ' + i);
  const { version } = await registry.register({ name: 'churn', model, verdict: 'pass', by: id,
    files: { 'evaluation.json': new TextEncoder().encode(JSON.stringify({ id, i })) } });
  await registry.promote('churn', version.version, 'latest-' + id, id);
  out.push(version.version);
}
process.stdout.write(JSON.stringify(out));
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-registry-proc-'));
  bundle = join(work, 'local.mjs');
  await build({
    entryPoints: [resolve('src/registry/local.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent'
  });
  await writeFile(join(work, 'child.mjs'), CHILD);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('LocalRegistry across processes', () => {
  it('gives two processes registering at once distinct versions and loses no alias move', async () => {
    const dir = join(work, 'two-processes');
    const children = ['a', 'b'].map((id) =>
      run(process.execPath, [join(work, 'child.mjs'), bundle, dir, id], { timeout: 30_000 })
    );
    const [a, b] = (await Promise.all(children)).map((r) => JSON.parse(r.stdout) as number[]);
    expect(new Set([...a, ...b]).size).toBe(12);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const registry = new LocalRegistry(dir);
    const versions = await registry.list('churn');
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [id, numbers] of [
      ['a', a],
      ['b', b]
    ] as const) {
      numbers.forEach((number, i) => {
        const version = versions[number - 1];
        expect(version.registeredBy).toBe(id);
        expect(version.sha256).toBe(sha256Hex(`model ${id} ${i}`));
      });
      for (const number of numbers) {
        const evaluation = JSON.parse(
          new TextDecoder().decode(await registry.download('churn', number, 'evaluation.json'))
        );
        expect(evaluation.id).toBe(id);
      }
    }
    const history = await registry.history('churn');
    expect(history).toHaveLength(12);
    expect(await registry.aliases('churn')).toEqual({ 'latest-a': a[5], 'latest-b': b[5] });
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = join(work, 'stale');
    await mkdir(join(dir, 'churn'), { recursive: true });
    const dead = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const lock = join(dir, 'churn', '.lock');
    await writeFile(
      lock,
      JSON.stringify({
        pid: Number(dead.stdout),
        host: (await import('node:os')).hostname(),
        token: 'x',
        at: 'then'
      })
    );
    const registry = new LocalRegistry(dir, { lock: { timeoutMs: 2000 } });
    const { version } = await registry.register({ name: 'churn', model: new Uint8Array([1, 2, 3]) });
    expect(version.version).toBe(1);
    await expect(readFile(lock)).rejects.toThrow(/ENOENT/);
  });

  it('takes over a lock nobody refreshed for longer than the stale time', async () => {
    const dir = join(work, 'old');
    await mkdir(join(dir, 'churn'), { recursive: true });
    const lock = join(dir, 'churn', '.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 'y', at: 'then' }));
    const past = new Date(Date.now() - 10_000);
    await utimes(lock, past, past);
    const registry = new LocalRegistry(dir, { lock: { staleMs: 5_000, timeoutMs: 2000 } });
    expect((await registry.register({ name: 'churn', model: new Uint8Array([4]) })).version.version).toBe(1);
  });

  it('waits for a live lock and then names its holder', async () => {
    const dir = join(work, 'held');
    await mkdir(join(dir, 'churn'), { recursive: true });
    const lock = join(dir, 'churn', '.lock');
    await writeFile(
      lock,
      JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 'z', at: '2026-01-01T00:00:00Z' })
    );
    const registry = new LocalRegistry(dir, { lock: { timeoutMs: 300 } });
    const started = Date.now();
    const error = await registry
      .register({ name: 'churn', model: new Uint8Array([5]) })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      `locked by process ${process.pid} on elsewhere since 2026-01-01T00:00:00Z`
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await registry.list('churn')).toEqual([]);
  });
});

describe('LocalRegistry directory hygiene', () => {
  it('skips a stray version directory without a record instead of failing on it', async () => {
    const dir = join(work, 'stray');
    await mkdir(join(dir, 'churn', 'v1'), { recursive: true });
    await writeFile(join(dir, 'churn', 'v1', 'notes.txt'), 'copied by hand');
    const registry = new LocalRegistry(dir);
    const { version } = await registry.register({ name: 'churn', model: new Uint8Array([9]) });
    expect(version.version).toBe(2);
    expect((await registry.list('churn')).map((v) => v.version)).toEqual([2]);
    expect(await readFile(join(dir, 'churn', 'v1', 'notes.txt'), 'utf8')).toBe('copied by hand');
  });
});
