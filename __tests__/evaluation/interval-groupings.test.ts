import type { LoadedColumns } from '../../src/data/columns.js';
import { intervalGroupings } from '../../src/evaluation/noise.js';
import { groupSlices } from '../../src/evaluation/slices.js';

function data(): LoadedColumns {
  // c: a 300 rows, b 150, z 30 (scored, too few for an interval), null 20; d: e 260, f 240.
  const c = Int32Array.from({ length: 500 }, (_, i) => (i < 300 ? 0 : i < 450 ? 1 : i < 480 ? 2 : -1));
  const d = Int32Array.from({ length: 500 }, (_, i) => (i % 25 < 13 ? 0 : 1));
  return {
    rowCount: 500,
    numeric: {},
    text: {},
    coded: { c: { codes: c, values: ['a', 'b', 'z'] }, d: { codes: d, values: ['e', 'f'] } }
  };
}

describe('intervalGroupings', () => {
  it('leaves out the values with too few rows for an interval, and shares the grouping when none is', () => {
    const d = data();
    const [c, all] = intervalGroupings(d, ['c', 'd'], 10, 'binary', {});
    expect(c.values).toEqual(['a', 'b']);
    const expected = Array.from({ length: 500 }, (_, i) => (i < 300 ? 0 : i < 450 ? 1 : -1));
    expect(Array.from(c.groupOf)).toEqual(expected);
    expect(c.groupOf).not.toBe(groupSlices(d, 'c', 10).groupOf); // the slice scores keep z
    expect(all.values).toEqual(['e', 'f']);
    expect(all.groupOf).toBe(groupSlices(d, 'd', 10).groupOf);
  });
});
