// Flags that say how to read a data source, shared by the commands that read data.
import { parseDelimiter as delimiter, parseFormat as format } from '../../config/parse.js';

/** Checks --format. */
export function parseFormat(text: string): 'csv' | 'jsonl' | 'parquet' {
  return format(text, '--format')!;
}

/** Checks --delimiter (\\t or tab for a tab). */
export function parseDelimiter(text: string): string {
  return delimiter(text, '--delimiter')!;
}
