// The shape lineage records for a data file: rows and columns as mlci reads the file, whatever its
// dialect, and nulls (not a failed training run) for a file that is not data.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataShape } from '../../src/lineage/data-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-shape-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('dataShape', () => {
  it('counts rows of a CSV with quoted newlines and delimiters, in its own delimiter', async () => {
    const file = join(dir, 'quoted.csv');
    await writeFile(file, 'id;note;y\n1;"two\nlines; and a ;";0\n2;plain;1\n3;"""quoted""";0\n');
    expect(await dataShape(file)).toEqual({ rows: 3, columns: ['id', 'note', 'y'] });
  });

  it('reads JSON Lines', async () => {
    const file = join(dir, 'rows.jsonl');
    await writeFile(file, '{"a": 1, "b": "x"}\n{"a": 2, "b": "y"}\n');
    expect(await dataShape(file)).toEqual({ rows: 2, columns: ['a', 'b'] });
  });

  it('gives nulls for a file that is not data', async () => {
    const file = join(dir, 'binary.csv');
    await writeFile(file, Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    expect(await dataShape(file)).toEqual({ rows: null, columns: null });
  });
});
