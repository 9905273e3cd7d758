// Where offending rows are: file and line of a table row (CSV and JSON Lines) or file and row number
// (Parquet), for the first rows of each schema violation.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './engine.js';
import { readError } from './read-errors.js';
import type { LoadedSource } from './source.js';

/** One offending row: where it is and what it holds. */
export interface RowRef {
  row: number;
  file?: string;
  line?: number;
  value?: string | number | null;
}

/** A condition on the rows and the column whose value each sampled row shows. */
export interface RowCondition {
  column: string;
  where: string;
}

/** Offending rows shown per violation. */
export const SAMPLE_ROWS = 5;

/** The line of a data row from its 0-based index in its file (CSV: header on line 1; JSON Lines: one row per line; Parquet has none). */
function lineOf(source: LoadedSource, index: number): number | undefined {
  if (source.format === 'parquet') return undefined;
  return source.format === 'csv' ? index + 2 : index + 1;
}

/** Finds where each row of a table starts in its file, to turn row numbers into file lines. */
export class RowLocator {
  private starts: { file: string; start: number }[] | undefined;
  constructor(
    private readonly db: DuckDBConnection,
    private readonly source: LoadedSource
  ) {}

  /** File and line of a table row, for tables whose rowid follows the input order (rows from memory). */
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
    return { file: found.file, start: found.start, line: lineOf(this.source, rowid - found.start) };
  }
}

/** A sampled condition with how many rows match it, when known. */
export type CountedCondition = RowCondition & { count?: number };

/** Rows the first ordered read looks at: the offending rows shown are most often among them. */
const HEAD_ROWS = 100_000;

/**
 * The first SAMPLE_ROWS rows of each condition in the files' order, with their values, from ordered
 * reads of the files (`source.scan`): a table loaded without keeping the insertion order numbers its
 * rows in no particular order. The files' first HEAD_ROWS rows are read first; only conditions with
 * fewer matches there than they have (or than SAMPLE_ROWS) need a read of the whole files.
 */
export async function firstRowsInFiles(
  db: DuckDBConnection,
  source: LoadedSource & { scan: string },
  conditions: CountedCondition[]
): Promise<RowRef[][]> {
  if (conditions.length === 0) return [];
  const out = await orderedRows(db, source, conditions, HEAD_ROWS);
  const rest = conditions
    .map((c, i) => i)
    .filter((i) => out[i].length < Math.min(conditions[i].count ?? SAMPLE_ROWS, SAMPLE_ROWS));
  if (rest.length > 0) {
    const whole = await orderedRows(
      db,
      source,
      rest.map((i) => conditions[i])
    );
    rest.forEach((i, j) => (out[i] = whole[j]));
  }
  return out;
}

/**
 * One ordered read of the files (all rows, or the first `limit`). The row number comes from an
 * empty-window row_number(), which the engine computes on the rows in the order its source gives
 * them (one thread); a file's first row number turns it into the row of that file.
 */
async function orderedRows(
  db: DuckDBConnection,
  source: LoadedSource & { scan: string },
  conditions: RowCondition[],
  limit?: number
): Promise<RowRef[][]> {
  const file = source.fileColumn ? sqlIdent(source.fileColumn) : sqlString(source.files[0]);
  const columns = [...new Set(conditions.map((c) => c.column))];
  // Aliases, not the data's names, leave the inner query: a column may be called anything.
  const inner = [
    'row_number() OVER () AS mlci_n',
    `${file} AS mlci_f`,
    ...conditions.map((c, i) => `(${c.where}) AS mlci_b${i}`),
    ...columns.map((c, j) => `${sqlIdent(c)} AS mlci_c${j}`)
  ];
  // The value is cast to text for the matching rows only (a CASE branch runs on the rows it selects).
  const samples = conditions.map(
    (c, i) =>
      `min_by(struct_pack(n := mlci_n, v := CASE WHEN mlci_b${i} THEN CAST(mlci_c${columns.indexOf(c.column)} AS VARCHAR) END), mlci_n, ${SAMPLE_ROWS}) FILTER (WHERE mlci_b${i})`
  );
  const head = limit === undefined ? '' : ` LIMIT ${limit}`;
  // The files were read a moment ago; one changed or removed since is named like a failed load.
  const files = (
    await db
      .runAndReadAll(
        `SELECT mlci_f, min(mlci_n), ${samples.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source.scan}${head}) GROUP BY 1 ORDER BY 2`
      )
      .catch((error: unknown) => {
        throw readError(source.path, error);
      })
  ).getRows();
  return conditions.map((_, i) => {
    const rows: RowRef[] = [];
    for (const r of files) {
      const start = Number(r[1]);
      const items = (r[2 + i] as { items?: { entries: { n: unknown; v: unknown } }[] } | null)?.items ?? [];
      for (const { entries } of items) {
        const index = Number(entries.n) - start;
        rows.push({
          row: index + 1,
          file: String(r[0]),
          line: lineOf(source, index),
          value: text(entries.v)
        });
      }
    }
    return rows.slice(0, SAMPLE_ROWS);
  });
}

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** The first offending rows of `where`, by its own ordered query. */
export async function sampleRows(
  db: DuckDBConnection,
  source: LoadedSource,
  locator: RowLocator,
  column: string,
  where: string
): Promise<RowRef[]> {
  if (source.scan)
    return (await firstRowsInFiles(db, { ...source, scan: source.scan }, [{ column, where }]))[0];
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
    return rows.map(([f, r, v]) => ({ row: Number(r) + 1, file: String(f), value: text(v) }));
  }
  const rows = (
    await db.runAndReadAll(
      `SELECT rowid, ${value} FROM ${table} WHERE ${where} ORDER BY rowid LIMIT ${SAMPLE_ROWS}`
    )
  ).getRows();
  const out: RowRef[] = [];
  for (const [rowid, v] of rows) out.push(await toRowRef(source, locator, { k: rowid, v }));
  return out;
}

/** Turns a sampled row (engine row id, or file and 0-based row for Parquet) into a RowRef. */
export async function toRowRef(source: LoadedSource, locator: RowLocator, sampled: Sampled): Promise<RowRef> {
  const value = text(sampled.v);
  if (source.rowColumn) {
    return { row: Number(sampled.k) + 1, file: String(sampled.f ?? source.files[0]), value };
  }
  const at = await locator.locate(Number(sampled.k));
  return { row: Number(sampled.k) - at.start + 1, file: at.file, line: at.line, value };
}

/** A sampled row key (engine row id, or file and 0-based row for Parquet) and its value. */
export type Sampled = { k: unknown; f?: unknown; v: unknown };
