import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { canonicalJson, sha256, type HashedFile } from '../lineage/files.js';
import type { TrainingRecord } from '../lineage/record.js';

/** Version of the key recipe: bump it when what goes into a key changes, so old entries miss. */
const KEY_VERSION = 1;

/** Everything a trained model depends on, as far as mlci can see. */
export interface CacheKeyParts {
  command: string;
  workdir: string;
  model: string;
  seed: number;
  params_sha256: string;
  sources: Pick<HashedFile, 'path' | 'sha256'>[];
  data: Pick<HashedFile, 'path' | 'sha256'>[];
}

/** The content address of a training run: a sha256 over the parts, 40 hex characters. */
export function cacheKey(parts: CacheKeyParts): string {
  const normalized = {
    v: KEY_VERSION,
    ...parts,
    sources: parts.sources.map(({ path, sha256 }) => ({ path, sha256 })),
    data: parts.data.map(({ path, sha256 }) => ({ path, sha256 }))
  };
  return sha256(canonicalJson(normalized)).slice(0, 40);
}

/** Where an entry lives: `<root>/.mlci/cache/<key>/`. */
export function cacheDir(root: string, key: string): string {
  return join(root, '.mlci', 'cache', key);
}

/** Where the data files' rows and columns are remembered by content: `<root>/.mlci/cache/data-shapes/`. */
export function shapeMemoDir(root: string): string {
  return join(root, '.mlci', 'cache', 'data-shapes');
}

/** A stored run: the model and its record. */
export interface CacheEntry {
  model: Uint8Array;
  record: TrainingRecord;
}

/**
 * Reads an entry; null when absent or damaged (a model whose sha256 differs from its record is
 * treated as a miss, so a half-restored cache never passes for a trained model).
 */
export async function readCacheEntry(dir: string): Promise<CacheEntry | null> {
  try {
    const record = JSON.parse(await readFile(join(dir, 'training.json'), 'utf8')) as TrainingRecord;
    const model = new Uint8Array(await readFile(join(dir, 'model.onnx')));
    if (!record.model || record.status !== 'pass' || sha256(model) !== record.model.sha256) return null;
    return { model, record };
  } catch {
    return null;
  }
}

/** Stores a passing run; the record goes last so a reader never sees a record without its model. */
export async function writeCacheEntry(dir: string, entry: CacheEntry): Promise<void> {
  await writeFileAtomic(join(dir, 'model.onnx'), entry.model);
  await writeJsonAtomic(join(dir, 'training.json'), entry.record);
}
