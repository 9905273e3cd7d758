// The bad-input corpus for numbers (see test-support/corpus.ts): integers beyond 2^53 that share a
// double, a mean far larger than the spread, categories outside the BMP and text codes spelled like
// numbers (0x1A, 2023_01). Each case runs `mlci validate-data --json` and holds it to its class and to
// the answer pandas/numpy/scipy give; never a merged value, a number made of a code, or a crash.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusDir, expectCliClass, removeCorpusDir } from '../../test-support/corpus.js';
import { writeParquet } from '../../test-support/parquet.js';

interface Report {
  columns: Record<
    string,
    { kind: string; type: string; distinct: number; top: { value: unknown }[]; m2?: number }
  >;
  drift: Record<string, { test: string; statistic: number | null }>;
}

interface Case {
  name: string;
  make: (dir: string) => Promise<string[]>;
  check: (report: Report) => void;
}

const LIMIT_MS = 30_000;

async function put(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const lines = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';
const times = (value: string, n: number) => Array<string>(n).fill(value);

const CASES: Case[] = [
  {
    name: 'BIGINT values 2^53 and 2^53 + 1 are two values',
    make: async (dir) => [
      '--data',
      await put(dir, 'big53.csv', lines('a', ['9007199254740993', '9007199254740992']))
    ],
    check: (r) => {
      expect(r.columns.a.distinct).toBe(2);
      expect(r.columns.a.top.map((t) => t.value).sort()).toEqual(['9007199254740992', '9007199254740993']);
    }
  },
  {
    name: 'snowflake-like IDs: every one distinct',
    make: async (dir) => [
      '--data',
      await put(
        dir,
        'ids.csv',
        lines(
          'id',
          Array.from({ length: 300 }, (_, i) => String(1541815603606036480n + BigInt(i)))
        )
      )
    ],
    check: (r) => expect(r.columns.id.distinct).toBe(300)
  },
  {
    name: 'Parquet UBIGINT near 2^64',
    make: async (dir) => [
      '--data',
      await writeParquet(join(dir, 'u.parquet'), '(18446744073709551615::UBIGINT - range::UBIGINT) AS u', 50)
    ],
    check: (r) => expect(r.columns.u.distinct).toBe(50)
  },
  {
    name: 'drift over 2^53 + {0, 1, 2, 3} counts four categories',
    make: async (dir) => {
      const v = (k: number) => String(2n ** 53n + BigInt(k));
      const ref = await put(
        dir,
        'ref.csv',
        lines(
          'id',
          [0, 1, 2, 3].flatMap((k) => times(v(k), 50))
        )
      );
      const cur = await put(
        dir,
        'cur.csv',
        lines(
          'id',
          [0, 1, 2, 3].flatMap((k) => times(v(k), 20 + 20 * k))
        )
      );
      return ['--data', cur, '--reference', ref];
    },
    check: (r) => {
      // scipy.stats.chisquare([20, 40, 60, 80], [50, 50, 50, 50]) = 40.0 (merged into 3 values it differs)
      expect(r.drift.id.test).toBe('chi2');
      expect(r.drift.id.statistic).toBeCloseTo(40, 12);
    }
  },
  {
    name: 'epoch-like values 1e15 + small steps keep their spread',
    make: async (dir) => [
      '--data',
      await put(
        dir,
        'mag.csv',
        lines(
          't',
          Array.from({ length: 400 }, (_, i) => String(1e15 + (i % 8) / 8))
        )
      )
    ],
    // Σ (k/8 − 7/16)² over k = 0…7, 50 times each
    check: (r) => expect(Math.abs(r.columns.t.m2! - 50 * 0.65625) / (50 * 0.65625)).toBeLessThan(1e-12)
  },
  {
    name: 'categories outside the BMP: Z statistic in Python order',
    make: async (dir) => {
      const ref = await put(dir, 'e_ref.csv', lines('m', [...times('Ａ', 100), ...times('😀', 100)]));
      const cur = await put(dir, 'e_cur.csv', lines('m', [...times('Ａ', 121), ...times('😀', 79)]));
      return ['--data', cur, '--reference', ref];
    },
    // Evidently: sorted(["Ａ", "😀"])[0] == "Ａ", so z tests the share of "😀": 0.5 vs 0.395, z > 0
    check: (r) => expect(r.drift.m.statistic).toBeGreaterThan(0)
  },
  {
    name: 'hexadecimal and digit-grouped codes stay text',
    make: async (dir) => [
      '--data',
      await put(dir, 'codes.csv', lines('code,part', ['0x1A,2023_01', '0xFF,2023_02', '0x10,2024_11']))
    ],
    check: (r) => {
      expect(r.columns.code.kind).toBe('categorical');
      expect(r.columns.part.kind).toBe('categorical');
    }
  },
  {
    name: 'a hexadecimal code beside decimals is text, not an unreadable number',
    make: async (dir) => ['--data', await put(dir, 'mixed.csv', lines('c', ['0x1A', '1', '2.5']))],
    check: (r) => expect(r.columns.c.kind).toBe('categorical')
  }
];

let dir: string;
beforeAll(async () => {
  dir = await corpusDir('numbers');
});
afterAll(() => removeCorpusDir(dir));

test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const args = await c.make(dir);
  const run = await expectCliClass(['validate-data', ...args, '--json'], { code: 0, withinMs: LIMIT_MS });
  c.check(JSON.parse(run.stdout) as Report);
});
