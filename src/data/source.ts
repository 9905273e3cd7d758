// Reading data sources: a file or a glob of shards in CSV, JSON Lines or Parquet, checked up front so
// that every bad input (empty, header only, ragged, binary, wrong delimiter, missing) gets one clear
// message naming the file and line, then loaded into a DuckDB table by a single scan.
import { open, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../core/errors.js';
import { missingDataMessage } from '../lineage/dvc.js';
import { checkUsableNames, checkParquetNames, checkRenamedKeys, checkUniqueNames } from './column-names.js';
import { chooseHidden, loadSelect, ROW_COLUMN, splitHidden, type HiddenColumns } from './hidden-columns.js';
import { codedCsvColumns, numericTextColumns } from './numeric-text.js';
import { longRowSize, MAX_ROW_BYTES, readError } from './read-errors.js';
import { READ_BUFFER_BYTES, readExpression, textTyped, type ReadDialect } from './read-expression.js';
import {
  describeRead,
  detectFormat,
  runUnordered,
  sqlIdent,
  sqlString,
  type DataFormat,
  type SourceOptions
} from './engine.js';
import type { ColumnKind } from './statistics.js';

/** A column as loaded: its name, engine type and how mlci treats it. */
export interface ColumnInfo {
  name: string;
  type: string;
  kind: ColumnKind;
}

/** A source loaded into a table. */
export interface LoadedSource {
  path: string;
  format: DataFormat;
  files: string[];
  table: string;
  rows: number;
  columns: ColumnInfo[];
  /** Name of the column holding each row's file, for sources of several files. */
  fileColumn?: string;
  /** Name of the column holding each row's 0-based number within its file (Parquet views). */
  rowColumn?: string;
  /**
   * The table function reading the files again, typed as the table (CSV, JSON Lines): the table is
   * loaded without keeping the insertion order, so row numbers come from this read (schema-rows.ts).
   */
  scan?: string;
  /** Name of the column holding each row's hash over its columns, filled while loading (duplicate counts). */
  rowHashColumn?: string;
}

/** How loadSource() fills the table beyond the data's own columns. */
export interface LoadOptions {
  /**
   * Store each row's hash over its columns beside it (tables only, not Parquet views): the duplicate
   * count then groups one column instead of hashing every column again in a pass of its own, which
   * pages the whole table back in (bench/validate-data/README.md).
   */
  rowHash?: boolean;
}

export { FILE_COLUMN, ROW_COLUMN, ROW_HASH_COLUMN } from './hidden-columns.js';

const PREFIX_BYTES = 1 << 20;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** Expands a path or glob into the files it names; errors name the path. */
export async function expandSource(db: DuckDBConnection, path: string): Promise<string[]> {
  if (!/[*?[]/.test(path)) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(await missingDataMessage(path));
    }
    if (info.isDirectory()) {
      throw new InputError(
        `${path} is a directory; pass a file or a glob such as "${path.replace(/\/$/, '')}/*.csv"`
      );
    }
    return [path];
  }
  const rows = (await db.runAndReadAll(`SELECT file FROM glob(${sqlString(path)}) ORDER BY file`)).getRows();
  const files = rows.map((r) => String(r[0]));
  if (files.length === 0) throw new InputError(`no files match ${path}`);
  return files;
}

async function readPrefix(file: string, limit: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${file}: cannot be opened (${error.code ?? error.message})`);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(`${file} is a directory, expected a data file`);
    const buffer = Buffer.alloc(Math.min(limit, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Splits CSV text into records (quote-aware), stopping at `limit` records; the last may be partial. */
export function splitCsv(text: string, delimiter: string, limit: number): { fields: number; line: number }[] {
  const records: { fields: number; line: number }[] = [];
  let fields = 1;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let empty = true;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      empty = false;
    } else if (ch === delimiter) {
      fields++;
      empty = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!empty) records.push({ fields, line: recordLine });
      line++;
      recordLine = line;
      fields = 1;
      empty = true;
    } else {
      empty = false;
    }
  }
  if (!empty && records.length < limit) records.push({ fields, line: recordLine });
  return records;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    else if (!q && c === ch) n++;
  }
  return n;
}

/** Picks the delimiter of a CSV header: the candidate found most often outside quotes. */
export function sniffDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    const n = countOutsideQuotes(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** What the up-front check learned about a CSV file. */
export interface CsvDialect {
  delimiter: string;
  header: string[];
  /** Longest row the engine must accept, when the first rows are longer than its default. */
  maxLineBytes?: number;
  /** Columns read as DOUBLE whatever the engine's sniffer says (see numericTextColumns). */
  doubles?: string[];
  /** Columns read as text whatever the engine's sniffer says (read-expression.ts). */
  texts?: string[];
}

/**
 * Checks one file before the engine reads it: not empty, not binary, and for CSV a header with data
 * rows whose field counts match it (in the first megabyte; the engine reports later ragged rows).
 * When the first rows are longer than a megabyte, more is read until a data row is complete.
 */
export async function inspectFile(
  file: string,
  format: DataFormat,
  options: SourceOptions = {}
): Promise<CsvDialect | undefined> {
  for (let limit = PREFIX_BYTES; ; limit *= 4) {
    const found = await inspectPrefix(file, format, options, limit);
    if (found !== 'more') return found;
    if (limit >= MAX_ROW_BYTES)
      throw new InputError(
        `${file}: the header and first row are longer than ${MAX_ROW_BYTES / 2 ** 20} MiB`
      );
  }
}

async function inspectPrefix(
  file: string,
  format: DataFormat,
  options: SourceOptions,
  limit: number
): Promise<CsvDialect | undefined | 'more'> {
  const { bytes, size } = await readPrefix(file, limit);
  if (size === 0) throw new InputError(`${file}: the file is empty`);
  if (format === 'parquet') {
    if (bytes.subarray(0, 4).toString('latin1') !== 'PAR1')
      throw new InputError(`${file}: not a Parquet file (no PAR1 header)`);
    return undefined;
  }
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    throw new InputError(
      `${file}: encoded as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8`
    );
  if (looksBinary(bytes))
    throw new InputError(
      `${file}: looks like a binary file, not ${format === 'csv' ? 'CSV' : 'JSON Lines'} text`
    );
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const whole = bytes.length === size;
  if (!whole) {
    // Drop a possibly cut multi-byte character and row: only complete lines are checked.
    const cut = text.lastIndexOf('\n');
    if (cut < 0) return 'more';
    text = text.slice(0, cut + 1);
  }
  if (text.trim() === '') throw new InputError(`${file}: the file has no content (only whitespace)`);
  if (format === 'jsonl') {
    const first = text.trimStart();
    if (!first.startsWith('{'))
      throw new InputError(
        `${file}:1: expected one JSON object per line, found "${firstLine(first).slice(0, 40)}"`
      );
    return undefined;
  }
  const header = firstLine(text);
  const delimiter = options.delimiter ?? sniffDelimiter(header);
  if (options.delimiter && countOutsideQuotes(header, options.delimiter) === 0) {
    const likely = sniffDelimiter(header);
    if (countOutsideQuotes(header, likely) > 0) {
      throw new InputError(
        `${file}:1: the header has no "${printable(options.delimiter)}" delimiter but looks "${printable(likely)}"-separated; ` +
          `pass --delimiter "${printable(likely)}" (or remove the delimiter setting to detect it)`
      );
    }
  }
  const records = splitCsv(text, delimiter, 20000);
  // In a partial prefix the first data row may be cut (a quoted field spanning lines): it still exists.
  if (records.length < 2) {
    if (!whole) return 'more';
    throw new InputError(`${file}: has a header but no data rows`);
  }
  const expected = records[0].fields;
  for (let i = 1; i < records.length; i++) {
    const isLastPartial = !whole && i === records.length - 1;
    if (records[i].fields !== expected && !isLastPartial) {
      throw new InputError(
        `${file}:${records[i].line}: row has ${records[i].fields} field${records[i].fields === 1 ? '' : 's'}, the header has ${expected} ` +
          `(delimiter "${printable(delimiter)}"; quote values that contain it)`
      );
    }
  }
  const names = parseHeader(header, delimiter);
  checkUniqueNames(file, names);
  return { delimiter, header: names, ...(limit > PREFIX_BYTES ? { maxLineBytes: limit } : {}) };
}

function parseHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function printable(d: string): string {
  return d === '\t' ? '\\t' : d;
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;

/** Maps an engine type to how mlci treats the column. */
export function kindOf(type: string): ColumnKind {
  if (NUMERIC.test(type)) return 'numeric';
  if (type === 'BOOLEAN') return 'boolean';
  if (/^(DATE|TIME|TIMESTAMP)/.test(type)) return 'datetime';
  return 'categorical';
}

/**
 * Creates `table` (a view for Parquet) over the files and returns the table function it read. A row
 * longer than the engine accepts is read by raising its limit, up to MAX_ROW_BYTES.
 */
async function createTable(
  db: DuckDBConnection,
  path: string,
  table: string,
  files: string[],
  format: DataFormat,
  dialect: ReadDialect | undefined,
  hidden: HiddenColumns
): Promise<string> {
  for (let attempt = dialect; ;) {
    const from = readExpression(files, format, attempt, hidden);
    try {
      // Parquet is columnar already: a view reads each column only when a query needs it. Text formats
      // are parsed once into an in-memory table (which the engine spills to disk past its memory limit).
      if (format === 'parquet')
        await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(table)} AS SELECT * FROM ${from}`);
      else
        await runUnordered(
          db,
          `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT ${loadSelect(hidden)} FROM ${from}`
        );
      // Later reads of the same files (a sample as text, a typed reload) need the raised row size too.
      if (dialect && attempt?.maxLineBytes) dialect.maxLineBytes = attempt.maxLineBytes;
      return from;
    } catch (error) {
      const needed = longRowSize(error);
      // A row past the read buffer is reported as "Actual Size: 0": then double the limit that failed
      // (the buffer's size by default). Without progress the row is too long, not a reason to retry.
      const failed = attempt?.maxLineBytes ?? READ_BUFFER_BYTES;
      const raised = Math.min(MAX_ROW_BYTES, 2 * Math.max(needed ?? 0, failed));
      const stuck = raised <= (attempt?.maxLineBytes ?? 0);
      if (format !== 'csv' || needed === undefined || needed > MAX_ROW_BYTES || stuck)
        throw readError(path, error);
      attempt = { ...(attempt ?? { delimiter: ',', header: [] }), maxLineBytes: raised };
    }
  }
}

/** The data's columns of a loaded table, and the name the row hash got (hidden-columns.ts). */
async function describe(
  db: DuckDBConnection,
  table: string,
  hidden: HiddenColumns
): Promise<{ columns: ColumnInfo[]; rowHash?: string }> {
  const described = (await db.runAndReadAll(`DESCRIBE ${sqlIdent(table)}`)).getRowObjects();
  const { data, rowHash } = splitHidden(
    described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
    hidden
  );
  return { columns: data.map((c) => ({ ...c, kind: kindOf(c.type) })), rowHash };
}

/**
 * Checks and loads a source into `table` (one scan). Multiple files carry a hidden file column so
 * that violations can name their shard (hidden-columns.ts).
 */
export async function loadSource(
  db: DuckDBConnection,
  path: string,
  table: string,
  options: SourceOptions = {},
  load: LoadOptions = {}
): Promise<LoadedSource> {
  const format = detectFormat(path, options.format);
  const rowHash = format !== 'parquet' && load.rowHash === true;
  const files = await expandSource(db, path);
  let dialect: CsvDialect | undefined;
  const headers: string[] = [];
  for (const file of files) {
    const found = await inspectFile(file, format, options);
    if (dialect && found?.maxLineBytes)
      dialect.maxLineBytes = Math.max(dialect.maxLineBytes ?? 0, found.maxLineBytes);
    dialect ??= found;
    headers.push(...(found?.header ?? []));
  }
  // A CSV file's columns are its header (read above); other formats' are described by the engine.
  let described: Promise<Map<string, string>> | undefined;
  const types = () => (described ??= describeRead(db, readExpression(files, format, undefined)));
  const names = async () => (format === 'csv' ? headers : [...(await types()).keys()]);
  const texts =
    format === 'jsonl'
      ? textTyped(await types().catch((e: unknown) => Promise.reject(readError(path, e))))
      : [];
  const read: ReadDialect | undefined = texts.length > 0 ? { texts } : dialect;
  const hidden = await chooseHidden({ file: files.length > 1, rowHash, format }, names).catch(
    (error: unknown) => {
      throw readError(path, error);
    }
  );
  let scan = await createTable(db, path, table, files, format, read, hidden).catch(async (error: unknown) => {
    // The sniffer may type a column from a spelling its reader then refuses (0x1A with 2.5 as DOUBLE).
    const coded =
      format === 'csv' && dialect ? await codedCsvColumns(db, files, dialect).catch(() => []) : [];
    if (coded.length === 0) throw error;
    dialect!.texts = [...(dialect!.texts ?? []), ...coded];
    return createTable(db, path, table, files, format, dialect, hidden);
  });
  let { columns, rowHash: rowHashColumn } = await describe(db, table, hidden);
  if (format === 'csv' && dialect) {
    const coded = await codedCsvColumns(db, files, dialect, columns);
    if (coded.length > 0) {
      dialect.texts = [...(dialect.texts ?? []), ...coded];
      scan = await createTable(db, path, table, files, format, dialect, hidden);
      ({ columns, rowHash: rowHashColumn } = await describe(db, table, hidden));
    }
    const doubles = await numericTextColumns(db, table, columns);
    if (doubles.length > 0) {
      // Read again with those columns typed; a value the reader cannot take as a number keeps the text.
      const typed = { ...dialect, doubles };
      scan =
        (await createTable(db, path, table, files, format, typed, hidden).catch(() => undefined)) ??
        (await createTable(db, path, table, files, format, dialect, hidden));
      ({ columns, rowHash: rowHashColumn } = await describe(db, table, hidden));
    }
    if (columns.length === 1 && dialect.header.length === 1 && files.length === 1) {
      const header = dialect.header[0];
      const other = CANDIDATE_DELIMITERS.find((d) => d !== dialect.delimiter && header.includes(d));
      if (other) {
        throw new InputError(
          `${path}: read as a single column "${header.slice(0, 40)}"; the delimiter looks like "${printable(other)}" — pass --delimiter "${printable(other)}"`
        );
      }
    }
  }
  checkUsableNames(
    path,
    columns.map((c) => c.name)
  );
  if (format === 'jsonl')
    checkRenamedKeys(
      path,
      columns.map((c) => c.name)
    );
  if (format === 'parquet')
    await checkParquetNames(
      path,
      files,
      columns.map((c) => c.name)
    );
  const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM ${sqlIdent(table)}`)).getRows()[0][0]);
  if (rows === 0) throw new InputError(`${path}: has no data rows`);
  return {
    path,
    format,
    files,
    table,
    rows,
    columns,
    fileColumn: hidden.file,
    rowColumn: hidden.rowNumber ? ROW_COLUMN : undefined,
    // Parquet views number their rows, when the files leave the engine's name for it free.
    scan: hidden.rowNumber ? undefined : scan,
    rowHashColumn
  };
}
