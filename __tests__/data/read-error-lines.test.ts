// Read errors name the line as an editor numbers it, and the column and value at fault. The engine
// numbers CSV rows by line breaks outside quoted values and JSON Lines records without blank lines
// (one past the record for syntax errors): the message must give the file's line all the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvFileLine, jsonFileLine, readError } from '../../src/data/read-errors.js';
import { runCli } from '../../test-support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-read-lines-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The one-line message of `validate-data --data file` (exit 2). */
async function failure(path: string): Promise<string> {
  const run = await runCli(['validate-data', '--data', path]);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/unexpected error/);
  return run.stderr.trim().split('\n').pop()!;
}

/** `rows` lines of "i,text", every 1000th with a quoted value spanning two lines. */
function quotedRows(rows: number, eol = '\n'): string {
  let out = `id,t${eol}`;
  for (let i = 0; i < rows; i++) out += i % 1000 === 999 ? `${i},"x${eol}y"${eol}` : `${i},x${i % 10}${eol}`;
  return out;
}

describe('CSV line numbers', () => {
  it('a ragged row past quoted line breaks is named by its file line', async () => {
    const path = put('late_quote.csv', quotedRows(100_000) + '5,6,7\n');
    // 1 header + 100,000 rows + 100 extra lines inside quotes: the bad row is line 100,102.
    expect(await failure(path)).toBe(`mlci: ${path}:100102: row has 3 fields, the header has 2`);
  }, 60_000);

  it('the same with CRLF line breaks', async () => {
    const path = put('late_quote_crlf.csv', quotedRows(100_000, '\r\n') + '5,6,7\r\n');
    expect(await failure(path)).toMatch(/:100102: row has 3 fields, the header has 2$/);
  }, 60_000);

  it('a conversion error past quoted line breaks and blank lines names line, column and value', async () => {
    let text = 'id,x,t\n';
    for (let i = 0; i < 50; i++) text += `${i},${i},"1\n2"\n`;
    for (let i = 0; i < 300_000; i++) text += `${i},${i},a\n`;
    text += '\n\n\n7,abc,a\n';
    const path = put('late_convert.csv', text);
    // 1 + 50 × 2 + 300,000 + 3 blank lines: "abc" is on line 300,105.
    expect(await failure(path)).toBe(
      `mlci: ${path}:300105: column "x": "abc" is not a whole number, though the column's values are ` +
        `in the first 20,480 rows (read as BIGINT); correct or remove the value`
    );
  }, 60_000);

  it('a late text value in a numeric column names the column and the value', async () => {
    let text = 'id,x\n';
    for (let i = 0; i < 30_000; i++) text += `${i},${i % 50}\n`;
    text += '30000,abc\n30001,28\n';
    const path = put('late_text.csv', text);
    expect(await failure(path)).toMatch(
      /late_text\.csv:30002: column "x": "abc" is not a whole number, .*first 20,480 rows \(read as BIGINT\)/
    );
  }, 60_000);

  it('csvFileLine: a row the engine quotes but the file does not hold there gives no line', () => {
    const path = put('plain.csv', 'a,b\n1,2\n3,4\n');
    expect(csvFileLine(path, 3, '3,4')).toBe(3);
    expect(csvFileLine(path, 3, '9,9')).toBeUndefined();
    expect(csvFileLine(join(dir, 'missing.csv'), 3)).toBeUndefined();
  });

  it('says "record" when the line cannot be found', () => {
    const error = new Error(
      'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: 1,2,3\nExpected Number of Columns: 2 Found: 3\n'
    );
    expect(readError(join(dir, 'gone.csv'), error).message).toBe(
      `${join(dir, 'gone.csv')}, record 7 (header and blank lines included): row has 3 fields, the header has 2`
    );
  });
});

describe('JSON Lines line numbers', () => {
  it.each([
    ['a duplicate key after blank lines', '{"a":1}\n\n\n{"a":2}\n{"a":3,"a":4}\n', 5, /duplicate key "a"/],
    [
      'a malformed object',
      '{"a":1}\n{"a":2}\n{"a":3 x}\n{"a":4}\n',
      3,
      /not valid JSON: unexpected character \(byte 8 from the start of the line\)/
    ],
    ['a malformed object after blank lines', '{"a":1}\n\n  \n{"a":2 x}\n{"a":3}\n', 4, /not valid JSON/],
    ['an unterminated object', '{"a":1}\n{"a":2\n{"a":3}\n', 2, /not valid JSON/],
    ['a malformed last line without a line break', '{"a":1}\n{"a":2}\n{"a":3 x}', 3, /not valid JSON/],
    ['a duplicate key far down', '{"a":1}\n\n'.repeat(3000) + '{"b":3,"b":4}\n', 6001, /duplicate key "b"/]
  ])('%s: names the file line', async (_, text, line, what) => {
    const path = put(`case${line}.jsonl`, text);
    const message = await failure(path);
    expect(message).toMatch(new RegExp(`^mlci: ${path.replace(/[.\\/]/g, '\\$&')}:${line}: `));
    expect(message).toMatch(what);
  });

  it('a byte-order mark is named as such, on line 1', async () => {
    const path = put(
      'bom.jsonl',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n{"a":2}\n')])
    );
    expect(await failure(path)).toBe(
      `mlci: ${path}:1: starts with a UTF-8 byte order mark (BOM), which the JSON Lines reader refuses; save the file as UTF-8 without a BOM`
    );
  });

  it('jsonFileLine counts records that are not blank', () => {
    const path = put('blank.jsonl', '\n{"a":1}\n \t\r\n{"a":2}\r\n{"a":3}');
    expect([1, 2, 3, 4].map((n) => jsonFileLine(path, n))).toEqual([2, 4, 5, undefined]);
  });
});
