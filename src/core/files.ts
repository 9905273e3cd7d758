import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, basename, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: the data goes to a temporary sibling, is flushed, then renamed into place.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await ensureDir(dirname(path));
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
    if (errorCode(error) === 'EISDIR' || errorCode(error) === 'ENOTEMPTY')
      throw new InputError(`${path}: is a directory, expected a file`, { cause: error });
    throw error;
  }
}

/**
 * Creates a folder and its parents. A file where a folder is wanted (the folder itself or a parent)
 * is the user's mistake, reported with the path, not a crash; every output folder goes through here.
 */
export async function ensureDir(dir: string, what?: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    throw new InputError(await notADirectory(dir, what), { cause: error });
  }
}

/**
 * Fails with an InputError unless `dir` can be an output folder: it is a folder or does not exist yet,
 * and no parent is a file. Call it before the work, so a bad --out is refused before anything runs.
 */
export async function checkOutputDir(dir: string, what?: string): Promise<void> {
  const info = await statOrNull(dir);
  if (info?.isDirectory()) return;
  if (info || (await fileAncestor(dir))) throw new InputError(await notADirectory(dir, what));
}

/** Fails with an InputError unless `path` can be an output file: not a folder, and no parent is a file. */
export async function checkOutputFile(path: string, what?: string): Promise<void> {
  const label = what ? `${what} ${path}` : path;
  if ((await statOrNull(path))?.isDirectory())
    throw new InputError(`${label}: is a directory, expected a file`);
  const parent = await fileAncestor(path);
  if (parent) throw new InputError(`${label}: ${parent} is a file, expected a directory`);
}

async function notADirectory(dir: string, what?: string): Promise<string> {
  const label = what ? `${what} ${dir}` : dir;
  const info = await statOrNull(dir);
  if (info && !info.isDirectory()) return `${label}: exists and is a file, expected a directory`;
  const parent = await fileAncestor(dir);
  return parent
    ? `${label}: ${parent} is a file, expected a directory`
    : `${label}: cannot be created as a directory`;
}

// The nearest existing ancestor of `path` when it is not a folder, else null.
async function fileAncestor(path: string): Promise<string | null> {
  let current = dirname(resolve(path));
  for (;;) {
    const info = await statOrNull(current);
    if (info) return info.isDirectory() ? null : current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

async function statOrNull(path: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
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

/** Reads an input file; a missing or unreadable one is an InputError naming it (`what` says what it is). */
export async function readInput(path: string, what: string): Promise<Buffer>;
export async function readInput(path: string, what: string, encoding: 'utf8'): Promise<string>;
export async function readInput(path: string, what: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(path, encoding) : await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${what} not found: ${path}` : `${path}: cannot be read (${code})`
    );
  }
}
