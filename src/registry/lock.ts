import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../core/errors.js';

/** How long to wait for a lock and when a held lock counts as abandoned. */
export interface LockOptions {
  /** A lock whose file was not touched for this long is taken over (its holder refreshes it). */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** Pause between attempts (jittered). */
  retryMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  at: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** A lock is abandoned when its holder on this host is dead, or when nobody refreshed it for staleMs. */
async function isStale(path: string, owner: LockOwner | null, staleMs: number): Promise<boolean> {
  if (owner && owner.host === hostname() && !isAlive(owner.pid)) return true;
  try {
    const info = await stat(path);
    return Date.now() - info.mtimeMs > staleMs;
  } catch {
    return false;
  }
}

/**
 * Takes over an abandoned lock without stealing a fresh one: the file is renamed aside (only one
 * process can win that rename), and if what was renamed turns out to be another process's new
 * lock, it is linked back into place.
 */
async function breakLock(path: string, observed: LockOwner | null): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const taken = await readOwner(aside);
  if (observed && taken && taken.token !== observed.token) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/**
 * Runs `fn` while holding an exclusive lock file created with O_EXCL, so two processes (or two
 * calls in one process) never interleave their read-modify-write of a registry.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const retryMs = options.retryMs ?? 25;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    at: new Date().toISOString()
  };
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(path);
    if (await isStale(path, holder, staleMs)) {
      await breakLock(path, holder);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : 'another process';
      throw new InputError(
        `registry is locked by ${who} (${path}); waited ${Math.round(timeoutMs / 1000)} s — remove the file if no mlci process is running`
      );
    }
    await sleep(retryMs + Math.random() * retryMs);
  }
  // Long operations keep the lock fresh so that nobody takes it over as abandoned.
  const refresh = setInterval(
    () => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    },
    Math.max(50, staleMs / 3)
  );
  refresh.unref();
  try {
    return await fn();
  } finally {
    clearInterval(refresh);
    const current = await readOwner(path);
    if (current?.token === owner.token) await unlink(path).catch(() => undefined);
  }
}
