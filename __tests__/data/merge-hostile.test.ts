// `mlci stats merge` with shards that differ, repeat, or lie: each case compares the merge with one pass
// over the concatenated rows (docs/sharded-validation.md) or expects an input error naming file and field.
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { mergeStatistics, mergeStatisticsFiles } from '../../src/data/merge.js';
import type { DatasetStatistics } from '../../src/data/statistics.js';
import { profileData } from '../../src/stages/validate-data.js';
import { runCli } from '../../test-support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-merge-hostile-'));
});

/** Profiles CSV texts as shards and their concatenation (header of the first) as one pass. */
async function shardsOf(
  tag: string,
  texts: string[],
  all?: string
): Promise<{ shards: { name: string; stats: DatasetStatistics }[]; one: DatasetStatistics }> {
  const shards: { name: string; stats: DatasetStatistics }[] = [];
  for (const [i, text] of texts.entries()) {
    const path = join(dir, `${tag}-${i}.csv`);
    await writeFile(path, text);
    shards.push({ name: path, stats: await profileData({ data: path }) });
  }
  const joined =
    all ??
    texts[0] +
      texts
        .slice(1)
        .map((t) => t.slice(t.indexOf('\n') + 1))
        .join('');
  const onePath = join(dir, `${tag}-all.csv`);
  await writeFile(onePath, joined);
  return { shards, one: await profileData({ data: onePath }) };
}

/** Writes a statistics object as a file and returns its path. */
async function save(name: string, stats: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(stats));
  return path;
}

const pick = (c: object, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, (c as Record<string, unknown>)[k]]));

describe('stats merge: shards that differ', () => {
  test('top values of integers beyond 2^53 stay apart, as one pass counts them', async () => {
    const big = (n: string, k: number) => Array.from({ length: k }, () => `${n}\n`).join('');
    const { shards, one } = await shardsOf('big', [
      `id\n${big('9007199254740993', 3)}${big('9007199254740992', 1)}`,
      `id\n${big('9007199254740992', 2)}${big('9007199254740995', 1)}`
    ]);
    const merged = mergeStatistics(shards);
    expect(merged.columns.id.top).toEqual(one.columns.id.top);
    expect(merged.columns.id.top.map((t) => [String(t.value), t.count])).toEqual([
      ['9007199254740992', 3],
      ['9007199254740993', 3],
      ['9007199254740995', 1]
    ]);
  });

  test('a column missing from a shard counts that shard’s rows as missing (repro-3)', async () => {
    const { shards, one } = await shardsOf(
      'cols',
      ['x,y\n1,a\n2,b\n3,a\n', 'x\n4\n5\n'],
      'x,y\n1,a\n2,b\n3,a\n4,\n5,\n'
    );
    const merged = mergeStatistics(shards);
    const keys = ['count', 'missing', 'present', 'distinct', 'values'];
    expect(pick(merged.columns.y, keys)).toEqual(pick(one.columns.y, keys));
  });

  test('an all-missing column in one shard does not decide kind or type (repro-4a)', async () => {
    const { shards, one } = await shardsOf('null', ['x,z\n1,5\n2,\n3,\n', 'x,z\n1.5,\n2.5,\n']);
    expect(shards[1].stats.columns.z.kind).not.toBe('numeric');
    const merged = mergeStatistics(shards);
    const keys = ['kind', 'count', 'missing', 'present', 'min', 'max', 'mean', 'distinct'];
    expect(pick(merged.columns.z, keys)).toEqual(pick(one.columns.z, keys));
  });

  test('numeric types widen: BIGINT and DOUBLE give DOUBLE (repro-4b)', async () => {
    const { shards, one } = await shardsOf('wide', ['x\n1\n2\n3\n', 'x\n1.5\n2.5\n']);
    expect(one.columns.x.type).toBe('DOUBLE');
    expect(mergeStatistics(shards).columns.x.type).toBe('DOUBLE');
    expect(mergeStatistics([...shards].reverse()).columns.x.type).toBe('DOUBLE');
  });

  test('date/time distinct: exact over disjoint ranges, else a flagged lower bound (repro-5)', async () => {
    const { shards, one } = await shardsOf('dt', [
      'd\n2020-01-01\n2020-01-02\n',
      'd\n2021-05-01\n2021-05-02\n'
    ]);
    const merged = mergeStatistics(shards).columns.d;
    expect(pick(merged, ['distinct', 'distinct_exact'])).toEqual(
      pick(one.columns.d, ['distinct', 'distinct_exact'])
    );
    const overlap = await shardsOf('dto', ['d\n2020-01-01\n2020-01-03\n', 'd\n2020-01-02\n2020-01-04\n']);
    const m = mergeStatistics(overlap.shards).columns.d;
    expect(pick(m, ['distinct', 'distinct_exact', 'distinct_bound'])).toEqual({
      distinct: 2,
      distinct_exact: false,
      distinct_bound: 'lower'
    });
  });
});

describe('stats merge: above the 10,000-value cap in one shard', () => {
  test('categorical: small shards enter the sketch, big shard top counts are kept (repro-15)', async () => {
    const s1 = ['a', 'a', 'a', 'a', 'a', ...Array.from({ length: 9000 }, (_, i) => `p${i}`)];
    const s2 = [
      ...Array.from({ length: 100 }, () => 'a'),
      ...Array.from({ length: 12000 }, (_, i) => `q${i}`)
    ];
    const { shards, one } = await shardsOf('cap', [
      'c\n' + s1.join('\n') + '\n',
      'c\n' + s2.join('\n') + '\n'
    ]);
    const files = [await save('cap-0.json', shards[0].stats), await save('cap-1.json', shards[1].stats)];
    const merged = (await mergeStatisticsFiles(files)).columns.c;
    expect(merged.top[0]).toEqual({ value: 'a', count: 105 });
    expect(merged.distinct_exact).toBe(false);
    expect(Math.abs(merged.distinct - 21001) / 21001).toBeLessThan(3 * 0.0163);
    // The small shard is hashed as one pass hashes it: the merged sketch is the one-pass sketch.
    expect(merged.hll).toEqual(one.columns.c.hll);
  }, 60000);

  test('categorical: listing shards whose union passes the cap give an exact distinct count', async () => {
    const rows = (prefix: string) => Array.from({ length: 6000 }, (_, i) => `${prefix}${i}`).join('\n');
    const { shards, one } = await shardsOf('union', [`c\n${rows('u')}\n`, `c\n${rows('v')}\n`]);
    const files = [await save('union-0.json', shards[0].stats), await save('union-1.json', shards[1].stats)];
    const merged = (await mergeStatisticsFiles(files)).columns.c;
    const keys = ['distinct', 'distinct_exact', 'values', 'hll'];
    expect(pick(merged, keys)).toEqual(pick(one.columns.c, keys));
  }, 60000);

  test('numeric: top counts use the exact distribution of small shards (repro-18)', async () => {
    const s1 = [...Array.from({ length: 600 }, (_, i) => String(100 + (i % 10))), ...Array(50).fill('7')];
    const s2 = [
      ...Array(100).fill('7'),
      ...Array.from({ length: 12000 }, (_, i) => (i / 7 + 1000).toFixed(6))
    ];
    const { shards, one } = await shardsOf('ntop', [
      'x\n' + s1.join('\n') + '\n',
      'x\n' + s2.join('\n') + '\n'
    ]);
    expect(mergeStatistics(shards).columns.x.top[0]).toEqual({ value: 7, count: 150 });
    expect(one.columns.x.top[0]).toEqual({ value: 7, count: 150 });
  }, 60000);
});

describe('stats merge: hostile shard files', () => {
  let good: DatasetStatistics;
  let goodPath: string;
  beforeAll(async () => {
    const path = join(dir, 'good.csv');
    await writeFile(path, 'x,c\n1,a\n2,b\n3,a\n');
    good = await profileData({ data: path, label: 'c' });
    goodPath = await save('good.json', good);
  });

  /** A statistics object as a hostile file may have it. */
  interface Loose {
    columns: { x: Record<string, unknown> } | null;
    label: Record<string, unknown>;
    source?: unknown;
    version: unknown;
    rows: unknown;
  }
  const cases: [string, (s: Loose) => void, RegExp][] = [
    ['columns-null', (s) => (s.columns = null), /columns-null\.json: "columns"/],
    ['no-source', (s) => delete s.source, /no-source\.json: "source"/],
    ['label-null', (s) => (s.label.distribution = null), /label-null\.json: "label\.distribution"/],
    ['hll-bad', (s) => (s.columns!.x.hll = { p: 4 }), /hll-bad\.json: "columns\.x\.hll/],
    ['count-str', (s) => (s.columns!.x.count = 'NaN'), /count-str\.json: "columns\.x\.count"/],
    ['version-99', (s) => (s.version = 99), /version-99\.json: "version"/],
    ['rows-negative', (s) => (s.rows = -7), /rows-negative\.json: "rows"/]
  ];
  test.each(cases)(
    '%s is refused with an input error naming file and field (repro-6)',
    async (name, edit, message) => {
      const bad = JSON.parse(JSON.stringify(good)) as Loose;
      edit(bad);
      const run = await runCli([
        'stats',
        'merge',
        goodPath,
        await save(`${name}.json`, bad),
        '--out',
        join(dir, `m-${name}.json`)
      ]);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(2);
    }
  );

  test('the same file twice (any spelling) is refused (repro-17)', async () => {
    const out = join(dir, 'twice.json');
    // Another spelling (relative) and another name (a symbolic link) of the same file.
    const link = join(dir, 'link.json');
    await symlink(goodPath, link);
    const run = await runCli(['stats', 'merge', relative(process.cwd(), goodPath), link, '--out', out]);
    expect(run.stderr).toMatch(/given twice/);
    expect(run.code).toBe(2);
  });

  test('a column named __proto__ survives the merge', async () => {
    const text = JSON.stringify(good).replace('"columns":{"x"', '"columns":{"__proto__"');
    const parsed = JSON.parse(text) as DatasetStatistics;
    expect(Object.keys(parsed.columns)).toContain('__proto__');
    const out = join(dir, 'proto-merged.json');
    const run = await runCli(['stats', 'merge', await save('proto.json', parsed), '--out', out]);
    expect(run.code).toBe(0);
    const merged = JSON.parse(await readFile(out, 'utf8')) as DatasetStatistics;
    expect(Object.keys(merged.columns)).toEqual(Object.keys(parsed.columns));
    expect(Object.prototype.hasOwnProperty.call(merged.columns, '__proto__')).toBe(true);
  });
});
