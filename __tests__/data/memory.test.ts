// Bounded memory: validate-data on a generated CSV far larger than the allowed peak RSS, run as the
// bundled CLI in a child process whose peak RSS /usr/bin/time reports.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The engine's limit plus what lives outside it: Node and the engine's library (≈ 90 MB), read buffers,
// result chunks and allocator slack. CI runners peaked at 409 MB with 32 MB read buffers.
const ALLOWED_RSS_MB = 450;
const ENGINE_LIMIT = '100MB';

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const pad = 'abcdefghij'.repeat(20);
  out.write('id,x,s\n');
  let block = '';
  for (let i = 0; i < rows; i++) {
    block += `${i},${(i % 1000) * 0.5},${pad}${i % 50}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
      block = '';
    }
  }
  out.write(block);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve()))
  );
}

test('peak RSS stays under the allowance on a CSV twice its size (engine limit 100MB)', async () => {
  if (!existsSync('dist/cli/index.js')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  const dir = await mkdtemp(join(tmpdir(), 'mlci-memory-'));
  try {
    const file = join(dir, 'big.csv');
    await writeBigCsv(file, 4_500_000);
    const sizeMb = statSync(file).size / 2 ** 20;
    expect(sizeMb).toBeGreaterThan(2 * ALLOWED_RSS_MB);
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-v',
        process.execPath,
        'dist/cli/index.js',
        'validate-data',
        '--data',
        file,
        '--json',
        '--memory-limit',
        ENGINE_LIMIT
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26
      }
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.data.rows).toBe(4_500_000);
    expect(report.columns.x).toMatchObject({ min: 0, max: 499.5, distinct: 1000 });
    expect(report.columns.s.distinct).toBe(50);
    const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)![1]) / 1024;
    expect(rssMb).toBeLessThan(ALLOWED_RSS_MB);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120000);
