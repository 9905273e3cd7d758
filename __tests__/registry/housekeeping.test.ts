// Partial effects and housekeeping of the register stage and the local registry (issue 16).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../test-support/cli.js';
import { startGitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubReleaseRegistry } from '../../src/github/release-registry.js';
import { registerStage } from '../../src/stages/register.js';
import { sha256Hex } from '../../src/registry/integrity.js';
import { LocalRegistry } from '../../src/registry/local.js';
import type { Registry } from '../../src/registry/types.js';
import { model } from './contract.js';

const run = promisify(execFile);
const NO_CONFIG = ['--config', '/nonexistent/mlci.yml'];
const STATISTICS = JSON.stringify({ format: 'mlci-statistics', columns: { a: { kind: 'numeric' } } });
let work: string;
let registryDir: string;
const reg = () => ['--registry', registryDir, ...NO_CONFIG];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-registry-house-'));
  registryDir = join(work, 'registry');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A model file (and nothing beside it) for a seed. */
async function modelFile(seed: number): Promise<string> {
  const dir = join(work, `m${seed}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), model(seed));
  return join(dir, 'model.onnx');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  );
}

async function deadPid(): Promise<number> {
  return Number((await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])).stdout);
}

describe('register validates everything before the first write', () => {
  it.each([
    [['--alias', '../x'], 'alias "../x" is not valid'],
    [['--alias', 'v1'], 'alias "v1" is not valid'],
    [['--alias', ''], 'alias "" is not valid'],
    [['--statistics', '/nonexistent/s.json'], 'statistics not found'],
    [['--statistics', 'NOT_STATS'], 'not mlci statistics'],
    [['--evaluation', '/nonexistent/e.json'], 'evaluation not found']
  ])('refuses %j with exit 2 and writes nothing', async (extra, message) => {
    const path = await modelFile(1);
    const notStats = join(work, 'not-stats.json');
    await writeFile(notStats, '{"rows": 3}');
    const args = extra.map((a) => (a === 'NOT_STATS' ? notStats : a));
    const result = await runCli(['register', '--model', path, '--name', 'churn', ...args, ...reg()]);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(await exists(registryDir)).toBe(false);
  });

  it('refuses a bad alias before creating a release on GitHub', async () => {
    const gh = await startGitHubEmulator({ owner: 'o', repo: 'r' });
    try {
      const registry = new GitHubReleaseRegistry(
        createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 }),
        { owner: 'o', repo: 'r' }
      );
      const path = await modelFile(1);
      await expect(
        registerStage({ model: path, name: 'churn', aliases: ['../x'] }, registry)
      ).rejects.toThrow('alias "../x" is not valid');
      expect(gh.state.releases).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});

/** Registers seeds 1, 2, 3 with alias staging, then registers seed 2 again with the same alias. */
async function rerunScenario(registry: Registry, moveAliasesIfRegistered?: boolean) {
  for (const seed of [1, 2, 3]) {
    await registerStage({ model: await modelFile(seed), name: 'churn', aliases: ['staging'] }, registry);
  }
  const history = await registry.history('churn');
  const again = await registerStage(
    { model: await modelFile(2), name: 'churn', aliases: ['staging'], moveAliasesIfRegistered },
    registry
  );
  return { history, again };
}

describe('a register that finds the model already registered changes nothing', () => {
  it('keeps staging on v3 (local, through the CLI) and says so', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await runCli([
        'register',
        '--model',
        await modelFile(seed),
        '--name',
        'churn',
        '--alias',
        'staging',
        ...reg()
      ]);
      expect(r.code).toBe(0);
    }
    const again = await runCli([
      'register',
      '--model',
      await modelFile(2),
      '--name',
      'churn',
      '--alias',
      'staging',
      ...reg()
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('churn@v2 is already registered with the same sha256');
    expect(again.stdout).toContain('churn@staging not moved (points to v3)');
    const store = new LocalRegistry(registryDir);
    expect(await store.aliases('churn')).toEqual({ staging: 3 });
    expect(await store.history('churn')).toHaveLength(3);
    const asked = await runCli([
      'register',
      '--model',
      await modelFile(2),
      '--name',
      'churn',
      '--alias',
      'staging',
      '--move-aliases',
      ...reg()
    ]);
    expect(asked.stdout).toContain('churn@staging moved: v3 → v2');
    expect(await store.aliases('churn')).toEqual({ staging: 2 });
  });

  it('keeps staging on v3 on GitHub, and moves it only when asked', async () => {
    const gh = await startGitHubEmulator({ owner: 'o', repo: 'r' });
    try {
      const registry = new GitHubReleaseRegistry(
        createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 }),
        { owner: 'o', repo: 'r' }
      );
      const { history, again } = await rerunScenario(registry);
      expect(again).toMatchObject({
        registered: false,
        aliasEvents: [],
        aliasesKept: [{ alias: 'staging', version: 3 }]
      });
      expect(await registry.aliases('churn')).toEqual({ staging: 3 });
      expect(await registry.history('churn')).toEqual(history);
      const moved = await registerStage(
        { model: await modelFile(2), name: 'churn', aliases: ['staging'], moveAliasesIfRegistered: true },
        registry
      );
      expect(moved.aliasEvents.map((e) => [e.from, e.to])).toEqual([[3, 2]]);
    } finally {
      await gh.close();
    }
  });
});

describe('mlci registry attach', () => {
  it('gives a version registered without statistics the statistics monitor needs', async () => {
    const path = await modelFile(1);
    expect((await runCli(['register', '--model', path, '--name', 'churn', ...reg()])).code).toBe(0);
    const stats = join(work, 'statistics.json');
    await writeFile(stats, STATISTICS);
    const rerun = await runCli([
      'register',
      '--model',
      path,
      '--name',
      'churn',
      '--statistics',
      stats,
      ...reg()
    ]);
    expect(rerun.stdout).toContain(
      'statistics.json was not stored: churn@v1 is already registered; add it with mlci registry attach churn v1 --statistics FILE'
    );
    const attached = await runCli(['registry', 'attach', 'churn', 'v1', '--statistics', stats, ...reg()]);
    expect([attached.code, attached.stderr]).toEqual([0, '']);
    expect(attached.stdout).toBe(`attached statistics.json to churn@v1 (sha256 ${sha256Hex(STATISTICS)})\n`);
    const store = new LocalRegistry(registryDir);
    const version = (await store.resolve({ name: 'churn', version: 1 }))!;
    expect(version.sha256).toBe(sha256Hex(model(1)));
    expect(version.attachments).toEqual([
      expect.objectContaining({
        file: 'statistics.json',
        sha256: sha256Hex(STATISTICS),
        by: expect.any(String)
      })
    ]);
    const show = await runCli(['registry', 'show', 'churn@v1', ...reg()]);
    expect(show.stdout).toMatch(/attached\n {4}\S+ {2}statistics\.json by /);
    const same = await runCli(['registry', 'attach', 'churn', 'v1', '--statistics', stats, ...reg()]);
    expect(same.stdout).toContain('already has statistics.json with the same bytes: unchanged');
    await writeFile(stats, STATISTICS.replace('numeric', 'categorical'));
    const refused = await runCli(['registry', 'attach', 'churn', 'v1', '--statistics', stats, ...reg()]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('use --force to replace it')]);
    const forced = await runCli([
      'registry',
      'attach',
      'churn',
      'v1',
      '--statistics',
      stats,
      '--force',
      ...reg()
    ]);
    expect(forced.code).toBe(0);
    expect((await store.resolve({ name: 'churn', version: 1 }))!.attachments).toHaveLength(2);
    const bad = join(work, 'bad.json');
    await writeFile(bad, '{"rows": 1}');
    const notStats = await runCli(['registry', 'attach', 'churn', 'v1', '--statistics', bad, ...reg()]);
    expect([notStats.code, notStats.stderr]).toEqual([2, expect.stringContaining('not mlci statistics')]);
    const noVersion = await runCli(['registry', 'attach', 'churn', 'v9', '--statistics', stats, ...reg()]);
    expect([noVersion.code, noVersion.stderr]).toEqual([2, expect.stringContaining('churn@v9')]);
    const nothing = await runCli(['registry', 'attach', 'churn', 'v1', ...reg()]);
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringContaining('nothing to attach')]);
  });
});

describe('local registry after kill -9', () => {
  it('takes over an empty lock (killed between creating and writing it) in well under a second', async () => {
    const root = join(registryDir, 'churn');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, '.lock'), '');
    const past = new Date(Date.now() - 2000);
    await utimes(join(root, '.lock'), past, past);
    const store = new LocalRegistry(registryDir, { lock: { timeoutMs: 5000 } });
    const started = Date.now();
    await store.register({ name: 'churn', model: model(1) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await readdir(root)).toEqual(['v1']);
  });

  it('removes staging folders and lock files of dead processes at the next write, keeping live ones', async () => {
    const root = join(registryDir, 'churn');
    const dead = await deadPid();
    const host = (await import('node:crypto'))
      .createHash('sha256')
      .update(hostname())
      .digest('hex')
      .slice(0, 8);
    const deadStaging = join(root, '.staging', `${dead}-${host}-abcdef012345`);
    const liveStaging = join(root, '.staging', `${process.pid}-${host}-abcdef012345`);
    await mkdir(deadStaging, { recursive: true });
    await mkdir(liveStaging, { recursive: true });
    await writeFile(join(deadStaging, 'model.onnx'), 'half');
    await writeFile(join(root, `.lock.${dead}-0123456789abcdef.tmp`), '{}');
    await writeFile(join(root, `.lock.stale-${dead}-01234567`), '{}');
    const store = new LocalRegistry(registryDir);
    await store.register({ name: 'churn', model: model(1) });
    expect(await exists(deadStaging)).toBe(false);
    expect(await exists(liveStaging)).toBe(true);
    expect(await readdir(join(root, '.staging'))).toEqual([`${process.pid}-${host}-abcdef012345`]);
    expect((await readdir(root)).sort()).toEqual(['.staging', 'v1']);
    await rm(liveStaging, { recursive: true });
    await store.promote('churn', 1, 'production', 'me');
    expect((await readdir(root)).sort()).toEqual(['aliases.json', 'v1']);
  });

  it('finishes a forced attach killed after it was decided: the new file and its sha256 arrive together', async () => {
    const store = new LocalRegistry(registryDir);
    await store.register({ name: 'churn', model: model(1) });
    const old = new TextEncoder().encode('old notes');
    const replacement = new TextEncoder().encode('new notes');
    await store.attach({ name: 'churn', version: 1, files: { 'notes.txt': old }, by: 'me' });
    // The same attach on a copy gives the files the killed process had staged.
    const copy = join(work, 'copy');
    await run('cp', ['-r', registryDir, copy]);
    await new LocalRegistry(copy).attach({
      name: 'churn',
      version: 1,
      files: { 'notes.txt': replacement },
      force: true,
      by: 'me'
    });
    // Killed after moving notes.txt into place, before the record: the record still waits in .pending.
    const v1 = join(registryDir, 'churn', 'v1');
    await mkdir(join(v1, '.pending'));
    await run('cp', [join(copy, 'churn', 'v1', 'notes.txt'), join(v1, 'notes.txt')]);
    await run('cp', [join(copy, 'churn', 'v1', 'version.json'), join(v1, '.pending', 'version.json')]);
    expect(new TextDecoder().decode(await store.download('churn', 1, 'notes.txt'))).toBe('new notes');
    expect(await readdir(v1)).not.toContain('.pending');
    const record = await store.resolve({ name: 'churn', version: 1 });
    expect(record!.checksums!['notes.txt']).toBe(sha256Hex(replacement));
    expect(record!.attachments!.map((a) => a.replaced)).toEqual([undefined, sha256Hex(old)]);
  });

  it('takes over a lock of a live pid of this host that nobody refreshed (the pid was reused)', async () => {
    const root = join(registryDir, 'churn');
    await mkdir(root, { recursive: true });
    const lock = join(root, '.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'old', at: 'then' }));
    const past = new Date(Date.now() - 10_000);
    await utimes(lock, past, past);
    const store = new LocalRegistry(registryDir, { lock: { staleMs: 5_000, timeoutMs: 3_000 } });
    expect((await store.register({ name: 'churn', model: model(1) })).version.version).toBe(1);
  });

  it('leaves no staging folder when two registrations of the same model meet under the lock', async () => {
    const store = new LocalRegistry(registryDir);
    const both = await Promise.all([1, 2].map(() => store.register({ name: 'churn', model: model(1) })));
    expect(both.map((r) => [r.version.version, r.created]).sort()).toEqual([
      [1, false],
      [1, true]
    ]);
    expect(await readdir(join(registryDir, 'churn'))).toEqual(['v1']);
  });

  it('says once that it waits for a live holder', async () => {
    const root = join(registryDir, 'churn');
    await mkdir(root, { recursive: true });
    const owner = { pid: process.pid, host: hostname(), token: 't', at: '2026-01-01T00:00:00Z' };
    await writeFile(join(root, '.lock'), JSON.stringify(owner));
    const told: string[] = [];
    const store = new LocalRegistry(registryDir, {
      lock: { timeoutMs: 300, noticeAfterMs: 50, onWait: (m) => told.push(m) }
    });
    await expect(store.register({ name: 'churn', model: model(1) })).rejects.toThrow('locked by process');
    expect(told).toEqual([
      `waiting for the registry lock ${join(root, '.lock')}, held by process ${process.pid} on ${hostname()} since 2026-01-01T00:00:00Z`
    ]);
  });

  it('writes nothing for a promote or rollback of an unknown model', async () => {
    const promote = await runCli(['registry', 'promote', 'nomodel', 'v1', ...reg()]);
    expect([promote.code, promote.stderr]).toEqual([2, expect.stringContaining('cannot promote nomodel@v1')]);
    const rollback = await runCli(['registry', 'rollback', 'nomodel', ...reg()]);
    expect([rollback.code, rollback.stderr]).toEqual([
      2,
      expect.stringContaining('nomodel@production does not exist')
    ]);
    expect(await exists(registryDir)).toBe(false);
  });
});
