import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { lockLeftoverPid, processAlive } from './lock.js';

/** Folder of a model's directory where files are built before they are renamed into place. */
export const STAGING = '.staging';
/** The lock file of a model's directory. */
export const LOCK = '.lock';
/**
 * Folder of a version's directory holding an attachment's files and its new record, renamed in as one
 * step: once it exists the attachment is decided, and moving its entries into place finishes it.
 */
export const PENDING = '.pending';

// Entries of other hosts (a shared network directory) cannot be checked by pid: they go after an hour.
const FOREIGN_STALE_MS = 60 * 60 * 1000;
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** A fresh staging entry name, `<pid>-<host>-<random>`: the pid lets the next command see its owner died. */
function stagingName(suffix = ''): string {
  return `${process.pid}-${HOST}-${randomBytes(6).toString('hex')}${suffix}`;
}

/** Retries an operation that fails with ENOENT because a sweep removed the empty staging folder meanwhile. */
async function retryOnMissingDir<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
    }
  }
}

/** Creates this process's own staging folder under a model's directory. */
export async function makeStagingDir(root: string): Promise<string> {
  const path = join(root, STAGING, stagingName());
  await retryOnMissingDir(() => mkdir(path, { recursive: true }));
  return path;
}

/**
 * Writes a file so that readers see the old or the whole new content: the bytes go to a staging
 * file (flushed), which is renamed over the target. A process killed midway leaves only a staging
 * file, which the next command removes.
 */
export async function writeAtomic(root: string, target: string, data: string | Uint8Array): Promise<void> {
  const temp = join(root, STAGING, stagingName('.tmp'));
  await retryOnMissingDir(async () => {
    await mkdir(join(root, STAGING), { recursive: true });
    await writeSynced(temp, data);
  });
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes a new file and flushes it to disk before returning, so that a rename publishes whole bytes. */
export async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether a staging entry's owner is gone: a dead pid of this host, or an hour old from another host. */
async function abandoned(path: string, entry: string): Promise<boolean> {
  const match = /^(\d+)-([0-9a-f]{8})-/.exec(entry);
  if (match && match[2] === HOST) return !processAlive(Number(match[1]));
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > FOREIGN_STALE_MS;
}

/**
 * Finishes the attachments killed processes decided, and removes what they left mid-write in a model's
 * directory: their staging folders and files, and the temporary files of the lock. Runs while holding the lock; live owners are kept.
 */
export async function sweepLeftovers(root: string, recordFile: string): Promise<void> {
  const rootEntries = await readdir(root).catch(() => [] as string[]);
  for (const entry of rootEntries) {
    if (/^v\d+$/.test(entry)) await finishPending(join(root, entry), recordFile);
  }
  const staging = join(root, STAGING);
  const entries = await readdir(staging).catch(() => [] as string[]);
  for (const entry of entries) {
    const path = join(staging, entry);
    if (await abandoned(path, entry)) await rm(path, { recursive: true, force: true });
  }
  await removeEmptyStaging(root);
  for (const entry of rootEntries) {
    const pid = lockLeftoverPid(LOCK, entry);
    if (pid !== null && !processAlive(pid)) await rm(join(root, entry), { force: true });
  }
}

/**
 * Moves a decided attachment's files into a version's directory, the record last, so that a process
 * killed at any point leaves a folder the next call finishes (renames of moved entries are not redone).
 * Runs while holding the lock.
 */
export async function finishPending(versionDir: string, recordFile: string): Promise<void> {
  const pending = join(versionDir, PENDING);
  const entries = await readdir(pending).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (entries === null) return;
  const ordered = [...entries.filter((e) => e !== recordFile), ...entries.filter((e) => e === recordFile)];
  for (const entry of ordered) await rename(join(pending, entry), join(versionDir, entry));
  await rmdir(pending);
}

/** Removes the staging folder when nothing is in it (rmdir refuses one a live writer is using). */
export async function removeEmptyStaging(root: string): Promise<void> {
  await rmdir(join(root, STAGING)).catch(() => undefined);
}
