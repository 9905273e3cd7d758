/**
 * validation.md (the PR comment) sketches the current histogram on the reference's bins: rows below
 * or above the reference's range are bars beyond a ┊ mark, so a shifted column shows where its rows
 * went (its sketch was empty, or showed only the rows left in range).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-md-range-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A CSV of column x with the given values. */
async function csv(name: string, values: number[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, ['x', ...values.map(String)].join('\n') + '\n');
  return path;
}

/** The drift table's row of column x: its reference and current sketches. */
function sketches(markdown: string): { reference: string; current: string } {
  const row = markdown.split('\n').find((l) => l.startsWith('| x | ks |'));
  const cells = row!.split('|').map((c) => c.trim());
  return { reference: cells[7].replace(/`/g, ''), current: cells[8].replace(/`/g, '') };
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('validation.md sketches the rows outside the reference’s range', () => {
  it('draws a column shifted wholly above the reference as a bar past the range mark', async () => {
    const reference = await csv('ref-above.csv', range(0, 40));
    const data = await csv('cur-above.csv', range(100, 40));
    const run = await runCli([
      'validate-data',
      '--data',
      data,
      '--reference',
      reference,
      '--out',
      join(dir, 'above')
    ]);
    expect(run.code).toBe(0);
    const md = await readFile(join(dir, 'above', 'validation.md'), 'utf8');
    const { reference: ref, current } = sketches(md);
    expect(ref.trim()).not.toBe('');
    expect(current).toMatch(/^ +┊█$/);
    expect(md).toContain(
      "┊ marks the reference's range: a bar beyond it counts the current rows below or above it."
    );
  });

  it('draws rows on both sides, each bar on one scale with the bins in range', async () => {
    const reference = await csv('ref-both.csv', range(0, 40));
    // 30 rows below, 10 inside, 20 above.
    const data = await csv('cur-both.csv', [...range(-100, 30), ...range(10, 10), ...range(200, 20)]);
    const run = await runCli([
      'validate-data',
      '--data',
      data,
      '--reference',
      reference,
      '--out',
      join(dir, 'both')
    ]);
    expect(run.code).toBe(0);
    const { current } = sketches(await readFile(join(dir, 'both', 'validation.md'), 'utf8'));
    const [below, inside, above] = current.split('┊');
    expect(below).toBe('█');
    expect(above).toBe('▆'); // 20 of the 30 rows of the tallest bar
    expect(inside.replace(/ /g, '')).toMatch(/^[▁▂]+$/);
  });

  it('adds no mark or note when every row is in range', async () => {
    const reference = await csv('ref-in.csv', range(0, 40));
    const data = await csv('cur-in.csv', range(5, 30));
    const run = await runCli([
      'validate-data',
      '--data',
      data,
      '--reference',
      reference,
      '--out',
      join(dir, 'in')
    ]);
    expect(run.code).toBe(0);
    const md = await readFile(join(dir, 'in', 'validation.md'), 'utf8');
    expect(sketches(md).current).not.toContain('┊');
    expect(md).not.toContain('marks the reference');
  });
});
