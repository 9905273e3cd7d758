// Numbers as pandas and numpy take them: integers beyond 2^53 stay apart in counts, distinct and top
// values and categorical drift (pandas keeps int64 exact), moments stay exact when the mean is far
// larger than the spread, categories sort by code point as Python's sorted() does, and only text
// pandas' read_csv reads as numbers becomes a number.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { NumericAccumulator, equalWidthEdges, openCounts } from '../../src/data/numeric.js';
import { sortKeys, zTest } from '../../src/data/drift/z.js';
import { runCli } from '../../test-support/cli.js';
import { writeParquet } from '../../test-support/parquet.js';

const PYTHON = '/usr/bin/python3';

interface Column {
  type: string;
  kind: string;
  distinct: number;
  top: { value: number | string; count: number }[];
  mean?: number;
  m2?: number;
}
interface Validation {
  columns: Record<string, Column>;
  drift: Record<string, { test: string; statistic: number | null; p_value: number | null }>;
}

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-numbers-'));
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function validate(args: string[]): Promise<Validation> {
  const run = await runCli(['validate-data', ...args, '--json']);
  if (run.code !== 0 && run.code !== 1) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Validation;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('integers beyond 2^53', () => {
  test('two integers that share a double are two values, listed with every digit', async () => {
    const data = write('big53.csv', 'a\n9007199254740993\n9007199254740992\n9007199254740993\n');
    const a = (await validate(['--data', data])).columns.a;
    expect(a.type).toBe('BIGINT');
    expect(a.distinct).toBe(2);
    expect(a.top).toEqual([
      { value: '9007199254740993', count: 2 },
      { value: '9007199254740992', count: 1 }
    ]);
  });

  test('a Parquet UBIGINT column near 2^64 keeps its 50 values', async () => {
    const data = await writeParquet(
      join(dir, 'u.parquet'),
      '(18446744073709551615::UBIGINT - range::UBIGINT) AS u',
      50
    );
    const u = (await validate(['--data', data])).columns.u;
    expect(u.type).toBe('UBIGINT');
    expect(u.distinct).toBe(50);
    expect(u.top[0]).toEqual({ value: '18446744073709551566', count: 1 });
  });

  test('a column streamed chunk by chunk keeps the exact values too', async () => {
    const db = await engine.connect();
    await db.run(
      `CREATE TABLE wide AS SELECT (9007199254740992 + range % 3000)::BIGINT AS x FROM range(6000)`
    );
    const { head, cursor } = await openCounts(db, 'wide', 'x', 100, true);
    expect(head.min).toBe(2 ** 53);
    const acc = new NumericAccumulator(6000, equalWidthEdges(head.min!, head.max!));
    let last: string | undefined;
    while (!cursor.done) {
      acc.add(cursor.value, cursor.count, cursor.key);
      last = cursor.key;
      if (cursor.advance()) await cursor.refill();
    }
    expect(last).toBe(String(2n ** 53n + 2999n));
    expect(acc.finish().distinct).toBe(3000);
  });

  test('chi-square over 2^53 + {0, 1, 2, 3} equals scipy over four categories', async () => {
    const counts = (c: number[]) =>
      'id\n' + c.flatMap((n, k) => Array<string>(n).fill(String(2n ** 53n + BigInt(k)))).join('\n') + '\n';
    const ref = write('big_ref.csv', counts([80, 60, 40, 20]));
    const cur = write('big_cur.csv', counts([43, 36, 43, 78]));
    const drift = (await validate(['--data', cur, '--reference', ref])).drift.id;
    const scipy = JSON.parse(
      execFileSync(
        PYTHON,
        [
          '-c',
          'from scipy import stats; r = stats.chisquare([43, 36, 43, 78], [80, 60, 40, 20]); print([r[0], r[1]])'
        ],
        { encoding: 'utf8' }
      )
    ) as [number, number];
    expect(drift.test).toBe('chi2');
    expect(Math.abs(drift.statistic! - scipy[0])).toBeLessThan(1e-9 * scipy[0]);
    expect(Math.abs(drift.p_value! - scipy[1])).toBeLessThan(1e-9 * scipy[1]);
  });
});

describe('moments far from zero', () => {
  /** Exact mean and M2 of integer multiples of 1/8 (scaled by 8 to BigInt). */
  function exact(values: number[]): { mean: number; m2: number } {
    const n = BigInt(values.length);
    const scaled = values.map((v) => BigInt(v * 8));
    const sum = scaled.reduce((a, b) => a + b, 0n);
    const sumSq = scaled.reduce((a, b) => a + b * b, 0n);
    // M2 · 64 · n = n Σx² − (Σx)²
    const m2 = Number(n * sumSq - sum * sum) / Number(n) / 64;
    return { mean: Number(sum) / Number(n) / 8, m2 };
  }

  test.each([1e9, 1e12, 1e15])('mean and M2 of %d + N(0, 1) equal the exact values to 1e-12', (offset) => {
    let s = 12345;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) + 0.5) / 2 ** 32;
    const values = Array.from(
      { length: 1500 },
      () => offset + Math.round(8 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r())) / 8
    );
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const sorted = [...counts.keys()].sort((a, b) => a - b);
    const acc = new NumericAccumulator(values.length, equalWidthEdges(sorted[0], sorted[sorted.length - 1]));
    for (const v of sorted) acc.add(v, counts.get(v)!);
    const got = acc.finish();
    const want = exact(values);
    expect(Math.abs(got.m2 - want.m2) / want.m2).toBeLessThan(1e-12);
    expect(Math.abs(got.mean! - want.mean)).toBeLessThanOrEqual(offset * 2 ** -52);
  });
});

describe('category order', () => {
  test('strings sort by code point, as Python sorts them', () => {
    expect(sortKeys(['😀', 'Ａ', 'b'], false)).toEqual(['b', 'Ａ', '😀']);
  });

  test('the Z statistic tests "not the first category" in Python order', () => {
    const ref = new Map([
      ['Ａ', 100],
      ['😀', 100]
    ]);
    const cur = new Map([
      ['Ａ', 121],
      ['😀', 79]
    ]);
    // Evidently: sorted(["Ａ", "😀"])[0] == "Ａ"; the reference has more "not Ａ" rows: z > 0.
    expect(zTest(ref, cur).statistic).toBeGreaterThan(0);
    expect(zTest(cur, ref).statistic).toBeLessThan(0);
  });

  test('numeric keys beyond 2^53 sort by their exact value', () => {
    expect(sortKeys(['9007199254740993', '9007199254740992'], true)).toEqual([
      '9007199254740992',
      '9007199254740993'
    ]);
  });
});

describe('numbers as pandas reads them', () => {
  /** One column per spelling: the spelling in the first row, then plain numbers. */
  const SPELLINGS = [
    '0x1A',
    '0XFF',
    '0b101',
    '0o17',
    '1_000',
    '2023_01',
    '1.5_0',
    '1,5',
    '1d5',
    '5L',
    '1e',
    '.',
    '--5',
    '+5',
    '-5',
    '00012',
    '1e5',
    '1E+05',
    '-.5e3',
    '.5',
    '5.',
    '+.5',
    'inf',
    '-Infinity',
    'INF',
    '+inf',
    'iNfInItY',
    'nan',
    'NaN',
    '-nan',
    'NAN',
    '+nan',
    'nan(1)',
    '١٢',
    '１２',
    '0e0'
  ];

  test('each column is numeric exactly when pandas reads it as numbers', async () => {
    const header = SPELLINGS.map((_, i) => `c${i}`).join(',');
    const rows = [
      SPELLINGS.map((s) => `"${s}"`).join(','),
      SPELLINGS.map(() => '1').join(','),
      SPELLINGS.map(() => '2.5').join(',')
    ];
    const data = write('spellings.csv', [header, ...rows].join('\n') + '\n');
    const pandas = JSON.parse(
      execFileSync(
        PYTHON,
        [
          '-c',
          `import pandas as pd, json, sys; d = pd.read_csv(sys.argv[1]); print(json.dumps({c: pd.api.types.is_numeric_dtype(t) for c, t in d.dtypes.items()}))`,
          data
        ],
        { encoding: 'utf8' }
      )
    ) as Record<string, boolean>;
    const columns = (await validate(['--data', data])).columns;
    const differ = SPELLINGS.filter((_, i) => (columns[`c${i}`].kind === 'numeric') !== pandas[`c${i}`]);
    expect(differ).toEqual([]);
    // The spellings that make these numbers are not numbers to pandas: the test covers both sides.
    expect(pandas.c0).toBe(false);
    expect(pandas.c13).toBe(true);
  });
});
