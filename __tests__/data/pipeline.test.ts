import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inferSchemaFile, profileData, validateData } from '../../src/stages/validate-data.js';
import { mergeStatistics } from '../../src/data/merge.js';
import type { DatasetStatistics } from '../../src/data/statistics.js';
import { runCli } from '../../test-support/cli.js';

const fixture = JSON.parse(readFileSync('__fixtures__/data/reference.json', 'utf8'));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-pipeline-'));
});

describe('schema infer and validation', () => {
  test('infers types, ranges, domains, presence and patterns; flags violations with file and line', async () => {
    const train = join(dir, 'train.csv');
    const rows = ['id,amount,colour,code,when'];
    for (let i = 0; i < 200; i++)
      rows.push(
        `${i},${(i % 50) + 0.5},${['red', 'green', 'blue'][i % 3]},AB${1000 + i},2024-01-${String((i % 28) + 1).padStart(2, '0')}`
      );
    await writeFile(train, rows.join('\n') + '\n');
    const schemaPath = join(dir, 'schema.json');
    // By default observed ranges and lengths are recorded, not checked.
    const observed = await inferSchemaFile({ data: train });
    expect(observed.properties.id).toEqual({
      type: 'integer',
      'x-mlci-observed-min': 0,
      'x-mlci-observed-max': 199,
      'x-mlci-allow-nan': false,
      'x-mlci-allow-inf': false,
      'x-mlci-kind': 'numeric',
      'x-mlci-min-present': 1
    });
    expect(observed.properties.code).toMatchObject({
      pattern: '^[A-Za-z0-9]+$',
      'x-mlci-observed-min-length': 6,
      'x-mlci-observed-max-length': 6
    });
    expect(observed.properties.code.maxLength).toBeUndefined();
    const schema = await inferSchemaFile({ data: train, out: schemaPath, ranges: true });
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.id).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 199,
      'x-mlci-min-present': 1
    });
    expect(schema.properties.amount).toMatchObject({ type: 'number', minimum: 0.5, maximum: 49.5 });
    expect(schema.properties.colour).toMatchObject({ type: 'string', enum: ['blue', 'green', 'red'] });
    expect(schema.properties.code).toMatchObject({
      type: 'string',
      pattern: '^[A-Za-z0-9]+$',
      minLength: 6,
      maxLength: 6
    });
    expect(schema.properties.when).toMatchObject({ type: 'string', format: 'date' });
    expect(JSON.parse(await readFile(schemaPath, 'utf8'))).toEqual(schema);

    const bad = join(dir, 'new.csv');
    await writeFile(
      bad,
      'id,amount,colour,code,extra\n1,3.5,red,AB1001,x\n2,500,purple,AB1002,y\n3,,blue,AB-1003,z\n4,2.5,purple,AB1004,w\n'
    );
    const result = await validateData({ data: bad, schema: schemaPath, out: join(dir, 'out-schema') });
    expect(result.exitCode).toBe(1);
    const byCode = (code: string, column?: string) =>
      result.report.anomalies.find((a) => a.code === code && (!column || a.column === column));
    expect(byCode('missing_column', 'when')).toMatchObject({ severity: 'error' });
    expect(byCode('new_column', 'extra')).toMatchObject({ severity: 'warning' });
    expect(byCode('out_of_range', 'amount')).toMatchObject({
      severity: 'error',
      count: 1,
      rows: [{ row: 2, line: 3, file: bad, value: '500.0' }]
    });
    expect(byCode('out_of_domain', 'colour')).toMatchObject({
      count: 2,
      values: [{ value: 'purple', count: 2 }],
      rows: [
        { line: 3, value: 'purple' },
        { line: 5, value: 'purple' }
      ]
    });
    expect(byCode('out_of_domain', 'code')).toMatchObject({
      count: 1,
      rows: [{ line: 4, value: 'AB-1003' }]
    });
    expect(byCode('unexpected_nulls', 'amount')).toMatchObject({ count: 1, rows: [{ line: 4 }] });
    const md = await readFile(join(dir, 'out-schema', 'validation.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## ❌ Data validation: FAIL');
  });

  test('severity from mlci.yml turns an error into a warning or off', async () => {
    const data = join(dir, 'sev.csv');
    await writeFile(data, 'a,b\n1,x\n2,y\n');
    const schemaPath = join(dir, 'sev-schema.json');
    await writeFile(
      schemaPath,
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { a: { type: 'integer', maximum: 1 }, b: { type: 'string', enum: ['x'] } },
        required: ['a', 'b']
      })
    );
    const strict = await validateData({ data, schema: schemaPath });
    expect(strict.exitCode).toBe(1);
    const relaxed = await validateData({
      data,
      schema: schemaPath,
      config: {
        severity: { out_of_range: 'warning' },
        columns: { b: { severity: { out_of_domain: 'off' } } }
      }
    });
    expect(relaxed.exitCode).toBe(0);
    expect(relaxed.report.anomalies.map((a) => [a.code, a.severity])).toEqual([['out_of_range', 'warning']]);
  });
});

describe('drift against a stored statistics.json equals drift against the data', () => {
  test.each(['small', 'big'])('%s fixture', async (name) => {
    const c = fixture.cases[name];
    const refStats = join(dir, `${name}-ref-stats.json`);
    await profileData({ data: `__fixtures__/data/${c.reference}`, label: 'label', out: refStats });
    const viaData = await validateData({
      data: `__fixtures__/data/${c.current}`,
      reference: `__fixtures__/data/${c.reference}`,
      label: 'label'
    });
    const viaStats = await validateData({
      data: `__fixtures__/data/${c.current}`,
      reference: refStats,
      label: 'label'
    });
    expect(viaStats.report.reference).toMatchObject({ kind: 'statistics' });
    for (const [column, expected] of Object.entries(c.drift) as [
      string,
      { default: string; tests: Record<string, { statistic: number; p_value: number | null }> }
    ][]) {
      const d = viaStats.report.drift[column];
      expect([column, d.test, d.exact]).toEqual([column, expected.default, true]);
      expect(d.statistic).toBeCloseTo(expected.tests[expected.default].statistic, 6);
      expect(d).toEqual(viaData.report.drift[column]);
    }
  });
});

describe('stats merge', () => {
  function split(path: string, parts: number): string[] {
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    const size = Math.ceil(rows.length / parts);
    return Array.from(
      { length: parts },
      (_, i) => [header, ...rows.slice(i * size, (i + 1) * size)].join('\n') + '\n'
    );
  }

  test('merged shards equal one pass (exact distributions)', async () => {
    const source = '__fixtures__/data/big_cur.csv';
    const one = await profileData({ data: source, label: 'label' });
    const shards: { name: string; stats: DatasetStatistics }[] = [];
    for (const [i, text] of split(source, 3).entries()) {
      const path = join(dir, `shard-${i}.csv`);
      await writeFile(path, text);
      shards.push({ name: path, stats: await profileData({ data: path, label: 'label' }) });
    }
    const merged = mergeStatistics(shards);
    expect(merged.rows).toBe(one.rows);
    for (const [column, s] of Object.entries(one.columns)) {
      const m = merged.columns[column];
      for (const key of [
        'count',
        'missing',
        'present',
        'nan',
        'pos_inf',
        'neg_inf',
        'zeros',
        'finite',
        'distinct',
        'min',
        'max'
      ] as const) {
        expect([column, key, m[key]]).toEqual([column, key, s[key]]);
      }
      if (s.kind === 'numeric') {
        expect(m.mean).toBeCloseTo(s.mean!, 10);
        expect(m.std).toBeCloseTo(s.std!, 10);
        expect(m.quantiles).toEqual(s.quantiles);
        expect(m.histogram).toEqual(s.histogram);
        expect(m.distribution).toEqual(s.distribution);
      } else {
        expect(m.values).toEqual(s.values);
      }
    }
    expect(merged.label).toEqual(one.label);
    // The CLI writes the same thing.
    const files = shards.map((s, i) => join(dir, `shard-${i}.json`));
    await Promise.all(files.map((f, i) => writeFile(f, JSON.stringify(shards[i].stats))));
    const out = join(dir, 'merged.json');
    const run = await runCli(['stats', 'merge', ...files, '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).columns.num_a.quantiles).toEqual(
      one.columns.num_a.quantiles
    );
    // --out names a file: a second merge replaces it (it was refused as "expected a directory").
    const again = await runCli(['stats', 'merge', files[0], '--out', out]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).rows).toBe(shards[0].stats.rows);
    const intoFolder = await runCli(['stats', 'merge', ...files, '--out', dir]);
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toBe(`mlci: --out ${dir}: is a directory, expected a file\n`);
  });

  test('beyond 10,000 distinct values: quantiles within the stated rank error, distinct within 3 HLL standard errors', async () => {
    const n = 60000;
    const values = Array.from(
      { length: n },
      (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453)
    );
    const shards: { name: string; stats: DatasetStatistics }[] = [];
    for (let s = 0; s < 3; s++) {
      const path = join(dir, `wide-${s}.csv`);
      await writeFile(path, 'x\n' + values.slice(s * 20000, (s + 1) * 20000).join('\n') + '\n');
      shards.push({ name: path, stats: await profileData({ data: path }) });
    }
    const merged = mergeStatistics(shards).columns.x;
    const sorted = [...values].sort((a, b) => a - b);
    const bound = merged.distribution!.rank_error!;
    expect(merged.distribution!.kind).toBe('quantiles');
    expect(bound).toBeLessThanOrEqual(0.002);
    for (const [q, p] of [
      ['p1', 0.01],
      ['p25', 0.25],
      ['p50', 0.5],
      ['p99', 0.99]
    ] as const) {
      const v = merged.quantiles![q]!;
      const rank = sorted.findIndex((x) => x > v) / n;
      expect(Math.abs((rank === -1 / n ? 1 : rank) - p)).toBeLessThanOrEqual(bound + 1 / n);
    }
    const distinct = new Set(values).size;
    expect(merged.distinct_exact).toBe(false);
    expect(Math.abs(merged.distinct - distinct) / distinct).toBeLessThan(3 * 0.0163);
    expect(merged.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 10);
  });
});

describe('drift against a stored summary (more than 10,000 distinct values)', () => {
  test('KS and Wasserstein stay within the stated bounds of the exact values', async () => {
    const ref = join(dir, 'wide-ref.csv');
    const cur = join(dir, 'wide-cur.csv');
    const noise = (i: number, seed: number) => {
      const v = Math.sin(i * 12.9898 + seed) * 43758.5453;
      return v - Math.floor(v);
    };
    await writeFile(
      ref,
      'x\n' + Array.from({ length: 30000 }, (_, i) => (noise(i, 1) * 100).toFixed(4)).join('\n') + '\n'
    );
    await writeFile(
      cur,
      'x\n' + Array.from({ length: 20000 }, (_, i) => (noise(i, 2) * 90 + 8).toFixed(4)).join('\n') + '\n'
    );
    const refStats = join(dir, 'wide-ref-stats.json');
    const stored = await profileData({ data: ref, out: refStats });
    const dist = stored.columns.x.distribution!;
    expect(dist.kind).toBe('quantiles');
    const config = { columns: { x: { drift_test: 'ks' as const } } };
    const exact = await validateData({ data: cur, reference: ref, config });
    const approx = await validateData({ data: cur, reference: refStats, config });
    const bound = dist.rank_error!;
    expect(exact.report.drift.x.exact).toBe(true);
    expect(approx.report.drift.x.exact).toBe(false);
    expect(Math.abs(approx.report.drift.x.statistic! - exact.report.drift.x.statistic!)).toBeLessThanOrEqual(
      bound + 1e-12
    );
    const w = { columns: { x: { drift_test: 'wasserstein' as const } } };
    const wExact = (await validateData({ data: cur, reference: ref, config: w })).report.drift.x.statistic!;
    const wApprox = (await validateData({ data: cur, reference: refStats, config: w })).report.drift.x
      .statistic!;
    const s = stored.columns.x;
    const popStd = Math.sqrt(s.m2! / s.finite!);
    expect(Math.abs(wApprox - wExact)).toBeLessThanOrEqual(
      (bound * ((s.max as number) - (s.min as number))) / popStd
    );
  });
});
