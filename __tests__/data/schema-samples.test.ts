// Sampled offending rows of schema checks name the right file, row and line in every layout: one CSV,
// CSV shards (a glob), one Parquet file and Parquet shards. Expected rows come from the generator.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, sqlString, type Engine } from '../../src/data/engine.js';
import { validateAgainstSchema } from '../../src/data/schema-check.js';
import type { RowRef } from '../../src/data/schema-rows.js';
import type { RowSchema } from '../../src/data/schema.js';
import { loadSource } from '../../src/data/source.js';
import { analyse } from '../../src/data/analyse.js';

const ROWS = 40;
/** Row i of shard s: x is out of range (> 4) when (i * 3 + s) % 7 > 4; y is missing every 9th row. */
function shardRows(s: number): { x: number; y: string | null }[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    x: (i * 3 + s) % 7,
    y: (i + s) % 9 === 0 ? null : `v${i % 3}`
  }));
}

const schema: RowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    x: { type: 'integer', minimum: 0, maximum: 4 },
    y: { type: 'string', enum: ['v0', 'v1'] }
  }
};

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-samples-'));
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  for (const s of [0, 1]) {
    const csv = join(dir, `part-${s}.csv`);
    const lines = ['x,y', ...shardRows(s).map((r) => `${r.x},${r.y ?? ''}`)];
    await writeFile(csv, lines.join('\n') + '\n');
    await engine.db.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true)) TO ${sqlString(join(dir, `part-${s}.parquet`))} (FORMAT parquet)`
    );
  }
});
afterAll(async () => {
  engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** The first five offending rows in file order, as the checks should report them. */
function expected(files: number[], bad: (r: { x: number; y: string | null }) => boolean, csv: boolean) {
  const out: RowRef[] = [];
  for (const s of files)
    shardRows(s).forEach((r, i) => {
      if (bad(r))
        out.push({
          row: i + 1,
          file: join(dir, `part-${s}.${csv ? 'csv' : 'parquet'}`),
          ...(csv ? { line: i + 2 } : {}),
          value: bad === isNull ? null : pick(r)
        });
    });
  return out.slice(0, 5);
}
let pickColumn: 'x' | 'y' = 'x';
const pick = (r: { x: number; y: string | null }) => (pickColumn === 'x' ? String(r.x) : r.y);
const isNull = (r: { y: string | null }) => r.y === null;

describe.each([
  ['one CSV', 'part-0.csv', [0], true],
  ['CSV shards', 'part-*.csv', [0, 1], true],
  ['one Parquet file', 'part-0.parquet', [0], false],
  ['Parquet shards', 'part-*.parquet', [0, 1], false]
] as const)('%s', (name, pattern, files, csv) => {
  test('samples the first offending rows with their file, row, line and value', async () => {
    const table = `t_${name.replace(/\W/g, '_')}`;
    const source = await loadSource(engine.db, join(dir, pattern), table);
    const { current } = await analyse(engine, source);
    const found = await validateAgainstSchema(engine.db, source, current, schema);
    const range = found.find((v) => v.code === 'out_of_range' && v.column === 'x');
    pickColumn = 'x';
    const rangeBad = (r: { x: number }) => r.x > 4;
    expect(range?.count).toBe(files.flatMap((s) => shardRows(s)).filter(rangeBad).length);
    expect(range?.rows).toEqual(expected([...files], rangeBad, csv));
    const domain = found.find((v) => v.code === 'out_of_domain' && v.column === 'y');
    pickColumn = 'y';
    const domainBad = (r: { y: string | null }) => r.y === 'v2';
    expect(domain?.rows).toEqual(expected([...files], domainBad, csv));
    const nulls = found.find((v) => v.code === 'unexpected_nulls' && v.column === 'y');
    expect(nulls?.rows).toEqual(expected([...files], isNull, csv));
  });
});
