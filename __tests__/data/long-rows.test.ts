// Rows longer than the engine's read buffer: the engine may report one as "Actual Size: 0", and
// loading must then raise its limit and read it (or refuse a row past 16 MiB with its length), never
// retry the same read forever.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource } from '../../src/data/source.js';

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
  dir = mkdtempSync(join(tmpdir(), 'mlci-long-rows-'));
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a 6 MB row after short ones is read', async () => {
  const path = join(dir, 'long.csv');
  writeFileSync(path, `a,b\n1,x\n2,y\n3,${'x'.repeat(6_000_000)}\n4,z\n`);
  const source = await loadSource(engine.db, path, 'long_rows');
  expect(source.rows).toBe(4);
  const [row] = (await engine.db.runAndReadAll('SELECT max(length(b)) FROM long_rows')).getRows();
  expect(Number(row[0])).toBe(6_000_000);
}, 60_000);

test('a 20 MiB row is refused with its length', async () => {
  const path = join(dir, 'too-long.csv');
  writeFileSync(path, `a,b\n1,y\n2,${'x'.repeat(20 * 2 ** 20)}\n`);
  await expect(loadSource(engine.db, path, 'too_long')).rejects.toThrow(
    /too-long\.csv: a row of 20,971,52\d bytes, longer than the 16 MiB mlci reads/
  );
}, 60_000);
