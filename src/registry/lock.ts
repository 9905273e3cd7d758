import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, readdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/*
 * Taking over an abandoned lock, with at most one holder under any interleaving.
 *
 * A rename-aside-then-check scheme (and proper-lockfile's or npm lockfile's remove-then-create,
 * moxystudio/node-proper-lockfile#121, npm/lockfile#4) lets a slow breaker remove a lock another
 * process has just taken, because the file system has no "remove this file only if it is still
 * that one". So the right to remove a given abandoned file is itself a lock, on a name derived
 * from that file's identity: `<lock>.break-<key>`, where the key is a digest of the owner's token
 * (tokens are random and never reused; a file without a readable owner, which mlci never writes, is
 * keyed by its inode). Whoever creates the claim (with link, which fails if it exists) re-reads the
 * target, and removes it only if it still has that key and is still abandoned.
 *
 * Why this is safe: a file with key K is removed only by its owner or by the holder of the claim
 * on K after re-reading K in it. Between that re-read and the unlink nobody else can remove the
 * file (its owner is gone, other breakers lack the claim), and no new file can take its place
 * while it exists, so the unlink removes exactly the abandoned file. The claim has one holder at a
 * time by the same argument one level down: a claim whose creator died is itself an abandoned file,
 * taken over through a claim on its own key. Each level needs one more dead process, so the chain
 * is as short as the number of kills. The one assumption, as for any lock with stale detection: a
 * holder judged abandoned is really gone (a dead pid of this host is certain; another host's lock
 * relies on its holder refreshing it within staleMs).
 */

/** What a lock-like file is: its owner (null when unreadable) and the key its claims are named after. */
interface Seen {
  owner: LockOwner | null;
  key: string;
}

/** Reads a lock or claim file, or null when it does not exist. */
async function observe(path: string): Promise<Seen | null> {
  let ino: number;
  try {
    ino = (await stat(path)).ino;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const owner = await readOwner(path);
  return { owner, key: owner ? tokenKey(owner.token) : `i${ino}` };
}

/** A token as a file-name-safe claim key (tokens of foreign writers may hold any characters). */
function tokenKey(token: string): string {
  return `t${createHash('sha256').update(token).digest('hex').slice(0, 20)}`;
}

/** The claim that gives the right to remove a file of this key. */
function claimPath(lockPath: string, key: string): string {
  return `${lockPath}.break-${key}`;
}

// Claims on claims only arise when breakers die while breaking; past this depth, waiting is safer.
const MAX_CLAIM_DEPTH = 8;

/**
 * Removes the abandoned file `target` (the lock, or a claim whose creator died) as seen in `seen`.
 * True when the caller should look again at once; false when a live process is taking it over and
 * the caller should wait.
 */
async function takeOver(
  lockPath: string,
  target: string,
  seen: Seen,
  settings: Required<LockOptions>,
  depth = 0
): Promise<boolean> {
  const claim = claimPath(lockPath, seen.key);
  if (await linkOwner(lockPath, claim, newOwner())) {
    try {
      const now = await observe(target);
      if (now?.key === seen.key && (await isStale(target, now.owner, settings))) {
        await unlink(target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
    } finally {
      await unlink(claim).catch(() => undefined);
    }
    return true;
  }
  const rival = await observe(claim);
  if (rival === null) return true;
  if (depth >= MAX_CLAIM_DEPTH || !(await isStale(claim, rival.owner, settings))) return false;
  return takeOver(lockPath, claim, rival, settings, depth + 1);
}

/**
 * Removes claims left by breakers killed mid-claim. Runs while holding the lock: the lock then
 * holds this holder's token, which no other claim is keyed on and no file will ever hold again,
 * so removing a dead breaker's claim cannot lead anyone to remove the live lock. When someone
 * claims this holder's own lock (it was judged abandoned), nothing is touched.
 */
async function sweepClaims(
  lockPath: string,
  owner: LockOwner,
  settings: Required<LockOptions>
): Promise<void> {
  const prefix = `${basename(lockPath)}.break-`;
  const entries = (await readdir(dirname(lockPath)).catch(() => [] as string[])).filter((e) =>
    e.startsWith(prefix)
  );
  if (entries.includes(basename(claimPath(lockPath, tokenKey(owner.token))))) return;
  for (const entry of entries) {
    const path = join(dirname(lockPath), entry);
    const seen = await observe(path).catch(() => null);
    if (seen && (await isStale(path, seen.owner, settings))) await unlink(path).catch(() => undefined);
  }
}

/** A fresh owner record of this process (each lock attempt and each claim gets its own token). */
function newOwner(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    at: new Date().toISOString()
  };
}

/**
 * Creates `target` with its owner already inside: the owner is written to a temporary file that is
 * then hard-linked to the target (link fails if it exists), so a process killed at any point never
 * leaves an empty lock or claim behind. False when the target exists.
 */
async function linkOwner(lockPath: string, target: string, owner: LockOwner): Promise<boolean> {
  const temp = lockTempPath(lockPath, owner.pid, owner.token);
  await writeFile(temp, JSON.stringify(owner), { flag: 'wx' });
  try {
    await link(temp, target);
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

/** The pid in the name of a lock's temporary file (or one set aside by older versions), or null when the name is not one. */
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
  const owner = newOwner();
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  const deadline = started + settings.timeoutMs;
  let told = false;
  let pauses = 0;
  while (!(await linkOwner(path, path, owner))) {
    const seen = await observe(path);
    if (seen === null) continue;
    if ((await isStale(path, seen.owner, settings)) && (await takeOver(path, path, seen, settings))) continue;
    const holder = seen.owner;
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
    await sweepClaims(path, owner, settings);
    return await fn();
  } finally {
    clearInterval(refresh);
    const current = await readOwner(path);
    if (current?.token === owner.token) await unlink(path).catch(() => undefined);
  }
}
