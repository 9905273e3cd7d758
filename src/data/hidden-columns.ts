// The columns a load adds beside the data's own: the shard file of each row, a row hash, Parquet row
// numbers. A data column may be called anything, so none of them may take a data column's place: a
// data column named like one was dropped from the profile, or the read was refused, before.
import { sqlIdent, type DataFormat } from './engine.js';

/** The name asked for the row hash; the engine renames it past a data column of that name. */
export const ROW_HASH_COLUMN = '__mlci_row_hash';

/** The preferred name of the hidden column that names the shard file of each row. */
export const FILE_COLUMN = '__mlci_file';

/** The column the engine numbers each Parquet file's rows in; its name cannot be chosen. */
export const ROW_COLUMN = 'file_row_number';

/** What a load adds beside the data's columns. */
export interface HiddenColumns {
  /** Name of the column naming each row's file (sources of several files). */
  file?: string;
  /** A hash of each row over the data's columns, as the table's last column. */
  rowHash?: boolean;
  /** Parquet: number each file's rows in ROW_COLUMN. */
  rowNumber?: boolean;
}

/** What a load wants beside the data's columns. */
export interface WantedColumns {
  file: boolean;
  rowHash: boolean;
  format: DataFormat;
}

/** `base`, or `base_2`, `base_3`, …: the first name no data column has, ignoring case as the engine does. */
function freeName(base: string, dataColumns: string[]): string {
  const taken = new Set(dataColumns.map((c) => c.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}

/**
 * The hidden columns of a load. Only a file column and Parquet row numbers need the data's column
 * names (`dataColumns` is called for them alone): the row hash is found by its place. Parquet rows
 * are numbered only when the files have no column of the engine's name for it; their violations'
 * rows are then found by an ordered read of the files (schema-rows.ts).
 */
export async function chooseHidden(
  wanted: WantedColumns,
  dataColumns: () => Promise<string[]>
): Promise<HiddenColumns> {
  const parquet = wanted.format === 'parquet';
  const names = wanted.file || parquet ? await dataColumns() : [];
  return {
    file: wanted.file ? freeName(FILE_COLUMN, names) : undefined,
    rowHash: wanted.rowHash,
    rowNumber: parquet && !names.some((c) => c.toLowerCase() === ROW_COLUMN)
  };
}

/** The SELECT list of a load: the data's columns, then the row hash over them when one is kept. */
export function loadSelect(hidden: HiddenColumns): string {
  if (!hidden.rowHash) return '*';
  const data = hidden.file ? `* EXCLUDE (${sqlIdent(hidden.file)})` : '*';
  return `*, hash(*COLUMNS(${data})) AS ${sqlIdent(ROW_HASH_COLUMN)}`;
}

/** A loaded table's columns split into the data's and the row hash's name (its last, when kept). */
export function splitHidden<C extends { name: string }>(
  described: C[],
  hidden: HiddenColumns
): { data: C[]; rowHash?: string } {
  const rowHash = hidden.rowHash ? described.at(-1)?.name : undefined;
  const rest = hidden.rowHash ? described.slice(0, -1) : described;
  const data = rest.filter((c) => c.name !== hidden.file && !(hidden.rowNumber && c.name === ROW_COLUMN));
  return { data, rowHash };
}
