import type { DataChunk, Result, Vector } from '@duckdb/node-bindings';
import { InputError } from '../core/errors.js';
import { ColumnDictionary } from './column-dictionary.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { open, stat } from 'node:fs/promises';
import { connection, describeRead, detectFormat, sqlIdent, type SourceOptions } from './engine.js';
import { codedCsvColumns, numericTextColumns } from './numeric-text.js';
import { prefaultedColumns, type PrefaultedColumns } from './prefault.js';
import { readError } from './read-errors.js';
import { readExpression, textTyped, type ReadDialect } from './read-expression.js';
import { expandSource, inspectFile, kindOf, type CsvDialect } from './source.js';

/** A text column dictionary-encoded: codes[i] indexes values, −1 for null. */
export interface CodedColumn {
  codes: Int32Array;
  values: string[];
}

/** Columns read into memory: numbers as Float64Array (null → NaN), everything else as strings or null. */
export interface LoadedColumns {
  rowCount: number;
  numeric: Record<string, Float64Array>;
  text: Record<string, (string | null)[]>;
  /** The same text columns dictionary-encoded (when the reader produced them; `text` then decodes them on first use). */
  coded?: Record<string, CodedColumn>;
}

/** The few C-API calls of @duckdb/node-bindings that read a chunk's vectors as raw memory. */
interface Bindings {
  data_chunk_get_vector(chunk: DataChunk, column: number): Vector;
  vector_get_data(vector: Vector, bytes: number): Uint8Array;
  vector_get_validity(vector: Vector, bytes: number): Uint8Array | null;
  get_data_from_pointer(buffer: ArrayBufferLike, offset: number, bytes: number): Uint8Array;
  data_chunk_get_size(chunk: DataChunk): number;
  fetch_chunk(result: Result): Promise<DataChunk | null>;
}

async function bindings(): Promise<Bindings> {
  const mod = (await import('../core/native.js').then((native) =>
    native.loadDuckDBBindings()
  )) as unknown as Bindings & { default?: Bindings };
  return mod.default ?? mod;
}

/**
 * Starts loading the reader's engine (≈ 0.25 s, mostly loading its native module): a caller that
 * knows it will read can overlap this with other work, such as loading its models. Settles (never
 * rejects) once the engine is loaded or has failed to load.
 */
export function prepareReader(): Promise<void> {
  // Never rejects: loadColumns reports a failure when it needs the engine.
  return connection().then(
    () => undefined,
    () => undefined
  );
}

/**
 * Reads the named columns of a source. Numeric columns (by DuckDB's inferred type) come back as
 * Float64Array, others as strings (and dictionary codes); `asText` columns always as their text as
 * written (identifiers such as "007" or 9007199254740993, which a number would change). Errors name
 * the source and the missing columns.
 */
export async function loadColumns(
  path: string,
  columns: string[],
  options: SourceOptions = {},
  asText: readonly string[] = []
): Promise<LoadedColumns> {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect: CsvDialect | undefined;
  for (const file of files) dialect ??= await inspectFile(file, format, options);
  let from = readExpression(files, format, dialect);
  let types: Map<string, string>;
  try {
    types = await describeRead(db, from);
    const typed = await typedRead(db, from, files, format, dialect, types, asText);
    if (typed) {
      from = readExpression(files, format, typed);
      types = await describeRead(db, from);
    }
  } catch (error) {
    throw readError(path, error);
  }
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (has: ${[...types.keys()].join(', ')})`
    );
  }
  const isNumeric = columns.map((c) => !asText.includes(c) && kindOf(types.get(c) ?? '') === 'numeric');
  const select = columns
    .map((c, i) => (isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`))
    .join(', ');
  const duckdb = await bindings();
  const sql = `SELECT ${select} FROM ${from}`;
  let sink = new ColumnSink(duckdb, isNumeric, format === 'csv' ? await estimateRows(files) : undefined);
  try {
    // Streamed when the rows can be counted independently: a streamed result that fails part-way
    // ends like a complete one (the engine's C API reports the error only in the result, which the
    // bindings do not expose), so the stream is trusted only when it yields every data line.
    const lines = format === 'csv' ? dataLines(files) : null;
    lines?.catch(() => undefined); // awaited below, unless the stream fails first
    if (lines) await streamChunks(db, sql, duckdb, (chunk) => sink.add(chunk));
    if (!lines || sink.rows !== (await lines)) {
      // Materialized, the query fails with the engine's message (or there really are fewer rows:
      // quoted line breaks, blank lines).
      sink.release();
      sink = new ColumnSink(duckdb, isNumeric, sink.rows);
      const result = await db.run(sql);
      for (let c = 0; c < result.chunkCount; c++) sink.add(result.getChunk(c).chunk);
    }
  } catch (error) {
    sink.release();
    throw readError(path, error);
  }
  const { rowCount, numbers, codes, dictionaries } = sink.finish();
  const numeric: Record<string, Float64Array> = {};
  const text: Record<string, (string | null)[]> = {};
  const coded: Record<string, CodedColumn> = {};
  columns.forEach((c, i) => {
    const column = codes[i];
    if (column) {
      coded[c] = { codes: column, values: (dictionaries[i] as ColumnDictionary).values };
      lazyText(text, c, coded[c]);
    } else {
      numeric[c] = numbers[i] as Float64Array;
    }
  });
  return { rowCount, numeric, text, coded };
}

/**
 * The read's column types to force, when some must change: as loadSource does, a CSV column the
 * sniffer typed as text for its first value "inf" is numeric; `asText` columns present are text; and
 * JSON Lines keys of mixed types are text without their JSON quotes (read-expression.ts).
 */
async function typedRead(
  db: DuckDBConnection,
  from: string,
  files: string[],
  format: string,
  dialect: CsvDialect | undefined,
  types: Map<string, string>,
  asText: readonly string[]
): Promise<ReadDialect | undefined> {
  const texts: string[] = asText.filter((c) => types.has(c));
  if (format === 'jsonl') {
    const all = [...new Set([...textTyped(types), ...texts])];
    return all.length > 0 ? { texts: all } : undefined;
  }
  if (format !== 'csv' || !dialect) return undefined;
  const columnTypes = [...types].map(([name, type]) => ({ name, type }));
  // Columns the sniffer typed as numbers from text pandas keeps as text (0x1A, 2023_01), as loadSource reads them.
  for (const c of await codedCsvColumns(db, files, dialect, columnTypes))
    if (!texts.includes(c)) texts.push(c);
  const doubles = (await numericTextColumns(db, from, columnTypes, false)).filter((c) => !texts.includes(c));
  return doubles.length > 0 || texts.length > 0 ? { ...dialect, doubles, texts } : undefined;
}

/**
 * Streams a query's chunks to `take`, fetching the next chunk while the current one is copied:
 * no materialized copy of the whole result is held, and the engine parses ahead on its threads.
 */
async function streamChunks(
  db: DuckDBConnection,
  sql: string,
  duckdb: Bindings,
  take: (chunk: DataChunk) => void
): Promise<void> {
  const result = (await db.stream(sql)) as unknown as { result: Result };
  let next = duckdb.fetch_chunk(result.result);
  for (;;) {
    const chunk = await next;
    if (chunk === null || duckdb.data_chunk_get_size(chunk) === 0) return;
    next = duckdb.fetch_chunk(result.result);
    // Should take() throw, the fetch already under way must not end as an unhandled rejection.
    next.catch(() => undefined);
    take(chunk);
  }
}

/** Bytes read at a time when counting lines. */
const LINE_BLOCK = 1 << 20;

/**
 * The lines after the header of CSV files (a last line without a line break counts): an upper
 * bound of their rows, equal to it unless a quoted value spans lines or a line is blank.
 */
export async function dataLines(files: string[]): Promise<number> {
  const block = Buffer.alloc(LINE_BLOCK);
  let total = 0;
  for (const file of files) {
    const handle = await open(file, 'r');
    try {
      let lines = 0;
      let last = 10;
      for (;;) {
        const { bytesRead } = await handle.read(block, 0, LINE_BLOCK, null);
        if (bytesRead === 0) break;
        const read = bytesRead === LINE_BLOCK ? block : block.subarray(0, bytesRead);
        // indexOf searches natively: 3–4× faster than comparing each byte in JavaScript.
        for (let at = read.indexOf(10); at !== -1; at = read.indexOf(10, at + 1)) lines++;
        last = block[bytesRead - 1];
      }
      total += lines + (last === 10 ? 0 : 1) - 1;
    } finally {
      await handle.close();
    }
  }
  return total;
}

/** Bytes sampled at the start of a CSV file to estimate its row length. */
const SAMPLE_BYTES = 1 << 16;

/**
 * Rows of CSV files estimated from their sizes and the line length at the start of the first, with
 * a margin: the output arrays are sized once (growing them copies and touches fresh memory).
 */
async function estimateRows(files: string[]): Promise<number | undefined> {
  try {
    let bytes = 0;
    for (const file of files) bytes += (await stat(file)).size;
    const handle = await open(files[0], 'r');
    try {
      const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, bytes));
      const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
      let lines = 0;
      for (let i = 0; i < bytesRead; i++) if (sample[i] === 10) lines++;
      return lines > 1 ? Math.ceil((bytes / bytesRead) * lines * 1.1) + 1024 : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined; // only an estimate: the read reports unreadable files
  }
}

/**
 * Output columns filled chunk by chunk, grown by doubling when the estimate of rows falls short.
 * Vectors are copied as raw memory: numbers with one typed-array copy, text through a dictionary,
 * so no per-value JS object is made (the per-value API was 3× slower).
 */
class ColumnSink {
  rows = 0;
  private capacity: number;
  private numbers: (Float64Array | null)[];
  private codes: (Int32Array | null)[];
  private readonly dictionaries: (ColumnDictionary | null)[];
  private readonly memory: PrefaultedColumns;

  constructor(
    private readonly duckdb: Bindings,
    private readonly isNumeric: boolean[],
    expectedRows = 1 << 16
  ) {
    this.capacity = Math.max(1 << 12, expectedRows);
    this.memory = prefaultedColumns(
      isNumeric.map((numeric) => (numeric ? 8 : 4)),
      this.capacity
    );
    const buffers = this.memory.buffers;
    this.numbers = isNumeric.map((numeric, i) => (numeric ? new Float64Array(buffers[i]) : null));
    this.codes = isNumeric.map((numeric, i) => (numeric ? null : new Int32Array(buffers[i])));
    this.dictionaries = isNumeric.map((numeric) => (numeric ? null : new ColumnDictionary(duckdb)));
  }

  /** Copies a chunk's vectors: numbers as raw memory, text through each column's dictionary. */
  add(chunk: DataChunk): void {
    const duckdb = this.duckdb;
    const rows = duckdb.data_chunk_get_size(chunk);
    if (rows === 0) return;
    if (this.rows + rows > this.capacity) this.grow(this.rows + rows);
    for (let i = 0; i < this.isNumeric.length; i++) {
      const vector = duckdb.data_chunk_get_vector(chunk, i);
      const validity = nullsIn(duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8), rows);
      const target = this.numbers[i];
      if (target) copyDoubles(duckdb.vector_get_data(vector, rows * 8), rows, validity, target, this.rows);
      else
        (this.dictionaries[i] as ColumnDictionary).encode(
          vector,
          rows,
          validity,
          this.codes[i] as Int32Array,
          this.rows
        );
    }
    this.rows += rows;
    this.memory.filled(this.rows);
  }

  /** Ends the helper faulting the output in (whatever the read's outcome). */
  release(): void {
    this.memory.done();
  }

  /** The filled columns, each exactly rowCount long (views: pages far past the end were never touched). */
  finish() {
    this.release();
    const n = this.rows;
    return {
      rowCount: n,
      numbers: this.numbers.map((a) => a?.subarray(0, n) ?? null),
      codes: this.codes.map((a) => a?.subarray(0, n) ?? null),
      dictionaries: this.dictionaries
    };
  }

  private grow(needed: number): void {
    this.release(); // the new arrays are not the helper's
    this.capacity = Math.max(needed, 2 * this.capacity);
    const keep = this.rows;
    this.numbers = this.numbers.map((a) => a && copyInto(new Float64Array(this.capacity), a, keep));
    this.codes = this.codes.map((a) => a && copyInto(new Int32Array(this.capacity), a, keep));
  }
}

function copyInto<T extends Float64Array | Int32Array>(out: T, from: T, rows: number): T {
  out.set(from.subarray(0, rows));
  return out;
}

/**
 * Puts a coded column's strings on `text` as a property decoded on first use: most readers use the
 * codes (slices, evaluate's bootstrap), and a million-entry array of strings costs ≈ 0.1 s to build.
 */
export function lazyText(text: Record<string, (string | null)[]>, name: string, column: CodedColumn): void {
  let strings: (string | null)[] | undefined;
  Object.defineProperty(text, name, {
    enumerable: true,
    configurable: true,
    get: () => (strings ??= decodeColumn(column)),
    set: (value: (string | null)[]) => (strings = value)
  });
}

/** The strings of a coded column, null where missing. */
function decodeColumn({ codes, values }: CodedColumn): (string | null)[] {
  const strings = new Array<string | null>(codes.length);
  for (let r = 0; r < codes.length; r++) strings[r] = codes[r] < 0 ? null : values[codes[r]];
  return strings;
}

/** The column names of a source, in file order, without reading its rows. */
export async function sourceColumnNames(path: string, options: SourceOptions = {}): Promise<string[]> {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  const dialect = await inspectFile(files[0], format, options);
  try {
    return [...(await describeRead(db, readExpression(files, format, dialect))).keys()];
  } catch (error) {
    throw readError(path, error);
  }
}

const isValid = (validity: Uint8Array | null, row: number) =>
  validity === null || (validity[row >>> 3] & (1 << (row & 7))) !== 0;

/**
 * A vector's validity mask when it marks a null among the first `rows`, else null: the engine
 * hands out a mask for most vectors without nulls, and checking it per row costs more than the copy.
 */
export function nullsIn(validity: Uint8Array | null, rows: number): Uint8Array | null {
  if (validity === null) return null;
  const full = rows >>> 3;
  for (let i = 0; i < full; i++) if (validity[i] !== 0xff) return validity;
  const rest = rows & 7;
  return rest > 0 && (validity[full] & ((1 << rest) - 1)) !== (1 << rest) - 1 ? validity : null;
}

/** Copies a DOUBLE vector's values into out at offset, NaN where null. */
function copyDoubles(
  data: Uint8Array,
  rows: number,
  validity: Uint8Array | null,
  out: Float64Array,
  offset: number
): void {
  if (data.byteOffset % 8 === 0) out.set(new Float64Array(data.buffer, data.byteOffset, rows), offset);
  else new Uint8Array(out.buffer, out.byteOffset + offset * 8, rows * 8).set(data.subarray(0, rows * 8));
  if (validity !== null) for (let r = 0; r < rows; r++) if (!isValid(validity, r)) out[offset + r] = NaN;
}
