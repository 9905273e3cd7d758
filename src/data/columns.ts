import { InputError } from '../core/errors.js';
import { connection, detectFormat, sqlIdent, type SourceOptions } from './engine.js';
import { expandSource, inspectFile, kindOf, readError, readExpression, type CsvDialect } from './source.js';

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
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect: CsvDialect | undefined;
  for (const file of files) dialect ??= await inspectFile(file, format, options);
  const from = readExpression(files, format, dialect, false);
  let described;
  try {
    described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  } catch (error) {
    throw readError(path, error);
  }
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (has: ${[...types.keys()].join(', ')})`
    );
  }
  const isNumeric = columns.map((c) => kindOf(types.get(c) ?? '') === 'numeric');
  const select = columns
    .map((c, i) => (isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`))
    .join(', ');
  let result;
  try {
    result = await db.stream(`SELECT ${select} FROM ${from}`);
  } catch (error) {
    throw readError(path, error);
  }
  const numericParts: number[][][] = columns.map(() => []);
  const textOut: (string | null)[][] = columns.map(() => []);
  let rowCount = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      throw readError(path, error);
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
