// Engine errors met while reading a source, turned into one-line messages naming the file and line.
import { InputError } from '../core/errors.js';

/** Longest row read (the engine's own default is 2,000,000 bytes; longer rows raise it up to this). */
export const MAX_ROW_BYTES = 16 * 2 ** 20;

/** The row length the engine asked for when a row was longer than it accepts (undefined otherwise). */
export function longRowSize(error: unknown): number | undefined {
  const found = /Maximum line size of \d+ bytes exceeded\. Actual Size:\s*(\d+) bytes/.exec(
    (error as Error).message ?? ''
  );
  return found ? Number(found[1]) : undefined;
}

/** Turns an engine error while reading a source into a one-line message naming the file and line. */
export function readError(path: string, error: unknown): InputError {
  const message = (error as Error).message ?? String(error);
  const lineMatch = /Line: (\d+)/.exec(message);
  const fileMatch = /file "([^"]+)"|in file "([^"]+)"|File: ([^\s|]+)/.exec(message);
  const file = fileMatch?.[1] ?? fileMatch?.[2] ?? fileMatch?.[3] ?? path;
  const expected = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (expected && lineMatch) {
    return new InputError(
      `${file}:${lineMatch[1]}: row has ${expected[2]} fields, the header has ${expected[1]}`
    );
  }
  const long = longRowSize(error);
  if (long !== undefined) {
    return new InputError(
      // No line: the engine counts it from the start of its read buffer, not of the file.
      `${file}: a row of ${long.toLocaleString('en-US')} bytes, longer than the ${MAX_ROW_BYTES / 2 ** 20} MiB mlci reads`
    );
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
    return new InputError(
      `${file}${lineMatch ? `:${lineMatch[1]}` : ''}: not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8`
    );
  }
  const first = message.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
  return new InputError(`${lineMatch ? `${file}:${lineMatch[1]}` : file}: cannot be read (${first})`);
}
