// Which kind the label column is profiled and drift-tested as. Like Evidently (recognize_column_type_):
// a regression label is numeric, a classification label categorical whatever its storage type, and
// without a task a numeric label with more than five distinct values is taken as a regression target.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../../config/types.js';
import { sqlIdent } from '../engine.js';

/** Most distinct values a numeric label may have and still be read as classes when no task is given. */
export const MAX_CLASS_VALUES = 5;

/** The kind a label column is treated as. */
export type LabelKind = 'numeric' | 'categorical';

/** The label's kind from the task, or (no task) from its storage type and distinct count. */
export function labelKind(task: Task | undefined, numeric: boolean, distinct: number): LabelKind {
  if (task === 'regression') return 'numeric';
  if (task === 'binary' || task === 'multiclass') return 'categorical';
  return numeric && distinct > MAX_CLASS_VALUES ? 'numeric' : 'categorical';
}

/** labelKind() of a numeric column of a table, counting its finite distinct values only as far as needed. */
export async function numericLabelKind(
  db: DuckDBConnection,
  table: string,
  column: string,
  task: Task | undefined
): Promise<LabelKind> {
  if (task) return labelKind(task, true, 0);
  const x = `CAST(${sqlIdent(column)} AS DOUBLE)`;
  const rows = (
    await db.runAndReadAll(
      // Distinct on the column's own values: integers beyond ±2^53 may share a double (numeric.ts).
      `SELECT count(*) FROM (SELECT DISTINCT ${sqlIdent(column)} FROM ${sqlIdent(table)} WHERE isfinite(${x}) LIMIT ${MAX_CLASS_VALUES + 1})`
    )
  ).getRows();
  return labelKind(undefined, true, Number(rows[0][0]));
}
