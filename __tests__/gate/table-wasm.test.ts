import { execFileSync } from 'node:child_process';
import { kernels } from '../../src/gate/kernels.js';
import { POISSON_TABLE, fillResampleWeights } from '../../src/gate/poisson.js';
import { WASM_BASE64 } from '../../src/gate/wasm/table.generated.js';
import { InputError } from '../../src/core/errors.js';
import { rankChunk, rowMasks } from '../../src/gate/table-kernels.js';

describe('WebAssembly kernels', () => {
  it('the committed generated module matches its .wat source (node scripts/wasm-src.mjs)', () => {
    // --check exits 1 (execFileSync throws) when a *.generated.js differs from assembling its .wat now.
    expect(() =>
      execFileSync(process.execPath, ['scripts/wasm-src.mjs', '--check'], { stdio: 'pipe' })
    ).not.toThrow();
  });

  it("draws each lane's weights exactly as the scalar generator, every table value included", () => {
    // Enough rows that weights up to the table's largest (u = 65,535 only) occur in every lane.
    const n = 300_001;
    const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared: true });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64')), {
      env: { memory }
    });
    const weights = instance.exports.weights as (
      state: number,
      thr: number,
      out: number,
      rows: number
    ) => void;
    const [STATE, THR, OUT] = [0, 128, 256];
    const i32 = new Int32Array(memory.buffer);
    const u16 = new Uint16Array(memory.buffer);
    const max = Math.max(...POISSON_TABLE);
    for (let k = 1; k <= 8; k++) {
      const first = POISSON_TABLE.indexOf(k); // the table steps by one: every weight up to max has a first u
      for (let lane = 0; lane < 8; lane++)
        u16[THR / 2 + (k - 1) * 8 + lane] = k <= max ? (first - 1) ^ 0x8000 : 0x7fff;
    }
    const seed = 2024;
    // Resamples 100..107: lanes 0-3 in the first 64 bytes of state, 4-7 in the next.
    for (let j = 0; j < 8; j++) {
      const state = kernels().seedState(seed, 100 + j);
      for (let q = 0; q < 4; q++) i32[STATE / 4 + 16 * (j >> 2) + 4 * q + (j & 3)] = state[q];
    }
    weights(STATE, THR, OUT, n);
    const bytes = new Uint8Array(memory.buffer);
    const expected = new Uint8Array(n);
    const seen = new Set<number>();
    for (let j = 0; j < 8; j++) {
      fillResampleWeights(seed, 100 + j, expected);
      let first = -1; // the first row whose weight differs, if any
      for (let k = 0; k < n && first < 0; k++) if (bytes[OUT + 8 * k + j] !== expected[k]) first = k;
      expect([j, first]).toEqual([j, -1]);
      for (const w of new Set(expected)) seen.add(w);
    }
    expect(Math.max(...seen)).toBe(max);
  });
});

describe('ranking kernel', () => {
  /**
   * One segment of n rows, all weights 8 in every lane: `negatives` negative rows, then the
   * positives, each row its own tie, so every positive adds the largest product 8 × 2·fp.
   * Returns each lane's twice the ROC area (2·tp·fp − S, tp the segment's weight less fp) with
   * `chunk` rows per u32 sum.
   */
  function twiceArea(n: number, negatives: number, chunk: number): bigint[] {
    const [OUT, ENDS, MASKS, ROWS] = [0, 256, 384, 512];
    const W = ROWS + 4 * n;
    const pages = Math.ceil((W + 8 * n + 16) / 65536);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64')), {
      env: { memory }
    });
    const rank = instance.exports.rank as (...args: number[]) => void;
    const i32 = new Int32Array(memory.buffer);
    i32[ENDS / 4] = n;
    i32.set(rowMasks(), MASKS / 4);
    for (let k = 0; k < n; k++) i32[ROWS / 4 + k] = (k << 3) | 2 | (k >= negatives ? 1 : 0);
    new Uint8Array(memory.buffer, W, 8 * n).fill(8);
    rank(ROWS, ENDS, 1, W, OUT, chunk, MASKS);
    const u32 = new Uint32Array(memory.buffer);
    return Array.from({ length: 8 }, (_, l) => {
      const q = OUT / 4 + 24 * (l >> 2);
      const j = l & 3;
      const fp = BigInt(u32[q + 4 + j]);
      const tp = 8n * BigInt(n) - fp; // the segment's weight less fp
      const S = (BigInt(u32[q + 9 + 2 * j]) << 32n) + BigInt(u32[q + 8 + 2 * j]);
      return 2n * tp * fp - S;
    });
  }

  it('sums the largest ROC products exactly in chunks of rankChunk rows, and would not in longer ones', () => {
    const n = 100_000;
    const chunk = rankChunk(n, Infinity);
    expect(chunk).toBe(Math.floor(0xffffffff / (128 * n)));
    // Every positive below every negative: no pair ordered right, an area of exactly 0.
    expect(twiceArea(n, n - 2 * chunk, chunk)).toEqual(Array(8).fill(0n));
    // Twice as many rows per sum wrap around 2^32: the bound is what keeps the sums exact.
    expect(twiceArea(n, n - 2 * chunk, 2 * chunk)).not.toEqual(Array(8).fill(0n));
    expect(rankChunk(n)).toBeLessThanOrEqual(chunk);
  });

  it('refuses a job whose largest product alone would not fit 32 bits, as a user error that says what to do', () => {
    expect(() => rankChunk(2 ** 25)).toThrow(InputError);
    expect(() => rankChunk(2 ** 25)).toThrow(/at most 33554431 rows .*--bootstrap 0/);
    expect(rankChunk(2 ** 25 - 1)).toBe(1);
  });
});
