// The shape lineage records for a data file: rows and columns as mlci reads the file, whatever its
// dialect, and nulls (not a failed training run) for a file that is not data.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataShape, describeDataFiles, withShapes } from '../../src/lineage/data-files.js';
import { shapeMemo } from '../../src/lineage/shape-memo.js';

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

describe('shape memo', () => {
  it('remembers a shape by content and reading options, and reads again when either changes', async () => {
    const root = await mkdtemp(join(dir, 'memo-'));
    const memo = shapeMemo(join(root, 'memo'));
    await writeFile(join(root, 'd.csv'), 'a,b\n1,2\n3,4\n');
    const records = await describeDataFiles(['d.csv'], root, 'train');
    const first = await withShapes(records, root, {}, memo);
    expect(first[0]).toMatchObject({ rows: 2, columns: ['a', 'b'] });
    // The file is not read again for the same content: a different file behind the same hash
    // (which only a test can arrange) still gets the remembered shape.
    await writeFile(join(root, 'd.csv'), 'a,b,c\n1,2,3\n');
    expect((await withShapes(records, root, {}, memo))[0]).toMatchObject({ rows: 2, columns: ['a', 'b'] });
    // Other reading options are another key; new content is another hash.
    const otherOptions = (await withShapes(records, root, { delimiter: ';' }, memo))[0];
    expect(otherOptions.columns).not.toEqual(['a', 'b']);
    // The same bytes under another extension are read as another format.
    await writeFile(join(root, 'same.jsonl'), 'a,b\n1,2\n3,4\n');
    const renamed = (await describeDataFiles(['same.jsonl'], root, 'train'))[0];
    expect(renamed.sha256).toBe(records[0].sha256);
    expect((await withShapes([renamed], root, {}, memo))[0].rows).not.toBe(2);
    const changed = await describeDataFiles(['d.csv'], root, 'train');
    expect((await withShapes(changed, root, {}, memo))[0]).toMatchObject({
      rows: 1,
      columns: ['a', 'b', 'c']
    });
  });

  it('treats a damaged entry as a miss and does not remember an unreadable file', async () => {
    const root = await mkdtemp(join(dir, 'memo-bad-'));
    const memoDir = join(root, 'memo');
    const memo = shapeMemo(memoDir);
    await writeFile(join(root, 'd.csv'), 'a\n1\n');
    const records = await describeDataFiles(['d.csv'], root, 'train');
    await withShapes(records, root, {}, memo);
    const [entry] = await readdir(memoDir);
    for (const damaged of ['{"rows": -1, "columns": ["a"]}', '{"rows": 1, "columns": [1]}', 'not json']) {
      await writeFile(join(memoDir, entry), damaged);
      expect((await withShapes(records, root, {}, memo))[0]).toMatchObject({ rows: 1, columns: ['a'] });
    }
    await writeFile(join(root, 'bin.csv'), Buffer.from([0, 1, 2, 0, 255]));
    const binary = await describeDataFiles(['bin.csv'], root, 'train');
    expect((await withShapes(binary, root, {}, memo))[0]).toMatchObject({ rows: null, columns: null });
    expect(await readdir(memoDir)).toEqual([entry]);
  });

  it('describes a file whose format its name does not tell as unread, without rejecting', async () => {
    const root = await mkdtemp(join(dir, 'memo-unknown-'));
    const memo = shapeMemo(join(root, 'memo'));
    await writeFile(join(root, 'features.npz'), Buffer.from([1, 2, 3]));
    const records = await describeDataFiles(['features.npz'], root, 'train');
    expect((await withShapes(records, root, {}, memo))[0]).toMatchObject({ rows: null, columns: null });
  });
});
