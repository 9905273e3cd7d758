import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { dataLines, loadColumns, nullsIn } from '../../src/data/columns.js';
import { lcg, tempDir } from '../evaluate/helpers.js';

describe('loadColumns (streamed chunks into arrays sized from the file)', () => {
  it('grows its arrays when the rows are shorter than the start of the file suggests', async () => {
    const dir = await tempDir();
    const r = lcg(11);
    // The first 64 KB hold long rows, so the row estimate falls far short of the 30,000 rows.
    const lines = ['x,label'];
    const x: number[] = [];
    const label: string[] = [];
    for (let i = 0; i < 30000; i++) {
      const v = Math.round(r() * 1e6) / 1e3;
      const l = i < 200 ? `long-${'z'.repeat(400)}-${i % 3}` : `s${i % 7}`;
      x.push(v);
      label.push(l);
      lines.push(`${v},${l}`);
    }
    const path = join(dir, 'long-then-short.csv');
    await writeFile(path, lines.join('\n') + '\n');
    const data = await loadColumns(path, ['label', 'x']);
    expect(data.rowCount).toBe(30000);
    expect(data.numeric.x.length).toBe(30000);
    expect(Array.from(data.numeric.x)).toEqual(x);
    expect(data.coded?.label.codes.length).toBe(30000);
    expect(data.text.label).toEqual(label);
  });

  it('reads codes the sniffer types as numbers (0x1A, 2023_01) as their text, as validate-data does', async () => {
    const dir = await tempDir();
    const path = join(dir, 'codes.csv');
    await writeFile(path, 'hex,period,x\n0x1A,2023_01,1\n0xFF,2023_02,2\n0x10,2024_11,3\n');
    const data = await loadColumns(path, ['hex', 'period', 'x']);
    expect(data.text.hex).toEqual(['0x1A', '0xFF', '0x10']);
    expect(data.text.period).toEqual(['2023_01', '2023_02', '2024_11']);
    expect(Array.from(data.numeric.x)).toEqual([1, 2, 3]);
  });

  it('reads every file of a glob, in file order', async () => {
    const dir = await tempDir();
    const ys: number[] = [];
    for (const part of ['a', 'b', 'c']) {
      const rows = part === 'b' ? 5000 : 40;
      const lines = ['id,y'];
      for (let i = 0; i < rows; i++) {
        const y = part.charCodeAt(0) * 100000 + i;
        ys.push(y);
        lines.push(`${part}${i},${y}`);
      }
      await writeFile(join(dir, `part-${part}.csv`), lines.join('\n') + '\n');
    }
    const data = await loadColumns(join(dir, 'part-*.csv'), ['y', 'id']);
    expect(data.rowCount).toBe(ys.length);
    expect(Array.from(data.numeric.y)).toEqual(ys);
    expect(data.text.id[5039]).toBe('b4999');
  });

  it('names the file when a value past the sampled rows does not fit its column', async () => {
    const dir = await tempDir();
    const lines = ['x,y'];
    for (let i = 0; i < 60000; i++) lines.push(`${i === 50000 ? 'oops' : i * 0.5},${i % 2}`);
    const path = join(dir, 'late-text.csv');
    await writeFile(path, lines.join('\n') + '\n');
    const read = loadColumns(path, ['x', 'y']);
    await expect(read).rejects.toBeInstanceOf(InputError);
    await expect(read).rejects.toThrow(/late-text\.csv/);
  });

  it('reads quoted line breaks and blank lines exactly (more lines than rows)', async () => {
    const dir = await tempDir();
    const lines = ['x,note'];
    const notes: string[] = [];
    for (let i = 0; i < 9000; i++) {
      const note = i % 1000 === 7 ? `two\nlines ${i}` : `n${i % 5}`;
      notes.push(note);
      lines.push(`${i},${note.includes('\n') ? `"${note}"` : note}`);
      if (i === 4000) lines.push('');
    }
    const path = join(dir, 'breaks.csv');
    await writeFile(path, lines.join('\r\n'));
    const data = await loadColumns(path, ['x', 'note']);
    expect(data.rowCount).toBe(9000);
    expect(Array.from(data.numeric.x)).toEqual(notes.map((_, i) => i));
    expect(data.text.note).toEqual(notes);
  });
});

describe('loadColumns text columns', () => {
  it('decodes a coded column into strings when read, and keeps a value put in its place', async () => {
    const dir = await tempDir();
    const path = join(dir, 'text.csv');
    await writeFile(path, 'c,x\nred,1\n,2\nblue,3\nred,4\n');
    const data = await loadColumns(path, ['c', 'x']);
    expect(Object.keys(data.text)).toEqual(['c']);
    expect(data.text.c).toEqual(['red', null, 'blue', 'red']);
    expect(data.text.c).toBe(data.text.c); // decoded once
    expect({ ...data.text }).toEqual({ c: ['red', null, 'blue', 'red'] });
    data.text.c = ['other'];
    expect(data.text.c).toEqual(['other']);
  });
});

describe('dataLines (the count a streamed read must reach to be trusted)', () => {
  it('counts the lines after the header across read blocks, files, CRLF and a last line without a break', async () => {
    const dir = await tempDir();
    const r = lcg(5);
    const files: string[] = [];
    const expected: number[] = [];
    const shapes = [
      { rows: 70000, eol: '\n', last: true }, // > 1 MB: lines cross the 1 MiB read blocks
      { rows: 30000, eol: '\r\n', last: false },
      { rows: 0, eol: '\n', last: true },
      { rows: 0, eol: '\n', last: false },
      { rows: 1, eol: '\n', last: false }
    ];
    for (const [i, shape] of shapes.entries()) {
      const lines = ['a,b'];
      for (let k = 0; k < shape.rows; k++) lines.push(`${r()},${'w'.repeat(Math.floor(r() * 12))}`);
      const path = join(dir, `lines-${i}.csv`);
      await writeFile(path, lines.join(shape.eol) + (shape.last ? shape.eol : ''));
      files.push(path);
      expected.push(shape.rows);
      expect(await dataLines([path])).toBe(shape.rows);
    }
    expect(await dataLines(files)).toBe(expected.reduce((a, b) => a + b, 0));
  });
});

describe('nullsIn (a chunk whose mask marks no null is copied without it)', () => {
  it('keeps the mask only when one of the first rows is null', () => {
    const all = new Uint8Array(256).fill(0xff);
    expect(nullsIn(null, 2048)).toBeNull();
    expect(nullsIn(all, 2048)).toBeNull();
    const one = all.slice();
    one[255] = 0x7f; // row 2047
    expect(nullsIn(one, 2048)).toBe(one);
    expect(nullsIn(one, 2047)).toBeNull();
    expect(nullsIn(new Uint8Array([0b111, 0]), 3)).toBeNull(); // bits past the rows do not count
    const third = new Uint8Array([0b011]);
    expect(nullsIn(third, 3)).toBe(third);
    const ninth = new Uint8Array([0xff, 0b0]);
    expect(nullsIn(ninth, 9)).toBe(ninth);
  });

  it('reads the few nulls of mostly full chunks where they are', async () => {
    const dir = await tempDir();
    const n = 2 * 2048 + 3;
    const nulls = new Set([0, 2047, 2048, 2055, n - 1]);
    const lines = ['x,t'];
    for (let i = 0; i < n; i++) lines.push(nulls.has(i) ? ',' : `${i / 4},c${i % 3}`);
    const path = join(dir, 'sparse-nulls.csv');
    await writeFile(path, lines.join('\n') + '\n');
    const data = await loadColumns(path, ['x', 't']);
    expect(data.rowCount).toBe(n);
    for (let i = 0; i < n; i++) {
      expect([i, data.numeric.x[i]]).toEqual([i, nulls.has(i) ? NaN : i / 4]);
      expect([i, data.text.t[i]]).toEqual([i, nulls.has(i) ? null : `c${i % 3}`]);
    }
  });
});
