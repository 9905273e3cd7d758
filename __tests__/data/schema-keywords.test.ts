// Every keyword of a data schema is either checked as JSON Schema means it, or refused with exit 2 naming
// the file, the column and the keyword: never accepted and silently ignored (docs/schema.md). And an
// inferred schema is one a standard validator (Ajv, draft 2020-12) accepts for the rows it came from.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runCli } from '../../test-support/cli.js';

const H = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };

type Anomaly = {
  code: string;
  column?: string;
  count?: number;
  values?: { value: string; count: number }[];
  rows?: { line?: number; value?: unknown }[];
};
type Report = { anomalies: Anomaly[] };

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-schema-keywords-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** validate-data of `csv` against `schema`: exit code, anomalies and stderr. */
async function check(
  csv: string,
  schema: unknown
): Promise<{ code: number; anomalies: Anomaly[]; stderr: string }> {
  n += 1;
  const data = join(dir, `d${n}.csv`);
  const file = join(dir, `schema${n}.json`);
  await writeFile(data, csv);
  await writeFile(file, typeof schema === 'string' ? schema : JSON.stringify(schema));
  const run = await runCli(['validate-data', '--data', data, '--schema', file, '--json']);
  const anomalies = run.stdout.trim() ? (JSON.parse(run.stdout) as Report).anomalies : [];
  return { code: run.code, anomalies, stderr: run.stderr };
}

/** The anomalies of one code on one column. */
function of(anomalies: Anomaly[], code: string, column: string): Anomaly[] {
  return anomalies.filter((a) => a.code === code && a.column === column);
}

const one = (name: string, spec: unknown) => ({ ...H, properties: { [name]: spec } });

describe('format (repro-8)', () => {
  test('date: non-dates and impossible dates are out of domain, with their rows', async () => {
    const r = await check(
      'day\n2020-01-01\nhello\n2020-13-45\n2024-02-29\n2023-02-29\n',
      one('day', { type: 'string', format: 'date' })
    );
    const [a] = of(r.anomalies, 'out_of_domain', 'day');
    expect(a?.count).toBe(3);
    expect(a.rows?.map((x) => x.line)).toEqual([3, 4, 6]);
  });
  test('date-time and time', async () => {
    const r = await check(
      't,h\n2020-01-01T10:00:00Z,10:00:00\n2020-01-01 25:00:00,24:00:00\n2020-01-02T10:00:00.5+02:00,nope\n',
      {
        ...H,
        properties: { t: { type: 'string', format: 'date-time' }, h: { type: 'string', format: 'time' } }
      }
    );
    expect(of(r.anomalies, 'out_of_domain', 't')[0]?.count).toBe(1);
    expect(of(r.anomalies, 'out_of_domain', 'h')[0]?.count).toBe(2);
  });
  test('an inferred date column checks its format on other data', async () => {
    const train = join(dir, 'dates-train.csv');
    const out = join(dir, 'dates-schema.json');
    await writeFile(train, 'day\n2020-01-01\n2020-01-02\n');
    expect((await runCli(['schema', 'infer', '--data', train, '--out', out])).code).toBe(0);
    const r = await check('day\n2020-01-01\nhello\n', JSON.parse(await readFile(out, 'utf8')));
    expect(of(r.anomalies, 'out_of_domain', 'day')[0]?.count).toBe(1);
  });
});

describe('$ref and allOf (repro-9)', () => {
  test('constraints behind a reference and inside allOf are checked', async () => {
    const data = 'n\n1\n2\n7\n';
    const viaRef = await check(data, {
      ...H,
      $defs: { small: { type: 'integer', maximum: 2 } },
      properties: { n: { $ref: '#/$defs/small' } }
    });
    expect(of(viaRef.anomalies, 'out_of_range', 'n')[0]?.count).toBe(1);
    const viaAllOf = await check(
      data,
      one('n', { allOf: [{ type: 'integer', maximum: 2 }, { minimum: 2 }] })
    );
    expect(of(viaAllOf.anomalies, 'out_of_range', 'n')[0]?.count).toBe(2);
  });
  test('what cannot be merged or checked is refused naming the file, column and keyword', async () => {
    const r = await check('n\n1\n', one('n', { allOf: [{ type: 'integer' }, { anyOf: [{ maximum: 2 }] }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schema\d+\.json: column "n": .*"anyOf"/);
    const two = await check('t\na\n', one('t', { allOf: [{ pattern: 'a' }, { pattern: 'b' }] }));
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/schema\d+\.json: column "t": .*pattern/);
  });
});

describe('pattern (repro-10)', () => {
  test('is a search, as in ECMA-262: "[a-c]" accepts "abcx"', async () => {
    const r = await check('txt\na\nb\nabcx\nzzz\n', one('txt', { type: 'string', pattern: '[a-c]' }));
    expect(of(r.anomalies, 'out_of_domain', 'txt')[0]?.count).toBe(1);
  });
  test('\\s and . mean what they mean in ECMA-262 (U+00A0 is whitespace)', async () => {
    const r = await check('t\nab\na\u00a0b\n', one('t', { type: 'string', pattern: '^\\S+$' }));
    expect(of(r.anomalies, 'out_of_domain', 't')[0]?.count).toBe(1);
  });
  test('a pattern the engine cannot run is refused naming the file and column', async () => {
    for (const pattern of ['^(?=a)', '(a)\\1', 'a{1001}']) {
      const r = await check('txt\na\n', one('txt', { type: 'string', pattern }));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/schema\d+\.json: column "txt": pattern/);
      expect(r.stderr).not.toMatch(/unexpected error/);
    }
  });
});

test('infinite bounds are refused at load, not a crash (repro-11)', async () => {
  const r = await check(
    'n\n1\n2\n7\n',
    `{"type":"object","properties":{"n":{"type":"integer","minimum":-1e400,"maximum":3}}}`
  );
  expect(r.stderr).not.toMatch(/unexpected error/);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/schema\d+\.json: column "n": "minimum" is not a finite number/);
});

test('a numeric enum compares numbers (repro-12)', async () => {
  const r = await check('f\n1.0\n2.5\n3\n4\n', one('f', { type: 'number', enum: [1, 2.5, 3] }));
  const [a] = of(r.anomalies, 'out_of_domain', 'f');
  expect(a?.count).toBe(1);
  expect(a.values).toEqual([{ value: '4.0', count: 1 }]);
});

describe('exclusive bounds, multipleOf, const and text keywords on numbers (repro-13)', () => {
  const data = 'n,zip,t\n1,1234567,a\n2,12345,b\n7,99,c\n';
  test.each([
    ['exclusiveMaximum', { n: { type: 'integer', exclusiveMaximum: 2 } }, 'out_of_range', 'n', 2],
    ['exclusiveMinimum', { n: { type: 'integer', exclusiveMinimum: 1 } }, 'out_of_range', 'n', 1],
    ['multipleOf', { n: { type: 'integer', multipleOf: 2 } }, 'out_of_range', 'n', 2],
    ['a fractional multipleOf', { n: { type: 'number', multipleOf: 0.5 } }, 'out_of_range', 'n', 0],
    ['const', { t: { type: 'string', const: 'a' } }, 'out_of_domain', 't', 2]
  ])('%s is checked', async (_what, properties, code, column, count) => {
    const r = await check(data, { ...H, properties });
    expect(r.code).not.toBe(2);
    expect(of(r.anomalies, code, column)[0]?.count ?? 0).toBe(count);
  });
  test('pattern/maxLength on a column read as numbers is refused, telling to check it as text', async () => {
    const r = await check(data, one('zip', { type: 'string', pattern: '^[0-9]{5}$', maxLength: 5 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schema\d+\.json: column "zip": .*"pattern".*read as numbers/);
  });
  test('an unchecked keyword is refused', async () => {
    const r = await check(data, one('t', { type: 'string', not: { const: 'a' } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schema\d+\.json: column "t": keyword "not" is not checked/);
  });
});

/** A CSV's rows as a typed reader gives them: a column of numbers as numbers, empty cells as null. */
function csvRows(text: string): Record<string, unknown>[] {
  const [head, ...lines] = text.trim().split('\n');
  const names = head.split(',');
  const cells = lines.map((l) => l.split(','));
  const numeric = names.map((_, j) => cells.every((c) => c[j] === '' || Number.isFinite(Number(c[j]))));
  return cells.map((c) =>
    Object.fromEntries(names.map((name, j) => [name, c[j] === '' ? null : numeric[j] ? Number(c[j]) : c[j]]))
  );
}

describe('schema infer writes a schema Ajv accepts for the rows it came from (repro-14)', () => {
  /** Infers a schema from `file` and validates `rows` with Ajv (draft 2020-12). */
  async function inferAndValidate(name: string, text: string, rows: unknown[], args: string[] = []) {
    const data = join(dir, name);
    const out = join(dir, `${name}.schema.json`);
    await writeFile(data, text);
    expect((await runCli(['schema', 'infer', '--data', data, ...args, '--out', out])).code).toBe(0);
    const validate = new Ajv2020({ strict: false, allErrors: true, logger: false }).compile(
      JSON.parse(await readFile(out, 'utf8'))
    );
    const errors = rows.flatMap((row) =>
      validate(row) ? [] : [`${JSON.stringify(row)}: ${JSON.stringify(validate.errors)}`]
    );
    expect(errors).toEqual([]);
    // mlci agrees with itself on the same data.
    const run = await runCli(['validate-data', '--data', data, '--schema', out, ...args, '--json']);
    expect(run.code).toBe(0);
  }
  test('JSON Lines with nested objects and lists and a numeric label', async () => {
    const lines = [
      '{"y":0,"b":{"c":1},"l":[1,2],"s":"x"}',
      '{"y":1,"b":{"c":2},"l":[],"s":"y"}',
      '{"y":1,"b":{"c":2},"l":[3],"s":null}'
    ];
    await inferAndValidate(
      'nested.jsonl',
      lines.join('\n') + '\n',
      lines.map((l) => JSON.parse(l) as unknown),
      ['--label', 'y']
    );
  });
  test('CSV with a numeric label, decimals, text with U+00A0, dates and missing values', async () => {
    const many = Array.from(
      { length: 150 },
      (_, i) =>
        `${i % 2},${(i / 7).toFixed(3)},v${i}\u00a0x,2020-01-${String((i % 28) + 1).padStart(2, '0')},${i % 5 === 0 ? '' : `w${i}`}`
    );
    const text = ['y,f,t,day,w', ...many].join('\n') + '\n';
    await inferAndValidate('mixed.csv', text, csvRows(text), ['--label', 'y']);
  });
});
