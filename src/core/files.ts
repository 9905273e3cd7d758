import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { InputError } from './errors.js';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: the data goes to a temporary sibling, is flushed, then renamed into place.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes a value as pretty JSON, atomically. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/** Fails with an InputError naming the path unless it is an existing regular file. */
export async function requireFile(path: string, what = 'file'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${what} not found: ${path}`);
  }
  if (info.isDirectory()) throw new InputError(`${what} is a directory, expected a file: ${path}`);
}
