import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-inputs-'));
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function expectInputError(args: string[], pattern: RegExp): Promise<void> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const run = await runCli(['validate-data', ...args, '--out', out]);
  expect(run.stderr).toMatch(pattern);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(existsSync(out) ? await readdir(out) : []).toEqual([]); // no partial outputs
}

describe('bad input: a clear message, exit 2 and no outputs', () => {
  test('missing file', async () => {
    await expectInputError(['--data', join(dir, 'nope.csv')], /data file not found: .*nope\.csv/);
  });
  test('a directory', async () => {
    const sub = join(dir, 'adir.csv');
    await mkdir(sub, { recursive: true });
    await expectInputError(['--data', sub], /adir\.csv is a directory; pass a file or a glob/);
  });
  test('an empty file', async () => {
    await expectInputError(['--data', await file('empty.csv', '')], /empty\.csv: the file is empty/);
  });
  test('a header-only file', async () => {
    await expectInputError(
      ['--data', await file('header.csv', 'a,b,c\n')],
      /header\.csv: has a header but no data rows/
    );
  });
  test('ragged rows name the line', async () => {
    await expectInputError(
      ['--data', await file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n')],
      /ragged\.csv:3: row has 2 fields, the header has 3/
    );
  });
  test('a ragged row beyond the first megabyte names its line (reported by the engine)', async () => {
    const rows = ['a,b,c'];
    for (let i = 0; i < 120000; i++) rows.push(`${i},${i * 2},x${i % 7}`);
    rows.push('1,2');
    rows.push('3,4,5');
    await expectInputError(
      ['--data', await file('late-ragged.csv', rows.join('\n') + '\n')],
      /late-ragged\.csv:120002: row has 2 fields, the header has 3/
    );
  });
  test('a wrong delimiter', async () => {
    await expectInputError(
      ['--data', await file('semi.csv', 'a;b;c\n1;2;3\n4;5;6\n'), '--delimiter', ','],
      /semi\.csv:1: the header has no "," delimiter but looks ";"-separated; pass --delimiter ";"/
    );
  });
  test('a binary file', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    await expectInputError(
      ['--data', await file('binary.csv', bytes)],
      /binary\.csv: looks like a binary file, not CSV text/
    );
  });
  test('a glob that matches nothing', async () => {
    await expectInputError(['--data', join(dir, 'shards-none-*.csv')], /no files match/);
  });
  test('a reference that is JSON but not statistics', async () => {
    await expectInputError(
      [
        '--data',
        await file('ok.csv', 'a,b\n1,x\n2,y\n'),
        '--reference',
        await file('other.json', '{"hello": 1}')
      ],
      /other\.json: a JSON file but not mlci statistics/
    );
  });
  test('bad data while a raw reference is being read alongside it', async () => {
    const rows = Array.from({ length: 200000 }, (_, i) => `${i},${i % 7}`).join('\n');
    await expectInputError(
      [
        '--data',
        await file('ragged-data.csv', 'a,b\n1,2\n3\n'),
        '--reference',
        await file('big-reference.csv', `a,b\n${rows}\n`)
      ],
      /ragged-data\.csv:3: row has 1 field, the header has 2/
    );
  });
  test('a bad raw reference read alongside good data', async () => {
    await expectInputError(
      [
        '--data',
        await file('ok3.csv', 'a,b\n1,x\n2,y\n'),
        '--reference',
        await file('ragged-reference.csv', 'a,b\n1,x\n2\n')
      ],
      /ragged-reference\.csv:3: row has 1 field, the header has 2/
    );
  });
  test('a schema that is not valid JSON', async () => {
    await expectInputError(
      [
        '--data',
        await file('ok2.csv', 'a,b\n1,x\n2,y\n'),
        '--schema',
        await file('bad-schema.json', '{nope')
      ],
      /bad-schema\.json: not valid JSON/
    );
  });
});

describe('awkward but valid CSV is read correctly', () => {
  test('quoted commas and newlines, a BOM, mixed types and nulls', async () => {
    const csv =
      '\ufeffid,name,score,when\n1,"Smith, Jane",3.5,2024-01-02\n2,"multi\nline",,2024-01-03\n3,plain,-1e3,\n4,"say ""hi""",2,2024-02-01\n';
    const out = join(dir, 'awkward-out');
    const run = await runCli([
      'validate-data',
      '--data',
      await file('awkward.csv', csv),
      '--out',
      out,
      '--json'
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.data.rows).toBe(4);
    expect(Object.keys(report.columns)).toEqual(['id', 'name', 'score', 'when']);
    expect(report.columns.name.values).toEqual({
      'Smith, Jane': 1,
      'multi\nline': 1,
      plain: 1,
      'say "hi"': 1
    });
    expect(report.columns.score).toMatchObject({ kind: 'numeric', missing: 1, min: -1000, max: 3.5 });
    expect(report.columns.when).toMatchObject({
      kind: 'datetime',
      missing: 1,
      min: '2024-01-02',
      max: '2024-02-01'
    });
    expect((await readdir(out)).sort()).toEqual(['statistics.json', 'validation.json', 'validation.md']);
  });
  test('semicolon-separated files are detected without --delimiter', async () => {
    const run = await runCli([
      'validate-data',
      '--data',
      await file('semi2.csv', 'a;b\n1;x\n2;y\n'),
      '--json'
    ]);
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout).columns)).toEqual(['a', 'b']);
  });
});
