import { readFileSync } from 'node:fs';
import { analyse } from '../../src/data/analyse.js';
import { defaultTest, runDriftTest } from '../../src/data/drift/registry.js';
import { openEngine, type Engine } from '../../src/data/engine.js';
import { loadSource } from '../../src/data/source.js';
import type { DriftTestName } from '../../src/config/types.js';
import type { DatasetStatistics } from '../../src/data/statistics.js';

type Stat = Record<string, unknown> & { quantiles?: Record<string, number>; counts?: Record<string, number> };
interface Case {
  reference: string;
  current: string;
  rows: number;
  duplicate_rows: number;
  drift: Record<
    string,
    { default: string; tests: Record<string, { statistic: number | null | string; p_value: number | null }> }
  >;
  statistics: Record<string, Stat>;
}
const fixture = JSON.parse(readFileSync('__fixtures__/data/reference.json', 'utf8')) as {
  cases: Record<string, Case>;
};
const dir = '__fixtures__/data';

function close(actual: number | null, expected: number | null | string, what: string): void {
  if (expected === null) {
    if (actual !== null && !Number.isNaN(actual)) throw new Error(`${what}: expected null, got ${actual}`);
    return;
  }
  if (expected === 'inf') {
    if (actual !== null) throw new Error(`${what}: expected inf (null), got ${actual}`);
    return;
  }
  const e = Number(expected);
  if (actual === null || Math.abs(actual - e) > 1e-6 * Math.max(1, Math.abs(e)))
    throw new Error(`${what}: expected ${e}, got ${actual}`);
}

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine({ memoryLimit: '256MB', threads: 2 });
});
afterAll(() => engine.close());

describe.each(Object.entries(fixture.cases))('%s reference vs current', (name, c) => {
  let stats: DatasetStatistics;
  let inputs: Awaited<ReturnType<typeof analyse>>['inputs'];
  beforeAll(async () => {
    const cur = await loadSource(engine.db, `${dir}/${c.current}`, `cur_${name}`);
    const ref = await loadSource(engine.db, `${dir}/${c.reference}`, `ref_${name}`);
    const result = await analyse(engine, cur, { kind: 'table', source: ref }, { label: 'label' });
    stats = result.current;
    inputs = result.inputs;
  });

  test('every drift test equals scipy as Evidently runs it, and the default test is Evidently’s', () => {
    for (const [column, expected] of Object.entries(c.drift)) {
      const input = inputs[column];
      expect(input).toBeDefined();
      expect(defaultTest(input)).toBe(expected.default);
      for (const [test, values] of Object.entries(expected.tests)) {
        const r = runDriftTest(test as DriftTestName, input);
        close(r.statistic, values.statistic, `${column} ${test} statistic`);
        if (values.p_value !== null || r.p_value !== null)
          close(r.p_value, values.p_value, `${column} ${test} p_value`);
      }
    }
  });

  test('column statistics equal pandas/numpy', () => {
    expect(stats.rows).toBe(c.rows);
    expect(stats.duplicate_rows).toBe(c.duplicate_rows);
    for (const [column, expected] of Object.entries(c.statistics)) {
      const got = stats.columns[column];
      expect(got.count).toBe(expected.count);
      expect(got.missing).toBe(expected.missing);
      expect(got.distinct).toBe(expected.distinct);
      if (expected.quantiles) {
        for (const key of ['nan', 'pos_inf', 'neg_inf', 'finite', 'zeros'])
          expect([column, key, got[key as keyof typeof got]]).toEqual([column, key, expected[key]]);
        for (const key of ['min', 'max', 'mean', 'std'])
          close(got[key as keyof typeof got] as number, expected[key] as number, `${column} ${key}`);
        for (const [q, v] of Object.entries(expected.quantiles))
          close(got.quantiles![q], v, `${column} ${q}`);
      } else {
        expect(got.values).toEqual(expected.counts);
      }
    }
  });
});
