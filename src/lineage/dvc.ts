// DVC-tracked data (docs/lineage.md): the md5 that dvc.lock or a `<file>.dvc` records stands for
// the file's version, so a large tracked file is not hashed a second time, and a tracked file that
// is absent from the workspace is named as such ("run dvc pull") instead of "not found".
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DvcRecord } from './record.js';

// dvc.lock and .dvc files are small; a larger file is not one DVC wrote.
const MAX_DVC_FILE_BYTES = 8 * 2 ** 20;
// How far up from a data file a dvc.lock or .dvc file is looked for when no DVC root is found.
const MAX_LEVELS = 32;

/** One tracked path as a DVC file records it: absolute path, md5 and size. */
interface TrackedOut {
  path: string;
  md5: string;
  size: number | null;
  file: string;
}

/**
 * The DVC record of a data file, when a `.dvc` file or a dvc.lock between the file and the DVC
 * repository root (the folder holding `.dvc/`, else the git root) tracks it or a folder holding it.
 * `root` is what recorded paths are relative to. Null when DVC does not track the file.
 */
export async function dvcRecordFor(file: string, root: string): Promise<DvcRecord | null> {
  const absolute = resolve(file);
  for (const dvcFile of await candidateDvcFiles(absolute)) {
    const outs = await trackedOuts(dvcFile);
    const exact = outs.find((o) => o.path === absolute);
    const holder = exact ?? outs.find((o) => absolute.startsWith(o.path + sep));
    if (holder) {
      return {
        md5: holder.md5,
        size: holder.size,
        file: projectPath(root, holder.file),
        path: projectPath(root, holder.path)
      };
    }
  }
  return null;
}

/**
 * The message for a data file that does not exist: when DVC tracks it, says to run `dvc pull`
 * (naming the DVC file and its md5); otherwise `<what> not found: <path>`.
 */
export async function missingDataMessage(file: string, what = 'data file'): Promise<string> {
  const record = await dvcRecordFor(file, process.cwd()).catch(() => null);
  if (!record) return `${what} not found: ${file}`;
  const holder = record.path.endsWith(basename(file)) ? '' : ` (in the tracked folder ${record.path})`;
  return (
    `${what} ${file} is tracked by DVC${holder} but is not in the workspace: run \`dvc pull\` ` +
    `(${record.file} records md5 ${record.md5})`
  );
}

// The DVC files that may track `file`: `<file>.dvc`, then per folder up to the DVC root its
// `<folder>.dvc` and dvc.lock.
async function candidateDvcFiles(file: string): Promise<string[]> {
  const found: string[] = [];
  const add = async (path: string) => {
    if (await isFile(path)) found.push(path);
  };
  await add(`${file}.dvc`);
  let dir = dirname(file);
  for (let level = 0; level < MAX_LEVELS; level++) {
    await add(join(dir, 'dvc.lock'));
    const parent = dirname(dir);
    if (parent === dir) break;
    await add(join(parent, `${basename(dir)}.dvc`));
    if ((await isDirectory(join(dir, '.dvc'))) || (await exists(join(dir, '.git')))) break;
    dir = parent;
  }
  return found;
}

// The outs of a .dvc file, or the outs and deps of every stage of a dvc.lock (a data file a stage
// reads is recorded with its md5 too), with paths made absolute. Unreadable files track nothing.
async function trackedOuts(dvcFile: string): Promise<TrackedOut[]> {
  let value: unknown;
  try {
    if ((await stat(dvcFile)).size > MAX_DVC_FILE_BYTES) return [];
    value = parseYaml(await readFile(dvcFile, 'utf8'), { maxAliasCount: 100 });
  } catch {
    return [];
  }
  const base = dirname(dvcFile);
  const lists: unknown[] = [];
  const doc = asRecord(value);
  if (basename(dvcFile) === 'dvc.lock') {
    for (const stage of Object.values(asRecord(doc.stages))) {
      lists.push(asRecord(stage).outs, asRecord(stage).deps);
    }
  } else {
    lists.push(doc.outs);
  }
  const outs: TrackedOut[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list.map(asRecord)) {
      const md5 = typeof entry.md5 === 'string' ? entry.md5 : null;
      const path = typeof entry.path === 'string' ? entry.path : null;
      // DVC 3 writes `hash: md5`; other algorithms (etag of cloud outs) are not content md5s.
      if (!md5 || !path || (entry.hash !== undefined && entry.hash !== 'md5')) continue;
      const size = typeof entry.size === 'number' && Number.isFinite(entry.size) ? entry.size : null;
      outs.push({ path: resolve(base, path), md5, size, file: dvcFile });
    }
  }
  return outs;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function projectPath(root: string, path: string): string {
  const rel = relative(resolve(root), path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false
  );
const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false
  );
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false
  );
