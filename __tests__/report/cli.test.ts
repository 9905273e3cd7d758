import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';

const FIXTURES = join(process.cwd(), '__fixtures__', 'report');

/** Runs `mlci report ...` through the real program, in process. */
function runReport(args: string[]): ReturnType<typeof runCli> {
  return runCli(['report', ...args]);
}

describe('mlci report', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'mlci-report-cli-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test('--json builds report.html in --out and says what it wrote', async () => {
    const out = join(work, 'site');
    const run = await runReport([
      '--evaluation',
      join(FIXTURES, 'evaluation.json'),
      '--validation',
      join(FIXTURES, 'validation.json'),
      '--out',
      out,
      '--json'
    ]);
    expect(run.stderr).not.toContain('mlci:');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      path: string;
      bytes: number;
      charts: number;
      unavailable: string[];
    };
    expect(result.path).toBe(join(out, 'report.html'));
    expect(result.charts).toBe(17);
    expect(result.unavailable).toEqual([]);
    const html = readFileSync(result.path, 'utf8');
    expect(Buffer.byteLength(html)).toBe(result.bytes);
    expect(html).toContain('Generated ');
    expect(html).toContain(`evaluation: ${join(FIXTURES, 'evaluation.json')}`);
  });

  test('without --out it writes next to the input and lists what is not available', async () => {
    copyFileSync(join(FIXTURES, 'validation.json'), join(work, 'validation.json'));
    const run = await runReport(['--validation', join(work, 'validation.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*report\.html \(\d+ KiB, 8 charts\)\nnot available: Evaluation\n$/);
    expect(existsSync(join(work, 'report.html'))).toBe(true);
  });

  test('no input at all is a usage error (exit 2)', async () => {
    const run = await runReport(['--out', work]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mlci: report needs --evaluation FILE, --validation FILE or --loadtest FILE\n');
  });

  test('a missing, malformed or wrong file is an input error naming it, and nothing is written', async () => {
    const missing = await runReport(['--evaluation', join(work, 'nope.json'), '--out', work]);
    expect(missing).toMatchObject({
      code: 2,
      stderr: `mlci: evaluation.json not found: ${join(work, 'nope.json')}\n`
    });
    writeFileSync(join(work, 'bad.json'), '{"candidate": ');
    const bad = await runReport(['--evaluation', join(work, 'bad.json'), '--out', work]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`mlci: ${join(work, 'bad.json')}: not valid JSON`);
    const swapped = await runReport(['--validation', join(FIXTURES, 'evaluation.json'), '--out', work]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('does not look like validation.json (no "columns" field)');
    expect(existsSync(join(work, 'report.html'))).toBe(false);
  });

  test('a validation.json field of the wrong type is exit 2 naming the file and field, and nothing is written', async () => {
    const v = JSON.parse(readFileSync(join(FIXTURES, 'validation.json'), 'utf8'));
    v.anomalies[0].severity = 3;
    writeFileSync(join(work, 'validation.json'), JSON.stringify(v));
    const run = await runReport(['--validation', join(work, 'validation.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `mlci: ${join(work, 'validation.json')}: anomalies[0].severity: expected one of "error", "warning", got 3\n`
    );
    expect(existsSync(join(work, 'report.html'))).toBe(false);
  });
});
