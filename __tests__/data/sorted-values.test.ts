// The JS side of numeric value counts (src/data/sorted-values.ts): the radix sort must order every
// finite double as numbers compare (signs, ±0, subnormals, huge magnitudes, ties), the runs must
// count each distinct value once (−0 and +0 together), and the streams must equal the engine's own
// GROUP BY … ORDER BY on the same table, NULL, NaN and ±Inf included.
import { openEngine, type Engine } from '../../src/data/engine.js';
import { SortWorker } from '../../src/data/sort-worker.js';
import { WORKER_MIN_VALUES, mergeRuns, readRuns, runs, sortDoubles } from '../../src/data/sorted-values.js';
import { seededRandom } from '../../test-support/random.js';

/** Finite doubles of every shape: ties, both zeros, negatives, subnormals and extremes. */
function mixedDoubles(n: number, seed: number): Float64Array {
  const r = seededRandom(seed);
  const out = new Float64Array(n);
  const specials = [
    0,
    -0,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1,
    -1
  ];
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.05) out[i] = specials[Math.floor(r() * specials.length)];
    else if (u < 0.4)
      out[i] = Math.round((r() - 0.5) * 200) / 4; // many ties
    else if (u < 0.7) out[i] = (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
    else out[i] = Math.round((r() - 0.3) * 1e6) / 1e4;
  }
  return out;
}

/** Runs counted the obvious way, with a Map over the values (−0 folds into +0 as a Map key). */
function naiveRuns(values: Float64Array): { values: number[]; counts: number[] } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return { values: keys, counts: keys.map((k) => counts.get(k)!) };
}

describe('radix sort and runs', () => {
  test.each([0, 1, 2, 17, 5000, 100_000])('%i values sort as numbers compare', (n) => {
    const input = mixedDoubles(n, n + 7);
    const sorted = sortDoubles(input.slice());
    const expected = Array.from(input).sort(
      (a, b) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0)
    );
    expect(sorted.length).toBe(n);
    for (let i = 0; i < n; i++) {
      if (!Object.is(sorted[i], expected[i]))
        throw new Error(`position ${i}: ${sorted[i]} != ${expected[i]}`);
    }
  });

  test('a column of one repeated value (every pass skipped) and of negatives only', () => {
    expect(Array.from(sortDoubles(new Float64Array(1000).fill(-3.5)))).toEqual(new Array(1000).fill(-3.5));
    const negatives = Float64Array.from({ length: 3000 }, (_, i) => -((i * 7919) % 3001) / 3);
    expect(Array.from(sortDoubles(negatives.slice()))).toEqual(Array.from(negatives).sort((a, b) => a - b));
  });

  test('runs count each distinct value once, −0 and +0 as one +0', () => {
    const input = mixedDoubles(50_000, 3);
    const got = runs(sortDoubles(input.slice()));
    const want = naiveRuns(input);
    expect(Array.from(got.values)).toEqual(want.values);
    expect(Array.from(got.counts)).toEqual(want.counts);
    expect(Array.from(got.values).some((v) => Object.is(v, -0))).toBe(false);
  });

  test('mergeRuns pools two sides with each side’s count', () => {
    const a = mixedDoubles(20_000, 11);
    const b = mixedDoubles(30_000, 12);
    const merged: number[][] = [[], [], []];
    for (const chunk of mergeRuns(runs(sortDoubles(a.slice())), runs(sortDoubles(b.slice())))) {
      merged[0].push(...chunk.values);
      merged[1].push(...chunk.countsA);
      merged[2].push(...chunk.countsB);
    }
    const ra = naiveRuns(a);
    const rb = naiveRuns(b);
    const ca = new Map(ra.values.map((v, i) => [v, ra.counts[i]]));
    const cb = new Map(rb.values.map((v, i) => [v, rb.counts[i]]));
    const pooled = [...new Set([...ra.values, ...rb.values])].sort((x, y) => x - y);
    expect(merged[0]).toEqual(pooled);
    expect(merged[1]).toEqual(pooled.map((v) => ca.get(v) ?? 0));
    expect(merged[2]).toEqual(pooled.map((v) => cb.get(v) ?? 0));
  });
});

describe('streams equal the engine’s GROUP BY … ORDER BY', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
    // More rows than one engine chunk, with NULL, NaN, ±Inf, ±0 and integers read as BIGINT.
    const rows = 30_000;
    await engine.db.run(
      `CREATE TABLE a AS SELECT CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN 'nan'::DOUBLE ` +
        `WHEN i % 83 = 0 THEN 'inf'::DOUBLE WHEN i % 79 = 0 THEN '-inf'::DOUBLE WHEN i % 73 = 0 THEN -0.0 ` +
        `ELSE round((hash(i) % 100000)::DOUBLE / 7 - 7000, 2) END AS x, (hash(i, 1) % 50)::BIGINT - 25 AS k ` +
        `FROM range(${rows}) t(i)`
    );
    await engine.db.run(
      `CREATE TABLE b AS SELECT CASE WHEN i % 61 = 0 THEN NULL ELSE round((hash(i, 2) % 100000)::DOUBLE / 5 - 9000, 2) END AS x, ` +
        `(hash(i, 3) % 40)::BIGINT AS k FROM range(${rows / 2}) t(i)`
    );
  });
  afterAll(() => engine.close());

  async function engineCounts(sql: string): Promise<number[][]> {
    return (await engine.db.runAndReadAll(sql))
      .getRows()
      .map((r) => r.map((v) => (v === null ? NaN : Number(v))));
  }

  const pairs = (runs: { values: Float64Array; counts: Float64Array }) =>
    Array.from(runs.values, (v, i) => [v, runs.counts[i]]);

  test.each(['x', 'k'])('readRuns and mergeRuns of column %s', async (column) => {
    const conn = await engine.connect();
    const v = `CAST(${column} AS DOUBLE)`;
    const a = await readRuns(conn, 'a', column);
    const b = await readRuns(conn, 'b', column);
    expect(pairs(a.finite)).toEqual(
      await engineCounts(
        `SELECT ${v} AS v, count(*)::DOUBLE FROM a WHERE isfinite(${v}) GROUP BY v ORDER BY v`
      )
    );
    const joint: number[][] = [];
    for (const chunk of mergeRuns(a.finite, b.finite)) {
      for (let i = 0; i < chunk.values.length; i++)
        joint.push([chunk.values[i], chunk.countsA[i], chunk.countsB[i]]);
    }
    expect(joint).toEqual(
      await engineCounts(
        `SELECT v, count(*) FILTER (WHERE s = 0)::DOUBLE, count(*) FILTER (WHERE s = 1)::DOUBLE FROM (` +
          `SELECT ${v} AS v, 0 AS s FROM a WHERE isfinite(${v}) UNION ALL SELECT ${v} AS v, 1 AS s FROM b WHERE isfinite(${v})) ` +
          `GROUP BY v ORDER BY v`
      )
    );
  });

  test('a column sorted on the worker thread gives the runs sorted in place', async () => {
    const rows = WORKER_MIN_VALUES + 50_000;
    await engine.db.run(
      `CREATE TABLE big AS SELECT CASE WHEN i % 101 = 0 THEN NULL WHEN i % 103 = 0 THEN -0.0 ` +
        `ELSE round((hash(i, 9) % 1000000)::DOUBLE / 3 - 150000, 1) END AS x FROM range(${rows}) t(i)`
    );
    const worker = new SortWorker();
    try {
      const conn = await engine.connect();
      const [inWorker, again] = await Promise.all([
        readRuns(conn, 'big', 'x', rows, worker),
        readRuns(await engine.connect(), 'big', 'x', rows, worker)
      ]);
      const inPlace = await readRuns(conn, 'big', 'x', rows);
      const same = (a: Float64Array, b: Float64Array) =>
        Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
          Buffer.from(b.buffer, b.byteOffset, b.byteLength)
        );
      for (const read of [inWorker, again]) {
        expect(same(read.finite.values, inPlace.finite.values)).toBe(true);
        expect(same(read.finite.counts, inPlace.finite.counts)).toBe(true);
        expect(read.nulls).toBe(inPlace.nulls);
      }
      // The in-place path is checked value by value against the engine above; here its shape.
      const [[distinct, min, max]] = await engineCounts(`SELECT count(DISTINCT x), min(x), max(x) FROM big`);
      const values = inPlace.finite.values;
      expect([values.length, values[0], values[values.length - 1]]).toEqual([distinct, min, max]);
      expect(distinct).toBeGreaterThan(100_000);
    } finally {
      await worker.close();
    }
  });

  test('readRuns counts NULL, NaN, +Inf and −Inf rows', async () => {
    const conn = await engine.connect();
    const read = await readRuns(conn, 'a', 'x');
    const [expected] = await engineCounts(
      `SELECT count(*) - count(x), count_if(isnan(x)), count_if(x = 'inf'::DOUBLE), count_if(x = '-inf'::DOUBLE) FROM a`
    );
    expect([read.nulls, read.nan, read.posInf, read.negInf]).toEqual(expected);
    expect(expected.every((count) => count > 0)).toBe(true);
  });
});
