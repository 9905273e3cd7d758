import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '../core/files.js';
import { MLCI_VERSION } from '../core/version.js';
import { detectFormat, type DataFormat, type SourceOptions } from '../data/engine.js';
import { canonicalJson, sha256 } from './files.js';
import { dataVersionId, type DataFileRecord } from './record.js';

/** A data file's rows and column names as mlci reads it. */
export interface DataShape {
  rows: number | null;
  columns: string[] | null;
}

/**
 * Shapes remembered by content: a file's rows and columns depend only on its bytes, the way it is
 * read and mlci's reader, so a retrain on unchanged data need not load the engine (≈ 0.35 s of CPU
 * beside the training command, bench/train/README.md). A damaged or foreign entry is a miss.
 */
export interface ShapeMemo {
  get(record: DataFileRecord, source: SourceOptions): Promise<DataShape | null>;
  put(record: DataFileRecord, source: SourceOptions, shape: DataShape): Promise<void>;
}

/** A memo stored as one small JSON file per (content, reading options) under `dir`. */
export function shapeMemo(dir: string): ShapeMemo {
  const fileOf = (record: DataFileRecord, source: SourceOptions): string | null => {
    // Only a known content is a key: a DVC record without its md5 has none.
    if (!record.sha256 && !record.dvc?.md5) return null;
    // The format as read: with format auto, the same bytes named .csv and .jsonl read apart. A name
    // that tells no format is not data mlci reads (dataShape gives nulls): there is nothing to remember.
    let format: DataFormat;
    try {
      format = detectFormat(record.path, source.format);
    } catch {
      return null;
    }
    const key = {
      v: MLCI_VERSION,
      content: dataVersionId(record),
      bytes: record.bytes,
      format,
      delimiter: source.delimiter ?? null
    };
    return join(dir, `${sha256(canonicalJson(key)).slice(0, 40)}.json`);
  };
  return {
    async get(record, source) {
      const file = fileOf(record, source);
      if (!file) return null;
      try {
        const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<DataShape>;
        const rowsOk = Number.isSafeInteger(stored.rows) && (stored.rows as number) >= 0;
        const columnsOk = Array.isArray(stored.columns) && stored.columns.every((c) => typeof c === 'string');
        return rowsOk && columnsOk
          ? { rows: stored.rows as number, columns: stored.columns as string[] }
          : null;
      } catch {
        return null;
      }
    },
    async put(record, source, shape) {
      const file = fileOf(record, source);
      // Only what was read is remembered: an unreadable file is tried again next time.
      if (!file || shape.rows === null || shape.columns === null) return;
      await writeJsonAtomic(file, { rows: shape.rows, columns: shape.columns });
    }
  };
}
