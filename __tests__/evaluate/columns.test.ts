import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadColumns } from '../../src/data/columns.js';
import { lcg, tempDir } from './helpers.js';

/** CSV-quotes a cell. */
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('loadColumns (column-wise chunk reader)', () => {
  it('reads numbers, nulls and text of every length across many chunks exactly', async () => {
    const dir = await tempDir();
    const r = lcg(3);
    const n = 7000; // several 2,048-row chunks
    // Inline (≤ 12 bytes) and pointer (> 12 bytes) strings, multi-byte characters, near-duplicates
    // that differ only in the last byte, and more distinct values than the first hash table holds.
    const pool = [
      'a',
      'ab',
      'abcdefghijkl',
      'abcdefghijkm',
      'abcdefghijklm',
      'abcdefghijklmnopqrstuvwxyz',
      'Zürich',
      'naïve café ☕',
      'x'.repeat(40),
      ...Array.from({ length: 300 }, (_, i) => `v${i}`)
    ];
    const expected = { num: [] as number[], int: [] as number[], text: [] as (string | null)[] };
    const lines = ['num,int,text'];
    for (let i = 0; i < n; i++) {
      const num = r() < 0.05 ? NaN : Math.round((r() * 200 - 100) * 1e6) / 1e6;
      const int = Math.floor(r() * 1000);
      const text = r() < 0.05 ? null : pool[Math.floor(r() * pool.length)];
      expected.num.push(num);
      expected.int.push(int);
      expected.text.push(text);
      lines.push(`${Number.isNaN(num) ? '' : num},${int},${text === null ? '' : cell(text)}`);
    }
    const path = join(dir, 'mixed.csv');
    await writeFile(path, lines.join('\n') + '\n');
    const data = await loadColumns(path, ['num', 'int', 'text']);
    expect(data.rowCount).toBe(n);
    expect(Array.from(data.numeric.num)).toEqual(expected.num);
    expect(Array.from(data.numeric.int)).toEqual(expected.int);
    expect(data.text.text).toEqual(expected.text);
    const coded = data.coded?.text;
    expect(coded).toBeDefined();
    const { codes, values } = coded as { codes: Int32Array; values: string[] };
    expect(new Set(values).size).toBe(values.length);
    for (let i = 0; i < n; i++) expect(codes[i] < 0 ? null : values[codes[i]]).toBe(expected.text[i]);
  });

  it('names the missing columns', async () => {
    const dir = await tempDir();
    const path = join(dir, 'small.csv');
    await writeFile(path, 'a,b\n1,x\n');
    await expect(loadColumns(path, ['a', 'c', 'd'])).rejects.toThrow(/missing columns "c", "d"/);
  });
});
