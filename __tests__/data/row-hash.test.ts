// The row hash filled while loading (LoadOptions.rowHash) must count the same duplicates as hashing
// every column afterwards, stay out of the columns users see, and leave a shard's file name out of
// the row (a row repeated in two shards is a duplicate).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duplicateRows } from '../../src/data/profile-summary.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource, ROW_HASH_COLUMN } from '../../src/data/source.js';

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  dir = await mkdtemp(join(tmpdir(), 'mlci-row-hash-'));
});
afterAll(async () => {
  engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function both(path: string, name: string) {
  const plain = await loadSource(engine.db, path, `${name}_plain`);
  const hashed = await loadSource(engine.db, path, `${name}_hashed`, {}, { rowHash: true });
  return { plain, hashed };
}

describe('row hash filled while loading', () => {
  it('counts the duplicates that hashing every column counts, and is not a column of the data', async () => {
    const file = join(dir, 'rows.csv');
    const lines = ['a,b,c'];
    // 3,000 rows over 40 distinct (a, b, c) triples, with NULLs and text: 2,960 duplicates.
    for (let i = 0; i < 3000; i++) lines.push(`${i % 8},${i % 5 === 0 ? '' : `x${i % 5}`},${(i % 40) / 4}`);
    await writeFile(file, lines.join('\n') + '\n');
    const { plain, hashed } = await both(file, 'single');
    expect(plain.rowHashColumn).toBeUndefined();
    expect(hashed.rowHashColumn).toBe(ROW_HASH_COLUMN);
    expect(hashed.columns).toEqual(plain.columns);
    expect(await duplicateRows(engine.db, hashed)).toBe(await duplicateRows(engine.db, plain));
    expect(await duplicateRows(engine.db, hashed)).toBe(2960);
  });

  it('leaves the shard file out of the hash: a row repeated in two shards is a duplicate', async () => {
    await writeFile(join(dir, 'part-1.csv'), 'a,b\n1,x\n2,y\n');
    await writeFile(join(dir, 'part-2.csv'), 'a,b\n1,x\n3,z\n');
    const { plain, hashed } = await both(join(dir, 'part-*.csv'), 'shards');
    expect(hashed.fileColumn).toBeDefined();
    expect(hashed.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(await duplicateRows(engine.db, plain)).toBe(1);
    expect(await duplicateRows(engine.db, hashed)).toBe(1);
  });

  it('is not added to a Parquet view, which is read from its file', async () => {
    const file = join(dir, 'rows.parquet');
    await engine.db.run(`COPY (SELECT i % 3 AS a FROM range(10) t(i)) TO '${file}' (FORMAT parquet)`);
    const hashed = await loadSource(engine.db, file, 'pq_hashed', {}, { rowHash: true });
    expect(hashed.rowHashColumn).toBeUndefined();
    expect(await duplicateRows(engine.db, hashed)).toBe(7);
  });
});
