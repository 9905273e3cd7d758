import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../core/errors.js';
import { releaseWhenNeeded } from '../core/exit.js';

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

const SIZE = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/** Checks a memory size as the engine takes it ("500MB", "2GB", "1.5GiB"); `what` names its origin. */
export function parseMemoryLimit(text: string, what: string): string {
  if (!SIZE.test(text))
    throw new InputError(
      `${what}: got "${text}", expected a size such as "500MB" or "2GB" (units KB, MB, GB, TB or KiB, MiB, GiB, TiB)`
    );
  return text.trim();
}

/**
 * Runs `statement` (a load into a table) with rows appended in whatever order the engine's threads
 * parse them: a 2M-row CSV loads with ≈ 20 % less CPU (bench/validate-data/README.md), but the
 * table's rowid no longer follows the input, so its rows are numbered otherwise (src/data/schema-rows.ts).
 * Only this statement on this connection: other tables (rows appended from memory) keep their order.
 */
export async function runUnordered(db: DuckDBConnection, statement: string): Promise<void> {
  await db.run('SET SESSION preserve_insertion_order = false');
  try {
    await db.run(statement);
  } finally {
    await db.run('RESET SESSION preserve_insertion_order');
  }
}

/** The column names and engine types of a read (`from`, a table function), without reading rows. */
export async function describeRead(db: DuckDBConnection, from: string): Promise<Map<string, string>> {
  const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  return new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
}

let shared: Promise<DuckDBConnection> | undefined;

/** A process-wide DuckDB connection, created on first use (the native module loads lazily). */
export function connection(): Promise<DuckDBConnection> {
  shared ??= (async () => {
    const { DuckDBInstance } = await import('../core/native.js').then((native) => native.loadDuckDB());
    const instance = await DuckDBInstance.create(':memory:');
    return instance.connect();
  })();
  return shared;
}

/** Resource limits of a dedicated engine. */
export interface EngineOptions {
  /**
   * DuckDB memory_limit, e.g. "500MB" (default: MLCI_MEMORY_LIMIT, else 500MB — 450MB when
   * `sourcesReadTogether` is 2 or more — or 40 % of RAM if less).
   */
  memoryLimit?: string;
  /** How many sources are read and queried side by side (a raw reference besides the data). */
  sourcesReadTogether?: number;
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
  const env = process.env.MLCI_MEMORY_LIMIT;
  const memoryLimit = options.memoryLimit
    ? parseMemoryLimit(options.memoryLimit, 'memory limit')
    : env
      ? parseMemoryLimit(env, 'MLCI_MEMORY_LIMIT')
      : undefined;
  const { DuckDBInstance } = await import('../core/native.js').then((native) => native.loadDuckDB());
  const os = await import('node:os');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const spill = options.tempDirectory ?? mkdtempSync(join(os.tmpdir(), 'mlci-duckdb-'));
  const ram = os.totalmem();
  // The engine's limit plus what lives outside it (readers, result chunks, the JS heap) must stay
  // under 800MB: 500MB does for one source, but with a raw reference read and queried alongside, a
  // 2 x 2M-row CSV run peaked at 775-810MB at 500MB and 705MB at 450MB (0.2 s slower). Past the
  // limit the engine spills tables and sorts to disk.
  const cap = (options.sourcesReadTogether ?? 1) >= 2 ? 450 : 500;
  const fallback = `${Math.max(128, Math.min(cap, Math.floor((ram * 0.4) / 2 ** 20)))}MB`;
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit ?? fallback,
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
      // The spill directory goes now (open files stay readable); the memory when needed (core/exit.ts).
      if (!options.tempDirectory) rmSync(spill, { recursive: true, force: true });
      releaseWhenNeeded(() => {
        for (const c of extra) c.closeSync();
        db.closeSync();
        instance.closeSync();
      });
    }
  };
}
