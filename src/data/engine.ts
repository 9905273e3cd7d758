import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../core/errors.js';

/** File formats mlci reads. */
export type DataFormat = 'csv' | 'jsonl' | 'parquet';

/** How to read a data source: a file or a glob of shards. */
export interface SourceOptions {
  format?: DataFormat | 'auto';
  /** CSV delimiter; sniffed when absent. */
  delimiter?: string;
}

/** Picks the format from the file extension (ignoring .gz). */
export function detectFormat(path: string, format: SourceOptions['format'] = 'auto'): DataFormat {
  if (format && format !== 'auto') return format;
  const name = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  throw new InputError(
    `${path}: cannot tell the format from the extension; pass a format (csv, jsonl, parquet)`
  );
}

/** Quotes a string as a SQL literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Quotes an identifier (a column name from data) for SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The DuckDB table function that reads a source, e.g. `read_csv('a.csv', header = true)`. */
export function tableFunction(path: string, options: SourceOptions = {}): string {
  const format = detectFormat(path, options.format);
  const file = sqlString(path);
  if (format === 'parquet') return `read_parquet(${file})`;
  if (format === 'jsonl') return `read_json(${file}, format = 'newline_delimited')`;
  const delimiter = options.delimiter ?? (path.toLowerCase().endsWith('.tsv') ? '\t' : undefined);
  const delimiterArg = delimiter ? `, delim = ${sqlString(delimiter)}` : '';
  return `read_csv(${file}, header = true${delimiterArg})`;
}

/** Fails with a clear InputError unless `path` is a readable file or a glob. */
export async function requireSource(path: string): Promise<void> {
  if (/[*?[]/.test(path)) return;
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`data file not found: ${path}`);
  }
  if (info.isDirectory())
    throw new InputError(`${path} is a directory; pass a file or a glob such as "${path}/*.csv"`);
}

let shared: Promise<DuckDBConnection> | undefined;

/** A process-wide DuckDB connection, created on first use (the native module loads lazily). */
export function connection(): Promise<DuckDBConnection> {
  shared ??= (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    return instance.connect();
  })();
  return shared;
}

/** Columns read into memory: numbers as Float64Array (null → NaN), everything else as strings or null. */
export interface LoadedColumns {
  rowCount: number;
  numeric: Record<string, Float64Array>;
  text: Record<string, (string | null)[]>;
}

/**
 * Reads the named columns of a source. Numeric columns (by DuckDB's inferred type) come back as
 * Float64Array, others as strings. Errors name the source and the missing columns.
 */
export async function loadColumns(
  path: string,
  columns: string[],
  options: SourceOptions = {}
): Promise<LoadedColumns> {
  await requireSource(path);
  const db = await connection();
  const from = tableFunction(path, options);
  let described;
  try {
    described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${firstLine((error as Error).message)})`);
  }
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (has: ${[...types.keys()].join(', ')})`
    );
  }
  const isNumeric = columns.map((c) => NUMERIC_TYPE.test(types.get(c) ?? ''));
  const select = columns
    .map((c, i) => (isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`))
    .join(', ');
  let result;
  try {
    result = await db.stream(`SELECT ${select} FROM ${from}`);
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${firstLine((error as Error).message)})`);
  }
  const numericParts: number[][][] = columns.map(() => []);
  const textOut: (string | null)[][] = columns.map(() => []);
  let rowCount = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      throw new InputError(`${path}: cannot be read (${firstLine((error as Error).message)})`);
    }
    if (!chunk || chunk.rowCount === 0) break;
    rowCount += chunk.rowCount;
    for (let i = 0; i < columns.length; i++) {
      const values = chunk.getColumnValues(i);
      if (isNumeric[i]) numericParts[i].push(values as number[]);
      else for (const v of values) textOut[i].push(v === null ? null : String(v));
    }
  }
  const numeric: Record<string, Float64Array> = {};
  const text: Record<string, (string | null)[]> = {};
  columns.forEach((c, i) => {
    if (isNumeric[i]) {
      const out = new Float64Array(rowCount);
      let offset = 0;
      for (const part of numericParts[i]) {
        for (let j = 0; j < part.length; j++) out[offset + j] = part[j] ?? NaN;
        offset += part.length;
      }
      numeric[c] = out;
    } else {
      text[c] = textOut[i];
    }
  });
  return { rowCount, numeric, text };
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/;

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** Resource limits of a dedicated engine. */
export interface EngineOptions {
  /** DuckDB memory_limit, e.g. "500MB" (default: MLCI_MEMORY_LIMIT, else 500MB or 40 % of RAM if less). */
  memoryLimit?: string;
  threads?: number;
  /** Where the engine spills when data exceeds the memory limit (default: the OS temp dir). */
  tempDirectory?: string;
}

/** A dedicated engine for one run, closed with close() (tables live in memory and spill to disk). */
export interface Engine {
  db: DuckDBConnection;
  /** Opens another connection to the same database (for concurrent streams). */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/** Opens a dedicated in-memory engine with bounded memory. */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const os = await import('node:os');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const spill = options.tempDirectory ?? mkdtempSync(join(os.tmpdir(), 'mlci-duckdb-'));
  const ram = os.totalmem();
  // 500MB keeps the whole process under ~800MB; past it the engine spills tables and sorts to disk.
  const fallback = `${Math.max(128, Math.min(500, Math.floor((ram * 0.4) / 2 ** 20)))}MB`;
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: options.memoryLimit ?? process.env.MLCI_MEMORY_LIMIT ?? fallback,
    threads: String(
      options.threads ??
        (Number(process.env.MLCI_THREADS) || Math.max(1, Math.min(os.availableParallelism(), 8)))
    ),
    temp_directory: spill
  });
  const db = await instance.connect();
  const extra: DuckDBConnection[] = [];
  return {
    db,
    async connect() {
      const c = await instance.connect();
      extra.push(c);
      return c;
    },
    close() {
      for (const c of extra) c.closeSync();
      db.closeSync();
      instance.closeSync();
      if (!options.tempDirectory) rmSync(spill, { recursive: true, force: true });
    }
  };
}
