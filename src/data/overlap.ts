// Train/eval leakage: rows of the evaluation data that also occur in the training data, compared on
// the columns both share except the label (a row's features seen in training tell nothing new).
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent } from './engine.js';
import type { LoadedSource } from './source.js';

/**
 * Default largest share of evaluation rows also in the training data before leakage is an error.
 * A leaked row can raise a metric by at most its share of the rows: at 0.5 % that is under a third
 * of the bootstrap half-width of accuracy on a few thousand rows, while a copied or mis-split file
 * shows tens of percent. Random splits of data with continuous features share no rows at all.
 */
export const DEFAULT_MAX_OVERLAP_SHARE = 0.005;

/** Rows of the evaluation data also in the training data. */
export interface Overlap {
  rows: number;
  of: number;
  /** How many columns were compared. */
  columns: number;
  train: string;
  /** The label, left out of the comparison. */
  label?: string;
}

/** Counts evaluation rows whose shared columns (label excluded) hash equal to a training row's. */
export async function sharedRows(
  db: DuckDBConnection,
  current: LoadedSource,
  train: LoadedSource,
  label?: string
): Promise<Overlap | undefined> {
  const trainCols = new Set(train.columns.map((c) => c.name));
  const shared = current.columns.map((c) => c.name).filter((c) => trainCols.has(c) && c !== label);
  if (shared.length === 0) return undefined;
  const cols = shared.map(sqlIdent).join(', ');
  const rows = (
    await db.runAndReadAll(
      `SELECT count(*) FROM ${sqlIdent(current.table)} WHERE hash(${cols}) IN (SELECT hash(${cols}) FROM ${sqlIdent(train.table)})`
    )
  ).getRows();
  const n = Number(rows[0][0]);
  if (n === 0) return undefined;
  return { rows: n, of: current.rows, columns: shared.length, train: train.path, label };
}
