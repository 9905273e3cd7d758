import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../core/errors.js';
import { dvcRecordFor, missingDataMessage } from './dvc.js';

/** A file with its content hash, as lineage and cache keys record it. */
export interface HashedFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
}

/** The sha256 of a file, streamed so large data files do not fill memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The sha256 of bytes or text. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
    );
  }
  return value;
}

/** True when a pattern has glob syntax (*, ?, [ or {). */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/**
 * Expands glob patterns (`*`, `**`, `?`, `[abc]`, `{a,b}`) relative to `root` into sorted
 * relative paths of regular files. Plain paths must exist; a glob matching nothing is an error,
 * since a silently empty source list would make a cache key blind to code changes.
 */
export async function expandGlobs(
  patterns: string[],
  root: string,
  what = 'train.sources'
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      const absolute = resolve(root, pattern);
      let info;
      try {
        info = await stat(absolute);
      } catch {
        const tracked = await dvcRecordFor(absolute, root).catch(() => null);
        if (tracked) throw new InputError(`${what}: ${await missingDataMessage(absolute, 'data file')}`);
        throw new InputError(`${what}: "${pattern}" not found (looked in ${root})`);
      }
      if (info.isDirectory()) {
        for (const file of await walk(absolute)) found.add(toRelative(root, file));
      } else {
        found.add(toRelative(root, absolute));
      }
      continue;
    }
    const normalized = pattern.replace(/\\/g, '/');
    const base = staticPrefix(normalized);
    const baseDir = resolve(root, base);
    const matcher = globToRegExp(normalized.slice(base.length).replace(/^\//, ''));
    let matched = 0;
    for (const file of await walk(baseDir)) {
      const rel = relative(baseDir, file).split(sep).join('/');
      if (matcher.test(rel)) {
        found.add(toRelative(root, file));
        matched += 1;
      }
    }
    if (matched === 0) throw new InputError(`${what}: "${pattern}" matches no file (looked in ${root})`);
  }
  return [...found].sort();
}

/** Hashes files given relative to `root`. */
export async function hashFiles(paths: string[], root: string): Promise<HashedFile[]> {
  const out: HashedFile[] = [];
  for (const path of paths) {
    const absolute = resolve(root, path);
    const info = await stat(absolute);
    out.push({ path: toRelative(root, absolute), sha256: await sha256File(absolute), bytes: info.size });
  }
  return out;
}

function toRelative(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return (rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
}

// Directories that never hold training sources and can be huge.
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.mlci', '__pycache__']);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...(await walk(path)));
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}

function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

/** Converts a glob (relative, forward slashes) to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((alt) => globToRegExp(alt).source.slice(1, -1))
          .join('|')})`;
        i = end;
      }
    } else {
      out += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}
