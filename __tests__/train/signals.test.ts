import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// The runner bundled on its own, run in a child process that the test can interrupt like Ctrl-C.
const BUNDLE = resolve('node_modules/.cache/mlci-tests/train-runner.mjs');

beforeAll(async () => {
  await build({
    entryPoints: ['src/train/runner.ts'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error'
  });
}, 60_000);

async function alive(pid: number): Promise<boolean> {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('training runner and signals', () => {
  it('stops the training tree when mlci itself is interrupted (Ctrl-C, a cancelled job)', async () => {
    if (process.platform !== 'linux') return;
    const dir = await mkdtemp(join(tmpdir(), 'mlci-signal-'));
    const pidFile = join(dir, 'grandchild.pid');
    const command = `sleep 30 & echo $! > "${pidFile}"; sleep 30`;
    const script = `import(${JSON.stringify(BUNDLE)}).then((m) => m.runCommand({ command: ${JSON.stringify(command)}, cwd: ${JSON.stringify(dir)}, env: process.env, killGraceMs: 500 }))`;
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.once('exit', (_code, signal) => done(signal))
    );
    await waitFor(() => existsSync(pidFile) && readFile(pidFile, 'utf8').then((t) => t.trim() !== ''));
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(await alive(grandchild)).toBe(true);
    const stat = await readFile(`/proc/${grandchild}/stat`, 'utf8');
    const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    try {
      child.kill('SIGINT');
      expect(await exited).toBe('SIGINT');
      await waitFor(async () => !(await alive(grandchild)), 3000).catch(() => undefined);
      expect(await alive(grandchild)).toBe(false);
    } finally {
      // Leave nothing running if the runner failed to stop its tree.
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});
