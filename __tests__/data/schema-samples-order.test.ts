// Files are loaded in parallel without keeping their row order, so the sampled offending rows of
// schema checks must still be the first ones in the files, numbered by their lines. Violations are
// spread over files of several read buffers (the engine reads them on several threads), in one CSV,
// CSV shards and JSON Lines; the expected rows come from the generator, and two runs must agree.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { InputError } from '../../src/core/errors.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { validateAgainstSchema, type SchemaViolation } from '../../src/data/schema-check.js';
import type { RowRef } from '../../src/data/schema-rows.js';
import type { RowSchema } from '../../src/data/schema.js';
import { loadRecords } from '../../src/data/records.js';
import { loadSource } from '../../src/data/source.js';

/** Rows per file: ≈ 11 MB of CSV, three of the engine's 4 MB read buffers. */
const ROWS = 240_000;
const PAD = 'p'.repeat(24);

interface Row {
  x: number;
  y: string | null;
  z: number;
}

/**
 * Row i of file s: x out of [0, 100] every 45,001st row, y missing every 43,003rd and "zz" every
 * 41,011th: six or more of each per file, the first five spread over its read buffers; z out of
 * [0, 10] every 997th row, five times within the rows that the first ordered read looks at.
 */
function row(s: number, i: number): Row {
  const j = i + s * 7;
  return {
    x: j % 45_001 === 11 ? 1000.5 + i : (j % 997) / 10,
    y: j % 43_003 === 5 ? null : j % 41_011 === 17 ? 'zz' : `v${j % 3}`,
    z: j % 997 === 3 ? 50.5 : j % 10
  };
}

const schema: RowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    x: { type: 'number', minimum: 0, maximum: 100 },
    y: { type: 'string', enum: ['v0', 'v1', 'v2'] },
    z: { type: 'number', minimum: 0, maximum: 10 },
    pad: { type: 'string' }
  }
};

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-samples-order-'));
  engine = await openEngine({ memoryLimit: '256MB', threads: 4 });
  for (const s of [0, 1]) {
    const csv: string[] = ['x,y,z,pad'];
    const jsonl: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const r = row(s, i);
      csv.push(`${r.x},${r.y ?? ''},${r.z},${PAD}`);
      jsonl.push(JSON.stringify({ ...r, pad: PAD }));
    }
    await writeFile(join(dir, `part-${s}.csv`), csv.join('\n') + '\n');
    await writeFile(join(dir, `part-${s}.jsonl`), jsonl.join('\n') + '\n');
  }
});
afterAll(async () => {
  engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** The first five offending rows in file order, as the checks must report them. */
function expected(files: number[], ext: string, bad: (r: Row) => boolean, value: (r: Row) => string | null) {
  const out: RowRef[] = [];
  for (const s of files)
    for (let i = 0; i < ROWS && out.length < 5; i++) {
      const r = row(s, i);
      if (bad(r))
        out.push({
          row: i + 1,
          file: join(dir, `part-${s}.${ext}`),
          line: ext === 'csv' ? i + 2 : i + 1,
          value: value(r)
        });
    }
  return out;
}

async function check(pattern: string, table: string): Promise<SchemaViolation[]> {
  const source = await loadSource(engine.db, join(dir, pattern), table);
  const { current } = await analyse(engine, source);
  return validateAgainstSchema(engine.db, source, current, schema);
}

describe.each([
  ['one CSV', 'part-0.csv', [0], 'csv'],
  ['CSV shards', 'part-*.csv', [0, 1], 'csv'],
  ['one JSON Lines file', 'part-1.jsonl', [1], 'jsonl']
] as const)('%s', (name, pattern, files, ext) => {
  test('samples the first offending rows of the files, by line, the same on every run', async () => {
    const table = `t_${name.replace(/\W/g, '_')}`;
    const found = await check(pattern, table);
    const outside = (r: Row) => r.x > 100;
    const range = found.find((v) => v.code === 'out_of_range' && v.column === 'x');
    expect(range?.count).toBe(
      files.flatMap((s) => Array.from({ length: ROWS }, (_, i) => row(s, i))).filter(outside).length
    );
    expect(range?.rows).toEqual(expected([...files], ext, outside, (r) => String(r.x)));
    const z = found.find((v) => v.code === 'out_of_range' && v.column === 'z');
    expect(z?.rows).toEqual(
      expected(
        [...files],
        ext,
        (r) => r.z > 10,
        (r) => String(r.z)
      )
    );
    const domain = found.find((v) => v.code === 'out_of_domain' && v.column === 'y');
    expect(domain?.rows).toEqual(
      expected(
        [...files],
        ext,
        (r) => r.y === 'zz',
        (r) => r.y
      )
    );
    const nulls = found.find((v) => v.code === 'unexpected_nulls' && v.column === 'y');
    expect(nulls?.rows).toEqual(
      expected(
        [...files],
        ext,
        (r) => r.y === null,
        () => null
      )
    );
    expect(await check(pattern, `${table}_again`)).toEqual(found);
  });
});

test('a file removed between the load and the read of its offending rows is named', async () => {
  const file = join(dir, 'gone.csv');
  await copyFile(join(dir, 'part-0.csv'), file);
  const source = await loadSource(engine.db, file, 't_gone');
  const { current } = await analyse(engine, source);
  await rm(file);
  const error = await validateAgainstSchema(engine.db, source, current, schema).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toContain(file);
});

test('rows from memory keep their order: samples name their position in the log', async () => {
  const log = 'predictions.jsonl';
  const rows = Array.from({ length: ROWS }, (_, i) => ({ ...row(0, i), day: `2025-03-0${1 + (i % 9)}` }));
  const source = await loadRecords(engine.db, rows, 't_records', log);
  const { current } = await analyse(engine, source);
  const found = await validateAgainstSchema(engine.db, source, current, schema);
  const outside = found.find((v) => v.code === 'out_of_range' && v.column === 'x');
  const expectedRows = expected(
    [0],
    'jsonl',
    (r) => r.x > 100,
    (r) => String(r.x)
  ).map((r) => ({
    ...r,
    file: log
  }));
  expect(outside?.rows).toEqual(expectedRows);
});
