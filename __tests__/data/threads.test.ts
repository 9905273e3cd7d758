// analyse() lowers the engine's worker threads while its own connections keep queries in flight, and
// gives the configured count back afterwards, also when it fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource } from '../../src/data/source.js';

let engine: Engine;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlci-threads-'));
});
afterEach(() => engine?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, rows: number, shift: number): string {
  const lines = ['a,b,c'];
  for (let i = 0; i < rows; i++) lines.push(`${((i * 7919) % 1000) + shift},${i % 13},k${i % 5}`);
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function threads(): Promise<number> {
  return Number((await engine.db.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0]);
}

test('the configured thread count is back after analyse, with the same statistics', async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 4 });
  const cur = await loadSource(engine.db, csv('cur', 5000, 0), 'cur');
  const ref = await loadSource(engine.db, csv('ref', 4000, 3), 'ref');
  const lowered = await analyse(engine, cur, { kind: 'table', source: ref });
  expect(await threads()).toBe(4);
  // With one worker thread to start with, nothing is lowered: the same numbers.
  await engine.db.run('SET threads = 1');
  const single = await analyse(engine, cur, { kind: 'table', source: ref });
  expect(await threads()).toBe(1);
  expect(single.current).toEqual(lowered.current);
  expect(single.reference).toEqual(lowered.reference);
  expect(single.inputs).toEqual(lowered.inputs);
});

test('the configured thread count is back after analyse fails', async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 4 });
  const cur = await loadSource(engine.db, csv('cur2', 5000, 0), 'cur2');
  const ref = await loadSource(engine.db, csv('ref2', 4000, 3), 'ref2');
  await engine.db.run('DROP TABLE ref2');
  await expect(analyse(engine, cur, { kind: 'table', source: ref })).rejects.toThrow(/ref2/);
  expect(await threads()).toBe(4);
});
