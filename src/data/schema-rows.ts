// Where offending rows are: file and line of a table row (CSV and JSON Lines) or file and row number
// (Parquet), for the first rows of each schema violation.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './engine.js';
import type { LoadedSource } from './source.js';

/** One offending row: where it is and what it holds. */
export interface RowRef {
  row: number;
  file?: string;
  line?: number;
  value?: string | number | null;
}

/** Finds where each row of a table starts in its file, to turn row numbers into file lines. */
export class RowLocator {
  private starts: { file: string; start: number }[] | undefined;
  constructor(
    private readonly db: DuckDBConnection,
    private readonly source: LoadedSource
  ) {}

  /** File and line of a table row (CSV: header on line 1; JSON Lines: one row per line). */
  async locate(rowid: number): Promise<{ file: string; start: number; line?: number }> {
    if (!this.starts) {
      if (this.source.fileColumn) {
        const rows = (
          await this.db.runAndReadAll(
            `SELECT ${sqlIdent(this.source.fileColumn)}, min(rowid) FROM ${sqlIdent(this.source.table)} GROUP BY 1 ORDER BY 2`
          )
        ).getRows();
        this.starts = rows.map((r) => ({ file: String(r[0]), start: Number(r[1]) }));
      } else {
        this.starts = [{ file: this.source.files[0], start: 0 }];
      }
    }
    let found = this.starts[0];
    for (const s of this.starts) if (s.start <= rowid) found = s;
    const index = rowid - found.start;
    return {
      file: found.file,
      start: found.start,
      line: this.source.format === 'csv' ? index + 2 : index + 1
    };
  }
}

/** Offending rows shown per violation. */
export const SAMPLE_ROWS = 5;

/** The first offending rows of `where`, by its own ordered query. */
export async function sampleRows(
  db: DuckDBConnection,
  source: LoadedSource,
  locator: RowLocator,
  column: string,
  where: string
): Promise<RowRef[]> {
  const table = sqlIdent(source.table);
  const value = `CAST(${sqlIdent(column)} AS VARCHAR)`;
  if (source.rowColumn) {
    // Parquet: rows are numbered within each file; there are no lines.
    const file = source.fileColumn ? sqlIdent(source.fileColumn) : sqlString(source.files[0]);
    const rows = (
      await db.runAndReadAll(
        `SELECT ${file}, ${sqlIdent(source.rowColumn)}, ${value} FROM ${table} WHERE ${where} ORDER BY 1, 2 LIMIT ${SAMPLE_ROWS}`
      )
    ).getRows();
    return rows.map(([f, r, v]) => ({
      row: Number(r) + 1,
      file: String(f),
      value: v === null ? null : String(v)
    }));
  }
  const rows = (
    await db.runAndReadAll(
      `SELECT rowid, ${value} FROM ${table} WHERE ${where} ORDER BY rowid LIMIT ${SAMPLE_ROWS}`
    )
  ).getRows();
  const out: RowRef[] = [];
  for (const [rowid, v] of rows) {
    const at = await locator.locate(Number(rowid));
    out.push({
      row: Number(rowid) - at.start + 1,
      file: at.file,
      line: at.line,
      value: v === null ? null : String(v)
    });
  }
  return out;
}

/** Turns a sampled row (engine row id, or file and 0-based row for Parquet) into a RowRef. */
export async function toRowRef(source: LoadedSource, locator: RowLocator, sampled: Sampled): Promise<RowRef> {
  const value = sampled.v === null || sampled.v === undefined ? null : String(sampled.v);
  if (source.rowColumn) {
    return { row: Number(sampled.k) + 1, file: String(sampled.f ?? source.files[0]), value };
  }
  const at = await locator.locate(Number(sampled.k));
  return { row: Number(sampled.k) - at.start + 1, file: at.file, line: at.line, value };
}

/** A sampled row key (engine row id, or file and 0-based row for Parquet) and its value. */
export type Sampled = { k: unknown; f?: unknown; v: unknown };
