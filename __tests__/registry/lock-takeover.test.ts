// Stale-lock takeover under kill -9: holders die inside the lock (and breakers while they break it),
// yet no two live processes are ever inside the lock at once and no increment reported done is lost.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { withLock } from '../../src/registry/lock.js';

const WORKERS = 10;
const DURATION_MS = Number(process.env.MLCI_LOCK_STRESS_MS ?? 12_000);

// Read-modify-write of a shared list of increments inside the lock, with a marker that only one live
// process may hold; some holders kill themselves before or after their write. Prints each increment
// once written, and OVERLAP when it finds another live process inside.
const CHILD = `
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
const { withLock } = await import(process.argv[2]);
const dir = process.argv[3];
const id = process.argv[4];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; ; i++) {
  await withLock(dir + '/.lock', async () => {
    const marker = dir + '/inside';
    try {
      closeSync(openSync(marker, 'wx'));
    } catch {
      const other = Number(readFileSync(marker, 'utf8') || 0);
      if (other !== process.pid && alive(other)) process.stdout.write('OVERLAP ' + other + '\\n');
    }
    writeFileSync(marker, String(process.pid));
    const done = JSON.parse(readFileSync(dir + '/counter.json', 'utf8'));
    await pause(Math.random() * 2);
    if (Math.random() < 0.04) process.kill(process.pid, 'SIGKILL');
    done.push(id + '-' + i);
    // Written aside and renamed, so that a kill mid-write never leaves half a list.
    writeFileSync(dir + '/counter.' + process.pid, JSON.stringify(done));
    renameSync(dir + '/counter.' + process.pid, dir + '/counter.json');
    process.stdout.write('DONE ' + id + '-' + i + '\\n');
    if (Math.random() < 0.04) process.kill(process.pid, 'SIGKILL');
    unlinkSync(marker);
  }, { timeoutMs: 20000 });
}
`;

let work: string;
let bundle: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-lock-takeover-'));
  bundle = join(work, 'lock.mjs');
  await build({
    entryPoints: [resolve('src/registry/lock.ts')],
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

describe('withLock under kill -9', () => {
  it('never has two live holders and loses no increment reported done', async () => {
    const dir = join(work, 'shared');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, 'counter.json'), '[]');
    const reported = new Set<string>();
    const overlaps: string[] = [];
    const failures: string[] = [];
    const running = new Set<ReturnType<typeof spawn>>();
    let next = 0;
    const start = () => {
      const id = `w${next++}`;
      const child = spawn(process.execPath, [join(work, 'child.mjs'), bundle, dir, id], {
        stdio: ['ignore', 'pipe', 'pipe']
      });
      running.add(child);
      let text = '';
      let errors = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const lines = text.split('\n');
        text = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('DONE ')) reported.add(line.slice(5));
          if (line.startsWith('OVERLAP')) overlaps.push(`${id}: ${line}`);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('exit', (code, signal) => {
        running.delete(child);
        if (signal !== 'SIGKILL') failures.push(`${id} ended with ${code ?? signal}: ${errors}`);
        if (!stopping) start();
      });
    };
    let stopping = false;
    for (let i = 0; i < WORKERS; i++) start();
    // Kills from outside too, so that some processes die while taking over someone else's lock.
    const deadline = Date.now() + DURATION_MS;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 80));
      const all = [...running];
      all[Math.floor(Math.random() * all.length)]?.kill('SIGKILL');
    }
    stopping = true;
    await Promise.all(
      [...running].map(
        (child) =>
          new Promise((r) => {
            child.once('exit', r);
            child.kill('SIGKILL');
          })
      )
    );
    const stored = JSON.parse(await readFile(join(dir, 'counter.json'), 'utf8')) as string[];
    expect(failures).toEqual([]);
    expect(overlaps).toEqual([]);
    expect(reported.size).toBeGreaterThan(200);
    // A process killed between its write and its report adds an increment nobody reported; none may go missing.
    expect([...reported].filter((inc) => !stored.includes(inc))).toEqual([]);
    expect(new Set(stored).size).toBe(stored.length);
    // Claims of killed breakers do not pile up: the next holder removes them.
    await withLock(join(dir, '.lock'), async () => undefined, { timeoutMs: 5000 });
    expect((await readdir(dir)).filter((e) => e.includes('break-'))).toEqual([]);
  }, 60_000);
});
