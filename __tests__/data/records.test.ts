// Rows loaded from memory (the monitor's window) must be typed and profiled exactly as the engine's
// JSON reader reads the same rows from a file, which is what the monitor did before it kept them in memory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadRecords, type RecordValue } from '../../src/data/records.js';
import { loadSource } from '../../src/data/source.js';
import { seededRandom } from '../../test-support/random.js';

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  dir = await mkdtemp(join(tmpdir(), 'mlci-records-'));
});
afterAll(async () => {
  engine.close();
  await rm(dir, { recursive: true, force: true });
});

const random = seededRandom;

/** Rows of every shape a log holds: integers, decimals, text with empties, booleans, dates, gaps. */
function rows(seed: number, n: number): Record<string, RecordValue>[] {
  const r = random(seed);
  const out: Record<string, RecordValue>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, RecordValue> = {
      tenure: Math.floor(r() * 72),
      charges: Math.round(r() * 10000) / 100 + (r() < 0.5 ? 0.005 : 0),
      contract: r() < 0.1 ? '' : ['month', 'year', 'two-year'][Math.floor(r() * 3)],
      paperless: r() < 0.5,
      signup: `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      seen: `2025-03-0${1 + Math.floor(r() * 9)}T1${Math.floor(r() * 9)}:30:00`,
      mixed: r() < 0.5 ? Math.floor(r() * 5) : `v${Math.floor(r() * 5)}`,
      nullable: r() < 0.3 ? null : r() * 3
    };
    // A key some rows lack: read as a missing value.
    if (r() < 0.8) row.sometimes = Math.floor(r() * 4);
    out.push(row);
  }
  return out;
}

/** The rows as the monitor used to hand them to the engine: JSON Lines, "" as null. */
function jsonl(data: Record<string, RecordValue>[]): string {
  return data
    .map((row) =>
      JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v])))
    )
    .join('\n')
    .concat('\n');
}

test.each([1, 2, 3])('typed and profiled as the JSON reader reads the same rows (seed %i)', async (seed) => {
  const data = rows(seed, 400 + seed * 97);
  const file = join(dir, `rows-${seed}.jsonl`);
  await writeFile(file, jsonl(data));
  const fromFile = await loadSource(engine.db, file, `file_${seed}`);
  const inMemory = await loadRecords(engine.db, data, `mem_${seed}`, file);
  expect(inMemory.rows).toBe(fromFile.rows);
  expect(inMemory.columns.map((c) => [c.name, c.kind])).toEqual(
    fromFile.columns.map((c) => [c.name, c.kind])
  );
  const a = await analyse(engine, fromFile);
  const b = await analyse(engine, inMemory);
  expect(b.current.duplicate_rows).toBe(a.current.duplicate_rows);
  for (const [name, stats] of Object.entries(a.current.columns)) {
    if (name === 'mixed') {
      // Numbers and text in one column: the JSON reader keeps each value's JSON text ("\"v1\""),
      // while in memory a value is its plain text ("v1"), as a CSV cell of the training data reads.
      const plain = Object.fromEntries(
        Object.entries(stats.values!).map(([k, v]) => [k.replace(/^"(.*)"$/, '$1'), v])
      );
      expect(b.current.columns.mixed.values).toEqual(plain);
      continue;
    }
    const { type: _t, hll: _h, ...rest } = stats;
    expect({ name, ...b.current.columns[name], type: undefined, hll: undefined }).toEqual({
      name,
      ...rest,
      type: undefined,
      hll: undefined
    });
  }
});

test('an empty string is a missing value; a missing key too', async () => {
  const source = await loadRecords(
    engine.db,
    [{ c: 'a', x: 1 }, { c: '' }, { c: 'b', x: 2.5 }],
    'empties',
    'log.jsonl'
  );
  expect(source.columns).toEqual([
    { name: 'c', type: 'VARCHAR', kind: 'categorical' },
    { name: 'x', type: 'DOUBLE', kind: 'numeric' }
  ]);
  const { current } = await analyse(engine, source);
  expect(current.columns.c).toMatchObject({ missing: 1, present: 2 });
  expect(current.columns.x).toMatchObject({ missing: 1, min: 1, max: 2.5 });
});

test('keys that differ only in case, and rows without columns, are refused by name', async () => {
  await expect(loadRecords(engine.db, [{ a: 1 }, { A: 2 }], 't1', 'log.jsonl')).rejects.toThrow(
    'log.jsonl: keys "a" and "A" differ only in case'
  );
  await expect(loadRecords(engine.db, [{}, {}], 't2', 'log.jsonl')).rejects.toThrow(
    'log.jsonl: the rows have no columns'
  );
  await expect(loadRecords(engine.db, [], 't3', 'log.jsonl')).rejects.toThrow('log.jsonl: has no rows');
  // An empty key crashed the table's creation ("zero-length delimited identifier": unexpected error).
  await expect(loadRecords(engine.db, [{ a: 1, '': 'x' }], 't4', 'log.jsonl')).rejects.toThrow(
    'log.jsonl: a key is the empty string; every column needs a name'
  );
  const proto = JSON.parse('{"a": 1, "__proto__": 2}') as Record<string, number>;
  await expect(loadRecords(engine.db, [proto], 't5', 'log.jsonl')).rejects.toThrow(
    'log.jsonl: column "__proto__" (column 2) cannot be a column name'
  );
});
