// Categorical statistics come from value counts: lengths, distinct and present counts must equal what
// the data says both below the value cap (from the distinct values) and above it (from a scan).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/data/analyse.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource } from '../../src/data/source.js';
import { VALUE_CAP } from '../../src/data/statistics.js';

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-categorical-'));
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
});
afterAll(async () => {
  engine.close();
  await rm(dir, { recursive: true, force: true });
});

const WORDS = ['a', 'é', '日本語', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'bb'];
const rows = VALUE_CAP + 500;
/** Row i: a few words with nulls, and an id that is distinct per row (above the value cap). */
function row(i: number): { word: string | null; id: string } {
  return { word: i % 11 === 0 ? null : WORDS[i % WORDS.length], id: `id-${'z'.repeat(i % 7)}${i}` };
}

test('lengths, distinct and present counts of categorical columns below and above the value cap', async () => {
  const file = join(dir, 'words.csv');
  const data = Array.from({ length: rows }, (_, i) => row(i));
  await writeFile(file, ['word,id', ...data.map((r) => `${r.word ?? ''},${r.id}`)].join('\n') + '\n');
  const source = await loadSource(engine.db, file, 'words');
  const { current } = await analyse(engine, source);
  const codePoints = (s: string) => [...s].length;
  for (const column of ['word', 'id'] as const) {
    const values = data.map((r) => r[column]).filter((v): v is string => v !== null);
    const got = current.columns[column];
    expect([column, got.present, got.missing]).toEqual([column, values.length, rows - values.length]);
    expect([column, got.distinct]).toEqual([column, new Set(values).size]);
    expect([column, got.length]).toEqual([
      column,
      { min: Math.min(...values.map(codePoints)), max: Math.max(...values.map(codePoints)) }
    ]);
  }
  expect(current.columns.word.values).toBeDefined();
  expect(current.columns.id.values).toBeUndefined();
});
