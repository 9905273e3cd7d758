/**
 * A reference-statistics.json left in an out folder by an earlier run must not be drawn as the
 * reference of a run that had none: validate-data removes it, and the report ignores one beside a
 * validation.json whose "reference" is null.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';

let work: string;
let current: string;
let oldReference: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'mlci-stale-reference-'));
  current = join(work, 'cur.csv');
  oldReference = join(work, 'old-ref.csv');
  writeFileSync(current, 'x\n1\n2\n3\n4\n');
  writeFileSync(oldReference, 'x\n100\n200\n300\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function validate(args: string[]): Promise<void> {
  const run = await runCli(['validate-data', '--data', current, ...args]);
  expect(run.stderr).not.toContain('mlci:');
}

const referenceOf = (out: string) =>
  (JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as { reference: unknown }).reference;

test('validate-data without a reference removes the reference-statistics.json of an earlier run in --out', async () => {
  const out = join(work, 'o');
  await validate(['--reference', oldReference, '--out', out]);
  expect(existsSync(join(out, 'reference-statistics.json'))).toBe(true);
  await validate(['--out', out]);
  expect(referenceOf(out)).toBeNull();
  expect(existsSync(join(out, 'reference-statistics.json'))).toBe(false);
  // Its other outputs are rewritten, not removed.
  for (const file of ['validation.json', 'statistics.json', 'validation.md'])
    expect(existsSync(join(out, file))).toBe(true);
});

test("validate-data keeps reference-statistics.json in --out when it is the run's reference (the pipeline's layout)", async () => {
  const out = join(work, 'o');
  await validate(['--reference', oldReference, '--out', join(work, 'earlier')]);
  mkdirSync(out);
  copyFileSync(join(work, 'earlier', 'reference-statistics.json'), join(out, 'reference-statistics.json'));
  await validate(['--reference', join(out, 'reference-statistics.json'), '--out', out]);
  expect(referenceOf(out)).toMatchObject({ kind: 'statistics', rows: 3 });
  expect(existsSync(join(out, 'reference-statistics.json'))).toBe(true);
});

test('mlci report ignores a reference-statistics.json beside a validation.json that has no reference', async () => {
  const out = join(work, 'o');
  // An out folder as an earlier validate-data would leave it: a reference's statistics beside a
  // validation.json of a later run without one.
  await validate(['--reference', oldReference, '--out', join(work, 'earlier')]);
  await validate(['--out', out]);
  copyFileSync(join(work, 'earlier', 'reference-statistics.json'), join(out, 'reference-statistics.json'));
  const run = await runCli(['report', '--validation', join(out, 'validation.json')]);
  expect(run.stderr).not.toContain('mlci:');
  expect(run.code).toBe(0);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html).not.toContain('reference statistics:');
  expect(html).not.toMatch(/reference: \d+ rows/);
  expect(html).toContain('No reference distribution recorded');
  // Named explicitly, the file is still used.
  const named = await runCli([
    'report',
    '--validation',
    join(out, 'validation.json'),
    '--reference-statistics',
    join(out, 'reference-statistics.json')
  ]);
  expect(named.code).toBe(0);
  expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('reference statistics:');
});

test('a stored statistics.json reference kept elsewhere is copied beside validation.json, so the report overlays it', async () => {
  const out = join(work, 'o');
  await validate(['--reference', oldReference, '--out', join(work, 'earlier')]);
  const stored = join(work, 'stored-reference.json');
  copyFileSync(join(work, 'earlier', 'reference-statistics.json'), stored);
  await validate(['--reference', stored, '--out', out]);
  expect(referenceOf(out)).toMatchObject({ kind: 'statistics', rows: 3 });
  expect(JSON.parse(readFileSync(join(out, 'reference-statistics.json'), 'utf8'))).toEqual(
    JSON.parse(readFileSync(stored, 'utf8'))
  );
  const run = await runCli(['report', '--validation', join(out, 'validation.json')]);
  expect(run.code).toBe(0);
  expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/reference: 3 rows/);
});
