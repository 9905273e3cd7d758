// The lineage diff and its Markdown on hand-made snapshots: nested params, seed, data added/removed,
// DVC md5 versions, a registry record without training.json, a first run, hostile names.
import { describe, expect, it } from '@jest/globals';
import type { TrainingRecord } from '../../src/lineage/record.js';
import {
  diffLineage,
  nothingToCompare,
  snapshotFromTraining,
  snapshotFromVersion,
  type LineageSnapshot
} from '../../src/lineage/what-changed.js';
import { versionLineage } from '../../src/lineage/version-lineage.js';
import { renderWhatChanged } from '../../src/report/what-changed-md.js';

const plain = (lines: string[]) =>
  lines
    .join('\n')
    .replace(/\\(.)/g, '$1')
    .replace(/\u200b/g, '');

function snapshot(over: Partial<LineageSnapshot> = {}): LineageSnapshot {
  return {
    params: { lr: 0.1, optimizer: { name: 'adam', beta: 0.9 }, layers: [8, 8] },
    seed: 42,
    paramsFile: 'params.yaml',
    overrides: {},
    data: [{ path: 'data/train.csv', role: 'train', sha256: 'a'.repeat(64), rows: 100, columns: ['x', 'y'] }],
    commit: 'c0ffee0000000000000000000000000000000000',
    sources: [
      { path: 'params.yaml', sha256: '1'.repeat(64) },
      { path: 'train.py', sha256: '2'.repeat(64) }
    ],
    runtime: { node: 'v20.0.0', python: '3.11.2', mlci: '0.9.0' },
    ...over
  };
}

describe('diffLineage', () => {
  it('finds nothing between equal snapshots, whatever the commit when the sources are equal', () => {
    const w = diffLineage(snapshot(), snapshot({ commit: 'beef'.repeat(10) }), 'm@v1');
    expect(w).toEqual({
      baseline: 'm@v1',
      note: null,
      params_file: null,
      params: [],
      data: [],
      code: null,
      environment: []
    });
    expect(plain(renderWhatChanged(w))).toBe(
      '**What changed** since m@v1: nothing: same parameters, data, code and runtime.\n'
    );
  });

  it('compares nested params leaf by leaf, lists and the seed, and marks overridden values', () => {
    const cand = snapshot({
      params: { lr: 0.1, optimizer: { name: 'sgd', beta: 0.9 }, layers: [8, 16], dropout: 0.2 },
      overrides: { 'optimizer.name': 'sgd' },
      seed: 7
    });
    const w = diffLineage(snapshot(), cand, 'm@v1');
    expect(w.params).toEqual([
      { name: 'dropout', change: 'added', baseline: null, candidate: 0.2, origin: 'params_file' },
      { name: 'layers', change: 'changed', baseline: [8, 8], candidate: [8, 16], origin: 'params_file' },
      { name: 'optimizer.name', change: 'changed', baseline: 'adam', candidate: 'sgd', origin: 'override' },
      { name: 'seed', change: 'changed', baseline: 42, candidate: 7, origin: 'seed' }
    ]);
    expect(plain(renderWhatChanged(w))).toContain(
      '- **Parameters:** dropout added = 0.2, layers [8,8] → [8,16], optimizer.name adam → sgd (set), seed 42 → 7'
    );
  });

  it('names data files added, removed and changed, with columns, and labels DVC md5s', () => {
    const dvc = { md5: 'd'.repeat(32), size: 10, file: 'data/eval.csv.dvc', path: 'data/eval.csv' };
    const base = snapshot({
      data: [
        {
          path: 'data/train.csv',
          role: 'train',
          sha256: 'a'.repeat(64),
          rows: 100,
          columns: ['x', 'y', 'old']
        },
        { path: 'data/eval.csv', role: 'eval', sha256: null, dvc, rows: 50, columns: ['x', 'y'] },
        { path: 'data/extra.csv', role: 'train', sha256: 'e'.repeat(64), rows: 5, columns: ['x'] }
      ]
    });
    const cand = snapshot({
      data: [
        {
          path: 'data/train.csv',
          role: 'train',
          sha256: 'b'.repeat(64),
          rows: 120,
          columns: ['x', 'y', 'new']
        },
        {
          path: 'data/eval.csv',
          role: 'eval',
          sha256: null,
          dvc: { ...dvc, md5: 'f'.repeat(32) },
          rows: 50,
          columns: ['x', 'y']
        }
      ]
    });
    const w = diffLineage(base, cand, 'm@v1');
    expect(w.data.map((d) => [d.path, d.change])).toEqual([
      ['data/eval.csv', 'changed'],
      ['data/extra.csv', 'removed'],
      ['data/train.csv', 'changed']
    ]);
    const text = plain(renderWhatChanged(w));
    expect(text).toContain('data/eval.csv (eval) md5 (DVC data/eval.csv.dvc) dddddddd → ffffffff');
    expect(text).toContain('data/extra.csv (train) removed (was sha256 eeeeeeee, 5 rows)');
    expect(text).toContain(
      'data/train.csv (train) sha256 aaaaaaaa → bbbbbbbb, rows 100 → 120, columns added: new, columns removed: old'
    );
    expect(text).not.toMatch(/Parameters|Code|Environment/);
  });

  it('reports code by the sources it changed (params file left to params) and runtime versions that differ', () => {
    const cand = snapshot({
      sources: [
        { path: 'params.yaml', sha256: '9'.repeat(64) },
        { path: 'train.py', sha256: '3'.repeat(64) },
        { path: 'features.py', sha256: '4'.repeat(64) }
      ],
      commit: 'abcdef1234567890abcdef1234567890abcdef12',
      runtime: { node: 'v22.1.0', python: '3.11.2', mlci: '0.9.0' }
    });
    const w = diffLineage(snapshot(), cand, 'm@v1');
    expect(w.code?.files).toEqual([
      { path: 'features.py', change: 'added' },
      { path: 'train.py', change: 'changed' }
    ]);
    expect(w.environment).toEqual([{ name: 'node', baseline: 'v20.0.0', candidate: 'v22.1.0' }]);
    const text = plain(renderWhatChanged(w));
    expect(text).toMatch(
      /- \*\*Code:\*\* features.py added, train.py changed; sources [0-9a-f]{7} → [0-9a-f]{7}; commit c0ffee0 → abcdef1/
    );
    expect(text).toContain('- **Environment:** node v20.0.0 → v22.1.0');
  });

  it('falls back to what a registry record keeps (params with seed, hashes, commit) and says what it lacks', () => {
    const record = {
      params: { lr: 0.1 },
      seed: 1,
      data: [
        {
          path: 'data/train.csv',
          role: 'train',
          sha256: null,
          dvc: { md5: 'd'.repeat(32), size: 1, file: 'dvc.lock', path: 'data/train.csv' },
          bytes: 1
        }
      ],
      git: { commit: 'c0ffee', dirty: false, branch: null },
      github: null
    } as unknown as TrainingRecord;
    const base = snapshotFromVersion(versionLineage(record));
    expect(base.seed).toBe(1);
    expect(base.params).toEqual({ lr: 0.1 });
    const cand = snapshot({
      params: { lr: 0.2 },
      seed: 1,
      data: [
        {
          path: 'data/train.csv',
          role: 'train',
          sha256: null,
          dvc: { md5: 'e'.repeat(32), size: 1, file: 'dvc.lock', path: 'data/train.csv' }
        }
      ],
      commit: 'c0ffee'
    });
    const w = diffLineage(base, cand, 'm@v3 (alias production)');
    expect(w.params.map((p) => p.name)).toEqual(['lr']);
    expect(w.data[0].baseline).toMatchObject({ algorithm: 'md5', hash: 'd'.repeat(32) });
    expect(w.code).toBeNull();
    expect(w.note).toBe('not recorded: the baseline’s training sources, the baseline’s runtime');
  });

  it('reads a full training record into a snapshot with the runtime and mlci version', () => {
    const record = {
      params: { a: 1 },
      seed: 3,
      params_file: null,
      overrides: {},
      data: [],
      sources: [],
      git: null,
      runtime: { node: 'v20.1.0', python: null, python_interpreter: null },
      mlci_version: '1.2.3'
    } as unknown as TrainingRecord;
    expect(snapshotFromTraining(record)).toMatchObject({
      seed: 3,
      commit: null,
      runtime: { node: 'v20.1.0', python: null, mlci: '1.2.3' }
    });
  });
});

describe('renderWhatChanged', () => {
  it('says a first run has nothing to compare with, and renders nothing for an older evaluation.json', () => {
    expect(
      plain(renderWhatChanged(nothingToCompare(null, 'first run: no production model to compare with')))
    ).toBe('**What changed:** nothing to compare with (first run: no production model to compare with).\n');
    expect(renderWhatChanged(undefined)).toEqual([]);
  });

  it('escapes hostile param names, values and paths, and caps long lists', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}`, i]));
    const base = snapshot({ params: { ...many, '<img src=x>': 'a' } });
    const cand = snapshot({
      params: {
        ...Object.fromEntries(Object.keys(many).map((k) => [k, -1])),
        '<img src=x>': '@admin [x](http://e.vil)'
      },
      data: [{ path: 'data/<b>|.csv', role: 'train', sha256: 'c'.repeat(64), rows: 1, columns: ['x'] }]
    });
    const md = renderWhatChanged(diffLineage(base, cand, 'm@v1')).join('\n');
    expect(md).not.toMatch(/<img|<b>|@admin|\]\(http/);
    expect(md).toContain('and 5 more (evaluation.json)');
  });
});
