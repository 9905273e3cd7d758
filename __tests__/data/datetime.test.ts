// Date/time columns: their distinct counts are computed apart from the summary scan (exact for
// current, a sketch for a reference table); the statistics must equal the engine's own aggregates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource, type LoadedSource } from '../../src/data/source.js';

let engine: Engine;
let dir: string;
let cur: LoadedSource;
let ref: LoadedSource;

/** Timestamps with ties and missing values; `shift` days later for the reference. */
function csv(rows: number, shift: number): string {
  const lines = ['ts,x'];
  for (let i = 0; i < rows; i++) {
    const day = ((i * 7919) % 400) + shift;
    const ts = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + (i % 3) * 3_600_000);
    lines.push(`${i % 17 === 0 ? '' : ts.toISOString().replace('T', ' ').slice(0, 19)},${i % 13}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  dir = mkdtempSync(join(tmpdir(), 'mlci-datetime-'));
  writeFileSync(join(dir, 'cur.csv'), csv(5000, 0));
  writeFileSync(join(dir, 'ref.csv'), csv(4000, 30));
  cur = await loadSource(engine.db, join(dir, 'cur.csv'), 'dcur');
  ref = await loadSource(engine.db, join(dir, 'ref.csv'), 'dref');
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function aggregates(table: string): Promise<unknown[]> {
  const [row] = (
    await engine.db.runAndReadAll(
      `SELECT count(ts), CAST(min(ts) AS VARCHAR), CAST(max(ts) AS VARCHAR), count(DISTINCT ts), approx_count_distinct(ts) FROM ${table}`
    )
  ).getRows();
  return row.map((v) => (typeof v === 'bigint' ? Number(v) : v));
}

test('date/time statistics equal the engine\u2019s aggregates, with and without a reference table', async () => {
  expect(cur.columns.find((c) => c.name === 'ts')?.kind).toBe('datetime');
  const [present, min, max, distinct] = await aggregates('dcur');
  const [refPresent, refMin, refMax, , refApprox] = await aggregates('dref');
  expect(distinct).toBeGreaterThan(1000);
  for (const analysis of [
    await analyse(engine, cur, { kind: 'table', source: ref }),
    await analyse(engine, cur)
  ]) {
    expect(analysis.current.columns.ts).toMatchObject({
      kind: 'datetime',
      present,
      missing: 5000 - (present as number),
      min,
      max,
      distinct,
      distinct_exact: true
    });
  }
  const withRef = await analyse(engine, cur, { kind: 'table', source: ref });
  expect(withRef.reference!.columns.ts).toMatchObject({
    present: refPresent,
    min: refMin,
    max: refMax,
    distinct: refApprox,
    distinct_exact: false
  });
  expect(Object.keys(withRef.current.columns)).toEqual(['ts', 'x']);
});

test('a reference column read as text where current has dates gets its present count from the scan', async () => {
  const path = join(dir, 'ref-text.csv');
  writeFileSync(path, csv(3000, 10).replace('\n2025-', '\nnot a date,0\n2025-'));
  const text = await loadSource(engine.db, path, 'dref_text');
  expect(text.columns.find((c) => c.name === 'ts')?.kind).not.toBe('datetime');
  const [row] = (await engine.db.runAndReadAll('SELECT count(ts) FROM dref_text')).getRows();
  const analysis = await analyse(engine, cur, { kind: 'table', source: text });
  expect(analysis.reference!.columns.ts).toMatchObject({
    present: Number(row[0]),
    missing: text.rows - Number(row[0])
  });
});
