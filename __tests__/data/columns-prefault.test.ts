import { readFileSync } from 'node:fs';
import { HELPER_MIN_BYTES, ROWS_AHEAD, prefaultedColumns } from '../../src/data/prefault.js';

/** Resident memory of this process in bytes. */
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;

describe('prefaultedColumns (the read output faulted in by a helper thread)', () => {
  it('gives plain buffers and no helper below the threshold', async () => {
    const small = prefaultedColumns([8, 4], 1000);
    expect(small.buffers.map((b) => [b instanceof SharedArrayBuffer, b.byteLength])).toEqual([
      [false, 8000],
      [false, 4000]
    ]);
    await small.finished;
  });

  it('keeps every value the reader writes while the helper touches the same pages', async () => {
    const rows = Math.ceil(HELPER_MIN_BYTES / 12) + 4096;
    const columns = prefaultedColumns([8, 4], rows);
    expect(columns.buffers.every((b) => b instanceof SharedArrayBuffer)).toBe(true);
    const numbers = new Float64Array(columns.buffers[0]);
    const codes = new Int32Array(columns.buffers[1]);
    for (let start = 0; start < rows; start += 2048) {
      const end = Math.min(rows, start + 2048);
      for (let r = start; r < end; r++) {
        numbers[r] = r + 0.5;
        codes[r] = r ^ 0x5a5a;
      }
      columns.filled(end);
    }
    columns.done();
    await columns.finished;
    let wrong = 0;
    for (let r = 0; r < rows; r++) if (numbers[r] !== r + 0.5 || codes[r] !== (r ^ 0x5a5a)) wrong++;
    expect(wrong).toBe(0);
  });

  it('stays within ROWS_AHEAD of the filled rows and ends when the reader is done', async () => {
    const rows = 16 * ROWS_AHEAD; // 32 MiB of one Float64 column, of which the helper may touch 2 MiB
    const before = rss();
    const columns = prefaultedColumns([8], rows);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const grown = rss() - before;
    columns.done();
    await columns.finished;
    expect(grown).toBeLessThan(rows * 8 * 0.5);
  });
});
