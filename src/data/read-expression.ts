// The engine's table function for a source's files: its dialect, the hidden columns, and the
// columns that must be read with a given type whatever the engine's sniffer makes of them.
import type { CsvDialect } from './source.js';
import { sqlIdent, sqlString, type DataFormat } from './engine.js';
import type { HiddenColumns } from './hidden-columns.js';

/**
 * The engine's read buffer. Its default (32 MB, 16 × its default longest row) is allocated per
 * thread outside the memory limit; 4 MB (twice the longest row it reads by default) keeps a
 * 100MB-limit run under about 320 MB peak RSS, at the same speed (bench/validate-data/README.md).
 */
export const READ_BUFFER_BYTES = 4_000_000;

/** How a source is read: a CSV dialect, or only the columns typed on purpose (JSON Lines). */
export type ReadDialect = Partial<CsvDialect>;

/** The table function reading all files of a source with the dialect found by inspectFile (and `hidden`'s columns). */
export function readExpression(
  files: string[],
  format: DataFormat,
  dialect: ReadDialect | undefined,
  hidden: HiddenColumns = {}
): string {
  const list = files.length === 1 ? sqlString(files[0]) : `[${files.map(sqlString).join(', ')}]`;
  const extra = [
    hidden.file ? `filename = ${sqlString(hidden.file)}` : '',
    files.length > 1 ? 'union_by_name = true' : ''
  ]
    .filter(Boolean)
    .map((s) => `, ${s}`)
    .join('');
  if (format === 'parquet')
    return `read_parquet(${list}${hidden.rowNumber ? ', file_row_number = true' : ''}${extra})`;
  if (format === 'jsonl')
    return withText(`read_json(${list}, format = 'newline_delimited'${extra})`, dialect?.texts ?? []);
  const delim = dialect?.delimiter ?? ',';
  // The engine's read buffer defaults to 16 lines of the longest size (256 MB for 16 MiB): two will do.
  const buffer = `, buffer_size = ${Math.max(READ_BUFFER_BYTES, 2 * (dialect?.maxLineBytes ?? 0))}`;
  const longRows = dialect?.maxLineBytes ? `, max_line_size = ${dialect.maxLineBytes}` : '';
  const typed = [
    ...(dialect?.doubles ?? []).map((c) => `${sqlString(c)}: 'DOUBLE'`),
    ...(dialect?.texts ?? []).map((c) => `${sqlString(c)}: 'VARCHAR'`)
  ];
  const types = typed.length > 0 ? `, types = {${typed.join(', ')}}` : '';
  // BOOLEAN is left out of the type candidates: the sniffer would turn yes/no columns into true/false.
  return (
    `read_csv(${list}, header = true, delim = ${sqlString(delim)}, quote = '"', escape = '"', ` +
    `auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'TIME', 'VARCHAR']${longRows}${buffer}${types}${extra})`
  );
}

/**
 * A JSON Lines read with the `texts` columns as plain text. The engine types a key whose values mix
 * strings and numbers as JSON, and that type's text keeps the quotes: "east" would read as `"east"`,
 * unlike the same value in a file where the key holds only strings. A JSON string becomes its text,
 * any other value its JSON (5 → "5"), and null stays null.
 */
function withText(read: string, texts: readonly string[]): string {
  if (texts.length === 0) return read;
  const replaced = texts.map((c) => `json_extract_string(to_json(${sqlIdent(c)}), '$') AS ${sqlIdent(c)}`);
  return `(SELECT * REPLACE (${replaced.join(', ')}) FROM ${read})`;
}

/** The columns the engine typed as JSON (a key with values of several types): they are read as text. */
export function textTyped(types: ReadonlyMap<string, string>): string[] {
  return [...types].filter(([, type]) => type === 'JSON').map(([name]) => name);
}
