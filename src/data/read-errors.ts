// Engine errors met while reading a source, turned into one-line messages naming the file, the line
// as an editor numbers it, and the column and value at fault when the engine says which.
import { closeSync, openSync, readSync } from 'node:fs';
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

/** Bytes read at a time when an error's line is looked up in its file. */
const SCAN_BLOCK = 1 << 20;

/** Longest line text read back to check that the line found is the row the engine quoted. */
const CHECK_BYTES = 1 << 16;

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Runs `use` on `file` opened for reading; undefined when it cannot be opened or read (a glob, a file since removed). */
function withFile<T>(file: string, use: (fd: number) => T | undefined): T | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return use(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Passes `file` to `take` a block at a time until it returns the index in the block where it stopped;
 * the file offset just past that byte, or undefined when the file ran out or cannot be read.
 */
function scanFile(file: string, take: (block: Buffer, length: number) => number): number | undefined {
  return withFile(file, (fd) => {
    const block = Buffer.allocUnsafe(SCAN_BLOCK);
    for (let offset = 0; ;) {
      const n = readSync(fd, block, 0, SCAN_BLOCK, offset);
      if (n === 0) return undefined;
      const stop = take(block, n);
      if (stop >= 0) return offset + stop + 1;
      offset += n;
    }
  });
}

/** The text of the line starting at byte `offset` of `file` (up to CHECK_BYTES), without its line break. */
function lineAt(file: string, offset: number): string | undefined {
  return withFile(file, (fd) => {
    const buffer = Buffer.alloc(CHECK_BYTES);
    const n = readSync(fd, buffer, 0, CHECK_BYTES, offset);
    // A line found at the CR of a CRLF starts past its LF.
    const begin = n > 0 && buffer[0] === NL ? 1 : 0;
    let end = buffer.subarray(0, n).indexOf(NL, begin);
    if (end < 0) end = n;
    if (end > begin && buffer[end - 1] === CR) end--;
    return buffer.toString('utf8', begin, end);
  });
}

/**
 * The file line of the engine's CSV "Line: N". The engine counts line breaks outside quoted values
 * (a value with a line break in it is one line to it, a blank line is one), so past such a value its
 * number is not the file's. Read only when an error is reported. When the engine quoted the row, the
 * line found must start with it; undefined when it does not or the file cannot be read.
 */
export function csvFileLine(file: string, engineLine: number, original?: string): number | undefined {
  let quoted = false;
  let lines = 1;
  let records = 1;
  let afterCr = false;
  const start =
    engineLine <= 1
      ? 0
      : scanFile(file, (block, n) => {
          for (let i = 0; i < n; i++) {
            const byte = block[i];
            const cr = afterCr;
            afterCr = byte === CR;
            if (byte === QUOTE) quoted = !quoted;
            // CRLF is one line break; a lone CR (old Mac files) is one too.
            if ((byte !== NL || cr) && byte !== CR) continue;
            lines++;
            if (!quoted && ++records === engineLine) return i;
          }
          return -1;
        });
  if (start === undefined) return undefined;
  // The engine's quote of the row starts with the blank lines before it, if any.
  const row = original?.replace(/^[\r\n]+/, '').split(/\r?\n/)[0];
  if (row && !lineAt(file, start)?.startsWith(row)) return undefined;
  return lines;
}

/**
 * The file line of the `nth` JSON Lines record that is not blank (the engine skips blank lines when
 * it numbers records); undefined when the file cannot be read or has fewer.
 */
export function jsonFileLine(file: string, nth: number): number | undefined {
  let lines = 1;
  let records = 0;
  let blank = true;
  const end = scanFile(file, (block, n) => {
    for (let i = 0; i < n; i++) {
      const byte = block[i];
      if (byte !== NL) {
        if (byte !== 0x20 && byte !== 0x09 && byte !== CR) blank = false;
        continue;
      }
      if (!blank && ++records === nth) return i;
      blank = true;
      lines++;
    }
    return -1;
  });
  if (end !== undefined) return lines;
  // A last line without a line break.
  return !blank && records + 1 === nth ? lines : undefined;
}

/** What a value should have been for the engine to read it as `type`. */
function typeWords(type: string): string {
  if (/INT/.test(type)) return 'a whole number';
  if (/DOUBLE|FLOAT|DECIMAL|REAL/.test(type)) return 'a number';
  if (type === 'DATE') return 'a date';
  if (type.startsWith('TIMESTAMP')) return 'a date and time';
  if (type.startsWith('TIME')) return 'a time of day';
  if (type === 'BOOLEAN') return 'true or false';
  return `a ${type} value`;
}

/** A value as a message quotes it: JSON-escaped and cut to 60 characters. */
function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** Where a CSV error is: `file:line` when the line is known, else the engine's record number, said as such. */
function csvWhere(file: string, message: string): string | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (!line) return undefined;
  // Everything from the quoted row up to the line naming the fault.
  const original =
    /\nOriginal Line: ?([\s\S]*?)\n(?=Expected Number|Error when converting|Invalid unicode|Possible)/.exec(
      message
    )?.[1];
  const found = csvFileLine(
    file,
    Number(line[1]),
    /Invalid unicode|utf-8/i.test(message) ? undefined : original
  );
  return found === undefined
    ? `${file}, record ${line[1]} (header and blank lines included)`
    : `${file}:${found}`;
}

/** The JSON Lines errors of the engine, with the file line of the record at fault. */
function jsonError(message: string): InputError | undefined {
  const malformed = /Malformed JSON in file "([^"\n]+)", at byte (\d+) in line (\d+): ([^\n]*)/.exec(message);
  if (malformed) {
    const [, file, byte, engineLine, said] = malformed;
    const what = said.trim().replace(/\.$/, '');
    // A syntax error's line is one past the record's number (the engine counts the failed record twice).
    const line = jsonFileLine(file, Number(engineLine) - 1);
    const where = line === undefined ? `${file}, record ${Number(engineLine) - 1}` : `${file}:${line}`;
    if (/byte order mark/i.test(what))
      return new InputError(
        `${where}: starts with a UTF-8 byte order mark (BOM), which the JSON Lines reader refuses; save the file as UTF-8 without a BOM`
      );
    return new InputError(`${where}: not valid JSON: ${what} (byte ${byte} from the start of the line)`);
  }
  const transform = /JSON transform error in file "([^"\n]+)", in line (\d+): ([^\n]*)/.exec(message);
  if (transform) {
    const [, file, engineLine, what] = transform;
    const line = jsonFileLine(file, Number(engineLine));
    const where =
      line === undefined ? `${file}, record ${engineLine} (blank lines not counted)` : `${file}:${line}`;
    return new InputError(`${where}: ${what}`);
  }
  return undefined;
}

/** Turns an engine error while reading a source into a one-line message naming the file and line. */
export function readError(path: string, error: unknown): InputError {
  const message = (error as Error).message ?? String(error);
  const json = jsonError(message);
  if (json) return json;
  const fileMatch = /file "([^"]+)"|in file "([^"]+)"|File: ([^\s|]+)|\n[ \t]*file = ([^\n]+)/.exec(message);
  const file = fileMatch?.[1] ?? fileMatch?.[2] ?? fileMatch?.[3] ?? fileMatch?.[4]?.trim() ?? path;
  const where = csvWhere(file, message);
  const expected = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (expected && where) {
    return new InputError(`${where}: row has ${expected[2]} fields, the header has ${expected[1]}`);
  }
  const converting = /Error when converting column "(.*)"\. Could not convert string "(.*)" to '(.+)'/.exec(
    message
  );
  if (converting) {
    const [, column, value, type] = converting;
    const sample = /\n[ \t]*sample_size = (\d+)/.exec(message)?.[1];
    const rows = sample ? `the first ${Number(sample).toLocaleString('en-US')} rows` : 'the rows sampled';
    return new InputError(
      `${where ?? file}: column "${column}": ${quoteValue(value)} is not ${typeWords(type)}, ` +
        `though the column's values are in ${rows} (read as ${type}); correct or remove the value`
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
      `${where ?? file}: not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8`
    );
  }
  const first = message.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
  return new InputError(`${where ?? file}: cannot be read (${first})`);
}
