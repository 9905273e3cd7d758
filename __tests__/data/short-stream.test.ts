// A DuckDB result stream that fails part-way ends like a complete one (no error, fewer rows): the
// numeric profile must refuse short counts rather than report statistics of part of a column.
import { NumericAccumulator, equalWidthEdges } from '../../src/data/numeric.js';

test('statistics of fewer values than the column holds are refused', () => {
  const acc = new NumericAccumulator(3, equalWidthEdges(0, 2));
  acc.add(0, 1);
  acc.add(1, 1);
  expect(() => acc.finish()).toThrow(/ended after 2 of 3 finite values/);
});

test('statistics of every value are given', () => {
  const acc = new NumericAccumulator(3, equalWidthEdges(0, 2));
  acc.add(0, 1);
  acc.add(2, 2);
  expect(acc.finish()).toMatchObject({ finite: 3, min: 0, max: 2 });
});
