import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../core/errors.js';

/** How long to wait for a lock and when a held lock counts as abandoned. */
export interface LockOptions {
  /** A lock of another host whose file was not touched for this long is taken over (its holder refreshes it). */
  staleMs?: number;
  /** A lock file without a readable owner (left by an older writer) is taken over after this long. */
  unreadableGraceMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** Pause between attempts (jittered). */
  retryMs?: number;
  /** Told once when a live holder has kept this call waiting for `noticeAfterMs` (default: a line on stderr). */
  onWait?: (message: string) => void;
  /** How long a wait lasts before `onWait` is told (short waits between concurrent writers are normal). */
  noticeAfterMs?: number;
  /** Told once the lock is held: how many pauses it took to get it (0: no wait at all). */
  onAcquired?: (pauses: number) => void;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  at: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process of this host is alive (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
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
    return typeof owner?.token === 'string' && typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

async function ageMs(path: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * A lock is abandoned when its holder on this host is dead (known at once), when it has no
 * readable owner past a short grace, or when its holder stopped refreshing it for staleMs.
 */
async function isStale(
  path: string,
  owner: LockOwner | null,
  options: Required<LockOptions>
): Promise<boolean> {
  if (owner && owner.host === hostname() && !processAlive(owner.pid)) return true;
  // A live pid may have been reused by another program: a holder that stopped refreshing is gone too.
  const age = await ageMs(path);
  if (age === null) return false;
  return age > (owner ? options.staleMs : options.unreadableGraceMs);
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
  if (taken && taken.token !== observed?.token) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/**
 * Creates the lock file with its owner already inside: the owner is written to a temporary file
 * that is then hard-linked to the lock path (link fails if the lock exists), so a process killed
 * at any point never leaves an empty lock behind. False when someone else holds it.
 */
async function tryAcquire(path: string, owner: LockOwner): Promise<boolean> {
  const temp = lockTempPath(path, owner.pid, owner.token);
  await writeFile(temp, JSON.stringify(owner), { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Where a lock's owner is written before it is linked into place (`<lock>.<pid>-<token>.tmp`). */
function lockTempPath(path: string, pid: number, token: string): string {
  return `${path}.${pid}-${token}.tmp`;
}

/** The pid in the name of a lock's temporary or set-aside file, or null when the name is not one. */
export function lockLeftoverPid(lockName: string, entry: string): number | null {
  if (!entry.startsWith(`${lockName}.`)) return null;
  const match = /^(?:stale-)?(\d+)-[0-9a-f]+(?:\.tmp)?$/.exec(entry.slice(lockName.length + 1));
  return match ? Number(match[1]) : null;
}

function resolveOptions(options: LockOptions): Required<LockOptions> {
  return {
    staleMs: options.staleMs ?? 30_000,
    unreadableGraceMs: options.unreadableGraceMs ?? 500,
    timeoutMs: options.timeoutMs ?? 120_000,
    retryMs: options.retryMs ?? 25,
    noticeAfterMs: options.noticeAfterMs ?? 1000,
    onAcquired: options.onAcquired ?? (() => undefined),
    onWait: options.onWait ?? ((message) => process.stderr.write(`mlci: ${message}\n`))
  };
}

/**
 * Runs `fn` while holding an exclusive lock file, so two processes (or two calls in one process)
 * never interleave their read-modify-write of a registry.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const settings = resolveOptions(options);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    at: new Date().toISOString()
  };
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  const deadline = started + settings.timeoutMs;
  let told = false;
  let pauses = 0;
  while (!(await tryAcquire(path, owner))) {
    const holder = await readOwner(path);
    if (await isStale(path, holder, settings)) {
      await breakLock(path, holder);
      continue;
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : 'another process';
    if (Date.now() > deadline) {
      throw new InputError(
        `registry is locked by ${who} (${path}); waited ${Math.round(settings.timeoutMs / 1000)} s — remove the file if no mlci process is running`
      );
    }
    if (!told && holder && Date.now() - started >= settings.noticeAfterMs) {
      told = true;
      settings.onWait(`waiting for the registry lock ${path}, held by ${who}`);
    }
    pauses++;
    await sleep(settings.retryMs + Math.random() * settings.retryMs);
  }
  settings.onAcquired(pauses);
  // Long operations keep the lock fresh so that nobody on another host takes it over as abandoned.
  const refresh = setInterval(
    () => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    },
    Math.max(50, settings.staleMs / 3)
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
