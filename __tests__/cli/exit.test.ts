// The bundled CLI leaves the engine's memory to the process's exit (src/core/exit.ts): the spill
// directory must still be gone, the exit code must be the command's, and the output complete.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string;
let temp: string;
beforeAll(() => {
  if (!existsSync('dist/cli/index.js')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'mlci-exit-'));
  temp = join(dir, 'tmp');
  mkdirSync(temp);
  const rows = (shift: number) =>
    ['x,y', ...Array.from({ length: 3000 }, (_, i) => `${(i % 97) + shift},c${i % 5}`)].join('\n') + '\n';
  writeFileSync(join(dir, 'current.csv'), rows(0));
  writeFileSync(join(dir, 'reference.csv'), rows(0));
  writeFileSync(
    join(dir, 'schema.json'),
    JSON.stringify({
      type: 'object',
      properties: { x: { type: 'number', maximum: 50 }, y: { type: 'string' } }
    })
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundled CLI with its temp directory (where the engine spills) under `temp`. */
function cli(args: string[]) {
  return spawnSync(process.execPath, ['dist/cli/index.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: temp },
    timeout: 60_000
  });
}

/** Spill directories the engine left in the temp directory. */
function spillDirs(): string[] {
  return readdirSync(temp).filter((f) => f.startsWith('mlci-duckdb-'));
}

test('a passing run exits 0 with its whole result, and leaves no spill directory', () => {
  const run = cli([
    'validate-data',
    '--data',
    join(dir, 'current.csv'),
    '--reference',
    join(dir, 'reference.csv'),
    '--json'
  ]);
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).verdict).toBe('pass');
  expect(spillDirs()).toEqual([]);
});

test("a failed check still exits 1 (the exit keeps the command's code)", () => {
  const args = ['validate-data', '--data', join(dir, 'current.csv'), '--schema', join(dir, 'schema.json')];
  const run = cli([...args, '--json']);
  expect(run.status).toBe(1);
  expect(JSON.parse(run.stdout).anomalies.map((a: { code: string }) => a.code)).toContain('out_of_range');
  expect(spillDirs()).toEqual([]);
});
