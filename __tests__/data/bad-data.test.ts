// Bad data that used to pass silently or crash (issue 16), each through the CLI as a user runs it.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '../../src/data/columns.js';
import { runCli } from '../../test-support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-bad-data-'));
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function expectInputError(args: string[], pattern: RegExp): Promise<string> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const run = await runCli([...args, '--out', out]);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
  expect(run.code).toBe(2);
  expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
  return run.stderr;
}

describe('a label column that is not in the data', () => {
  test('validate-data --label names it, lists the columns and suggests the closest', async () => {
    const data = await file('labelled.csv', 'age,churned,region\n30,1,east\n40,0,west\n');
    const stderr = await expectInputError(
      ['validate-data', '--data', data, '--label', 'churn'],
      /label column "churn" is not in .*labelled\.csv \(did you mean "churned"\?\); columns: age, churned, region/
    );
    expect(stderr.split('\n').filter((l) => l.startsWith('mlci:'))).toHaveLength(1);
  });
  test('validate-data --label with nothing close lists the columns only', async () => {
    const data = await file('labelled2.csv', 'age,churned\n30,1\n40,0\n');
    const stderr = await expectInputError(
      ['validate-data', '--data', data, '--label', 'no_such_column'],
      /label column "no_such_column" is not in .*labelled2\.csv; columns: age, churned/
    );
    expect(stderr).not.toMatch(/did you mean/);
  });
  test('schema infer --label', async () => {
    const data = await file('labelled3.csv', 'age,churned\n30,1\n40,0\n');
    await expectInputError(
      ['schema', 'infer', '--data', data, '--label', 'target'],
      /label column "target" is not in .*labelled3\.csv; columns: age, churned/
    );
  });
  test('a label that exists passes', async () => {
    const data = await file('labelled4.csv', 'age,churned\n30,1\n40,0\n');
    const run = await runCli(['validate-data', '--data', data, '--label', 'churned', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).columns.churned).toBeDefined();
  });
});

describe('duplicated column names are refused, not renamed', () => {
  test('CSV: the same name twice', async () => {
    await expectInputError(
      ['validate-data', '--data', await file('dup.csv', 'a,b,a\n1,x,2\n3,y,4\n')],
      /dup\.csv:1: column name "a" appears more than once in the header \(columns 1 and 3\)/
    );
  });
  test('CSV: names that differ only in case', async () => {
    await expectInputError(
      ['validate-data', '--data', await file('dupcase.csv', 'Age,b,age\n1,x,2\n3,y,4\n')],
      /dupcase\.csv:1: column names "Age" \(column 1\) and "age" \(column 3\) differ only in case/
    );
  });
  test('CSV: a duplicate in the second shard of a glob names that shard', async () => {
    await file('shard-1.part.csv', 'a,b\n1,2\n');
    await file('shard-2.part.csv', 'a,b,b\n1,2,3\n');
    await expectInputError(
      ['validate-data', '--data', join(dir, 'shard-*.part.csv')],
      /shard-2\.part\.csv:1: column name "b" appears more than once in the header \(columns 2 and 3\)/
    );
  });
  test('JSON Lines: the same key twice in an object', async () => {
    await expectInputError(
      ['validate-data', '--data', await file('dup.jsonl', '{"a":1,"a":2,"b":"x"}\n{"a":3,"b":"y"}\n')],
      /dup\.jsonl.*duplicate key "a"/
    );
  });
  test('JSON Lines: keys that differ only in case', async () => {
    await expectInputError(
      ['validate-data', '--data', await file('dupcase.jsonl', '{"a":1,"b":"x"}\n{"A":3,"b":"y"}\n')],
      /dupcase\.jsonl: keys "a" and "A" differ only in case/
    );
  });
  test('JSON Lines: genuine columns x and x_1 are not duplicates', async () => {
    const data = await file('x1.jsonl', '{"x":1,"x_1":2}\n{"x":3,"x_1":4}\n');
    const run = await runCli(['validate-data', '--data', data, '--json']);
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout).columns)).toEqual(['x', 'x_1']);
  });
});

describe('special floats in the first row', () => {
  test('a numeric column whose first value is inf is numeric and reports inf_values', async () => {
    const data = await file('inf-first.csv', 'x,y\ninf,1\n2.5,2\n3,3\n-inf,4\n1e309,5\n');
    const run = await runCli(['validate-data', '--data', data, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.columns.x.kind).toBe('numeric');
    expect(report.columns.x.pos_inf).toBe(2);
    expect(report.columns.x.neg_inf).toBe(1);
    expect(report.columns.x.finite).toBe(2);
    const inf = report.anomalies.find((a: { code: string }) => a.code === 'inf_values');
    expect(inf).toMatchObject({ column: 'x', count: 3 });
  });
  test('the columns read for scoring (evaluate, train) type it numeric too', async () => {
    const data = await file('inf-first-cols.csv', 'x,y\ninf,1\n2.5,2\n-inf,3\n');
    const loaded = await loadColumns(data, ['x', 'y']);
    expect(Array.from(loaded.numeric.x)).toEqual([Infinity, 2.5, -Infinity]);
    expect(loaded.text.x).toBeUndefined();
  });
  test('a text column whose first value is inf stays text', async () => {
    const data = await file('inf-text.csv', 'x,y\ninf,1\nabc,2\n');
    const run = await runCli(['validate-data', '--data', data, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).columns.x.kind).toBe('categorical');
  });
});

describe('long rows', () => {
  test('a first data row with a field over 1 MiB is read', async () => {
    const big = 'x'.repeat(3 * 2 ** 20);
    const data = await file('huge-first.csv', `a,b\n1,${big}\n2,y\n`);
    const run = await runCli(['validate-data', '--data', data, '--json']);
    expect(run.stderr).not.toMatch(/no data rows/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.data.rows).toBe(2);
    expect(report.columns.b.length).toEqual({ min: 1, max: big.length });
  });
  test('a row over 2 MB after the first megabyte is read too', async () => {
    const rows = ['a,b'];
    for (let i = 0; i < 60000; i++) rows.push(`${i},v${i % 5}`);
    rows.push(`60000,${'z'.repeat(2_500_000)}`);
    const data = await file('huge-late.csv', rows.join('\n') + '\n');
    const run = await runCli(['validate-data', '--data', data, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).data.rows).toBe(60001);
  });
});

describe('--memory-limit', () => {
  test('a malformed size is exit 2 with the expected form', async () => {
    const data = await file('mem.csv', 'a\n1\n2\n');
    await expectInputError(
      ['validate-data', '--data', data, '--memory-limit', 'lots'],
      /--memory-limit: got "lots", expected a size such as "500MB" or "2GB"/
    );
  });
  test('a well-formed size is accepted', async () => {
    const data = await file('mem2.csv', 'a\n1\n2\n');
    const out = join(dir, 'mem-ok');
    const run = await runCli(['validate-data', '--data', data, '--memory-limit', '256MB', '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'validation.json'), 'utf8')).verdict).toBe('pass');
  });
});
