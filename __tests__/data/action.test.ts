import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotations, run } from '../../src/actions/validate-data/main.js';

describe('validate-data action', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  test('runs the stage from MLCI_INPUT_* variables: outputs, job summary, failure on blocking anomalies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-action-'));
    const data = join(dir, 'data.csv');
    await writeFile(data, 'a,colour\n1,red\n2,blue\n3,purple\n');
    const schema = join(dir, 'schema.json');
    await writeFile(
      schema,
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { a: { type: 'integer' }, colour: { type: 'string', enum: ['red', 'blue'] } }
      })
    );
    const outputs = join(dir, 'outputs.txt');
    const summary = join(dir, 'summary.md');
    await writeFile(outputs, '');
    await writeFile(summary, '');
    Object.assign(process.env, {
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      MLCI_INPUT_DATA: data,
      MLCI_INPUT_SCHEMA: schema,
      MLCI_INPUT_OUT: join(dir, 'out'),
      MLCI_INPUT_CONFIG: join(dir, 'mlci.yml')
    });
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await run();
    } finally {
      process.stdout.write = original;
    }
    expect(process.exitCode).toBe(1);
    const out = await readFile(outputs, 'utf8');
    expect(out).toContain('verdict');
    expect(out).toMatch(/verdict<<[^\n]+\nfail\n/);
    expect(out).toMatch(/anomalies<<[^\n]+\n1\n/);
    expect(await readFile(summary, 'utf8')).toContain('## ❌ Data validation: FAIL');
    const log = writes.join('');
    expect(log).toContain(`::error title=mlci out_of_domain (colour),file=${data},line=4::`);
    expect(await readFile(join(dir, 'out', 'validation.json'), 'utf8')).toContain('"out_of_domain"');
  });

  test('annotations put errors first and stop at ten', () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({
      row: i + 1,
      file: 'd.csv',
      line: i + 2,
      value: 'x'
    }));
    const list = annotations({
      anomalies: [
        { code: 'nan_values', severity: 'warning', column: 'a', message: 'nan' },
        { code: 'out_of_range', severity: 'error', column: 'b', message: 'range', rows },
        { code: 'out_of_domain', severity: 'error', column: 'c', message: 'domain', rows }
      ]
    } as never);
    expect(list).toHaveLength(10);
    expect(list[0]).toMatchObject({ level: 'error', file: 'd.csv', line: 2, title: 'mlci out_of_range (b)' });
    expect(list.every((a) => a.level === 'error')).toBe(true);
  });
});
