// Numeric columns take their NULL/NaN/±Inf counts and finite bounds from the head of their
// value-count stream rather than from a summary scan: the statistics (and drift inputs against a
// stored statistics.json or a reference table) must be exactly the engine's counts, whichever the path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { openCounts } from '../../src/data/numeric.js';
import { loadSource, type LoadedSource } from '../../src/data/source.js';
import type { DatasetStatistics } from '../../src/data/statistics.js';

/** Statistics without the histograms, whose edges come from the reference when there is one. */
function withoutHistograms(stats: DatasetStatistics): DatasetStatistics {
  const columns = Object.fromEntries(
    Object.entries(stats.columns).map(([name, { histogram: _histogram, ...rest }]) => [name, rest])
  );
  return { ...stats, columns };
}

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  dir = mkdtempSync(join(tmpdir(), 'mlci-headed-'));
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A seeded generator, so that failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * 6,000 rows: more distinct values than one engine chunk, with NULL, NaN, ±Inf and ±0 mixed in. As a
 * reference, `mixed` lies above most of current's values and `one_value` has no finite value.
 */
function specialCsv(seed: number, reference = false): string {
  const r = rng(seed);
  const lines = ['mixed,sparse,nan_only,inf_only,neg_only,one_value,cat'];
  const special = (x: number): string => {
    const u = r();
    if (u < 0.05) return '';
    if (u < 0.07) return 'nan';
    if (u < 0.08) return 'inf';
    if (u < 0.09) return '-inf';
    if (u < 0.1) return r() < 0.5 ? '-0.0' : '0.0';
    return String(x);
  };
  for (let i = 0; i < 6000; i++) {
    lines.push(
      [
        special(Math.round((r() - (reference ? -0.5 : 0.3)) * 1e6) / 100),
        r() < 0.9 ? '' : String(Math.round(r() * 50) / 10),
        r() < 0.5 ? '' : 'nan',
        // One finite value keeps the sniffer from reading inf/-inf as (infinite) dates.
        i === 1 ? '2.5' : r() < 0.3 ? '' : r() < 0.5 ? 'inf' : '-inf',
        i === 0 ? '1.5' : r() < 0.5 ? '-inf' : '',
        r() < 0.5 ? '' : reference ? 'nan' : '7.25',
        `c${Math.floor(r() * 5)}`
      ].join(',')
    );
  }
  return `${lines.join('\n')}\n`;
}

async function load(name: string, text: string): Promise<LoadedSource> {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, text);
  return loadSource(engine.db, path, name);
}

describe('numeric statistics from the head of the value-count stream', () => {
  let cur: LoadedSource;
  let ref: LoadedSource;
  beforeAll(async () => {
    cur = await load('cur', specialCsv(1));
    ref = await load('ref', specialCsv(2));
  });

  test('the generated columns are numeric', () => {
    const kinds = Object.fromEntries(cur.columns.map((c) => [c.name, c.kind]));
    for (const name of ['mixed', 'sparse', 'nan_only', 'inf_only', 'neg_only', 'one_value'])
      expect([name, kinds[name]]).toEqual([name, 'numeric']);
  });

  test('openCounts counts NULL, NaN and ±Inf, reads both finite bounds and stops on the minimum', async () => {
    const conn = await engine.connect();
    for (const column of ['mixed', 'sparse', 'nan_only', 'inf_only', 'neg_only', 'one_value']) {
      const finite = `CASE WHEN isfinite(${column}) THEN ${column} END`;
      const [expected] = (
        await engine.db.runAndReadAll(
          `SELECT count(*) - count(${column}), count_if(isnan(${column})), count_if(${column} = 'inf'::DOUBLE), ` +
            `count_if(${column} = '-inf'::DOUBLE), min(${finite}), max(${finite}) FROM cur`
        )
      ).getRows();
      const { cursor, head } = await openCounts(conn, 'cur', column);
      const bound = (v: unknown) => (v === null ? null : Number(v) + 0);
      expect([column, head.nulls, head.nan, head.posInf, head.negInf]).toEqual([
        column,
        ...expected.slice(0, 4).map(Number)
      ]);
      // + 0: -0 and 0 are one value (the engine's min may return either).
      expect([column, bound(head.min), bound(head.max)]).toEqual([
        column,
        bound(expected[4]),
        bound(expected[5])
      ]);
      expect([column, cursor.done ? null : cursor.value]).toEqual([column, head.min]);
      let n = 0;
      while (!cursor.done) {
        n += cursor.count;
        if (cursor.advance()) await cursor.refill();
      }
      expect([column, n]).toEqual([column, 6000 - head.nulls - head.nan - head.posInf - head.negInf]);
    }
  });

  test('a column with more groups than are read whole gives the same head and groups, streamed', async () => {
    const conn = await engine.connect();
    /** The head and every (value, count) the cursor walks. */
    async function walked(column: string, readWhole?: number) {
      const { cursor, head } = await openCounts(conn, 'cur', column, readWhole);
      const pairs: [number, number][] = [];
      while (!cursor.done) {
        pairs.push([cursor.value + 0, cursor.count]);
        if (cursor.advance()) await cursor.refill();
      }
      // + 0: -0 and 0 are one value (the engine's min may return either).
      const bound = (v: number | null) => (v === null ? null : v + 0);
      return { head: { ...head, min: bound(head.min), max: bound(head.max) }, pairs };
    }
    for (const column of ['mixed', 'sparse', 'nan_only', 'inf_only', 'neg_only', 'one_value']) {
      const whole = await walked(column);
      // 100 groups: 'mixed' (thousands of groups, several chunks) goes the streamed way.
      const streamed = await walked(column, 100);
      expect([column, streamed]).toEqual([column, whole]);
    }
    expect((await walked('mixed', 100)).pairs.length).toBeGreaterThan(2048);
  });

  test('equal the statistics beside a reference table, with no reference and with a stored one', async () => {
    const scanned = await analyse(engine, cur, { kind: 'table', source: ref });
    const alone = await analyse(engine, cur);
    expect(withoutHistograms(alone.current)).toEqual(withoutHistograms(scanned.current));
    const stored = await analyse(engine, ref);
    const vsStored = await analyse(engine, cur, {
      kind: 'statistics',
      statistics: JSON.parse(JSON.stringify(stored.current)),
      path: 'statistics.json'
    });
    expect(vsStored.current).toEqual(scanned.current);
    const mixed = vsStored.current.columns.mixed;
    expect(mixed.missing).toBeGreaterThan(0);
    expect(mixed.nan).toBeGreaterThan(0);
    expect(mixed.pos_inf).toBeGreaterThan(0);
    expect(mixed.neg_inf).toBeGreaterThan(0);
    expect(vsStored.current.columns.nan_only.finite ?? 0).toBe(0);
    // Drift against the stored reference uses the same counts as against the table.
    for (const column of ['mixed', 'sparse', 'one_value']) {
      const a = vsStored.inputs[column] as { nCur: number; nRef: number };
      const b = scanned.inputs[column] as { nCur: number; nRef: number };
      expect([column, a.nCur, a.nRef]).toEqual([column, b.nCur, b.nRef]);
    }
  });

  test('the committed fixtures: statistics without a reference equal those beside a reference table', async () => {
    const fixture = JSON.parse(readFileSync('__fixtures__/data/reference.json', 'utf8')) as {
      cases: Record<string, { reference: string; current: string }>;
    };
    for (const [name, c] of Object.entries(fixture.cases)) {
      const curF = await loadSource(engine.db, `__fixtures__/data/${c.current}`, `hc_${name}`);
      const refF = await loadSource(engine.db, `__fixtures__/data/${c.reference}`, `hr_${name}`);
      const scanned = await analyse(engine, curF, { kind: 'table', source: refF }, { label: 'label' });
      const alone = await analyse(engine, curF, undefined, { label: 'label' });
      expect(withoutHistograms(alone.current)).toEqual(withoutHistograms(scanned.current));
    }
  });
});

describe("with a reference table, both sides' counts come from the heads of their own streams", () => {
  let cur: LoadedSource;
  let ref: LoadedSource;
  const numeric = ['mixed', 'sparse', 'nan_only', 'inf_only', 'neg_only', 'one_value'];
  beforeAll(async () => {
    cur = await load('jcur', specialCsv(3));
    ref = await load('jref', specialCsv(4, true));
  });

  /** The counts and bounds of a numeric column, straight from the engine. */
  async function counted(table: string, column: string): Promise<Record<string, number | null>> {
    const x = `CAST(${column} AS DOUBLE)`;
    const f = `CASE WHEN isfinite(${x}) THEN ${x} END`;
    const [row] = (
      await engine.db.runAndReadAll(
        `SELECT count(${column}), count_if(isnan(${x})), count_if(${x} = 'inf'::DOUBLE), ` +
          `count_if(${x} = '-inf'::DOUBLE), count(${f}), min(${f}), max(${f}) FROM ${table}`
      )
    ).getRows();
    // + 0: -0 and 0 are one value (the engine's min may return either).
    const [present, nan, posInf, negInf, finite, min, max] = row.map((v) =>
      v === null ? null : Number(v) + 0
    );
    return { present, nan, pos_inf: posInf, neg_inf: negInf, finite, min, max };
  }

  test("statistics of both sides equal the engine's counts and the single-source path", async () => {
    const ra = await engine.db.runAndReadAll('SELECT count(*) FROM jref');
    expect(Number(ra.getRows()[0][0])).toBe(6000);
    const joint = await analyse(engine, cur, { kind: 'table', source: ref }, { ignoreDrift: ['sparse'] });
    const refAlone = await analyse(engine, ref);
    expect(joint.current.columns.one_value.finite).toBeGreaterThan(0);
    expect(refAlone.current.columns.one_value.finite ?? 0).toBe(0);
    for (const [table, stats] of [
      ['jcur', joint.current],
      ['jref', joint.reference!]
    ] as const) {
      for (const column of numeric) {
        const c = stats.columns[column];
        const finite = c.finite ?? 0;
        const got = {
          present: c.present,
          nan: c.nan,
          pos_inf: c.pos_inf,
          neg_inf: c.neg_inf,
          finite,
          min: finite > 0 ? (c.min as number) + 0 : null,
          max: finite > 0 ? (c.max as number) + 0 : null
        };
        expect([table, column, got]).toEqual([table, column, await counted(table, column)]);
        expect([table, column, c.missing]).toEqual([table, column, 6000 - (c.present ?? 0)]);
      }
    }
    // The reference side's moments and quantiles equal those of the reference profiled alone.
    for (const column of numeric) {
      const pick = ({ mean, std, m2, sum, quantiles, histogram }: DatasetStatistics['columns'][string]) => ({
        mean,
        std,
        m2,
        sum,
        quantiles,
        histogram
      });
      expect([column, pick(joint.reference!.columns[column])]).toEqual([
        column,
        pick(refAlone.current.columns[column])
      ]);
    }
    // Drift inputs equal those against the reference's stored statistics (exact: under the value cap),
    // whose bounds come from the stored file: the walk's Sturges bins need the pooled minimum.
    const vsStored = await analyse(
      engine,
      cur,
      {
        kind: 'statistics',
        statistics: JSON.parse(JSON.stringify(refAlone.current)),
        path: 'statistics.json'
      },
      { ignoreDrift: ['sparse'] }
    );
    expect(Object.keys(joint.inputs).sort()).toEqual(Object.keys(vsStored.inputs).sort());
    expect(joint.inputs.mixed).toBeDefined();
    expect(joint.inputs.sparse).toBeUndefined();
    for (const [column, input] of Object.entries(joint.inputs)) {
      const { exact: _e, rankError: _r, ...a } = input as unknown as Record<string, unknown>;
      const {
        exact: _e2,
        rankError: _r2,
        ...b
      } = vsStored.inputs[column] as unknown as Record<string, unknown>;
      expect([column, a]).toEqual([column, b]);
    }
    // Ignoring a column's drift leaves its reference statistics as they are.
    expect(joint.reference!.columns.sparse.finite).toBe(refAlone.current.columns.sparse.finite);
  });
});
