// Flags that say how to read a data source, shared by the commands that read data.
import { InputError } from '../../core/errors.js';

/** Checks --format. */
export function parseFormat(text: string): 'csv' | 'jsonl' | 'parquet' {
  if (text === 'csv' || text === 'jsonl' || text === 'parquet') return text;
  throw new InputError(`--format: got "${text}", expected csv, jsonl or parquet`);
}

/** Checks --delimiter (\\t or tab for a tab). */
export function parseDelimiter(text: string): string {
  const d = text === '\\t' || text === 'tab' ? '\t' : text;
  if (d.length !== 1) throw new InputError(`--delimiter: got "${text}", expected one character (or \\t)`);
  return d;
}
