import type { LoadedColumns } from '../../src/data/columns.js';
import { groupSlices } from '../../src/evaluation/slices.js';

function data(): LoadedColumns {
  const codes = Int32Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : i < 95 ? 1 : i < 99 ? 2 : -1));
  return {
    rowCount: 100,
    numeric: {},
    text: {},
    coded: { c: { codes, values: ['a', 'b', 'z'] } }
  };
}

describe('groupSlices', () => {
  it('groups a column once per data and minimum size (the slice scores and the bootstrap share it)', () => {
    const d = data();
    const g = groupSlices(d, 'c', 10);
    expect(g.values).toEqual(['a', 'b']);
    expect(g.sizes).toEqual([70, 25]);
    expect(g.skipped.map((s) => [s.value, s.rows])).toEqual([
      ['z', 4],
      ['(null)', 1]
    ]);
    expect(groupSlices(d, 'c', 10)).toBe(g);
    const smaller = groupSlices(d, 'c', 2);
    expect(smaller).not.toBe(g);
    expect(smaller.values).toEqual(['a', 'b', 'z']);
    expect(groupSlices(data(), 'c', 10)).not.toBe(g);
  });
});
