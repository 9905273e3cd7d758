import { execFileSync } from 'node:child_process';
import { kernels } from '../../src/gate/kernels.js';
import { POISSON_TABLE, fillResampleWeights } from '../../src/gate/poisson.js';
import { WASM_BASE64 } from '../../src/gate/wasm/table.generated.js';

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
    const [STATE, THR, OUT] = [0, 64, 256];
    const i32 = new Int32Array(memory.buffer);
    const u16 = new Uint16Array(memory.buffer);
    const max = Math.max(...POISSON_TABLE);
    for (let k = 1; k <= 8; k++) {
      const first = POISSON_TABLE.indexOf(k); // the table steps by one: every weight up to max has a first u
      for (let lane = 0; lane < 8; lane++)
        u16[THR / 2 + (k - 1) * 8 + lane] = k <= max ? (first - 1) ^ 0x8000 : 0x7fff;
    }
    const seed = 2024;
    for (let j = 0; j < 4; j++) {
      const state = kernels().seedState(seed, 100 + j);
      for (let q = 0; q < 4; q++) i32[STATE / 4 + 4 * q + j] = state[q];
    }
    weights(STATE, THR, OUT, n);
    const bytes = new Uint8Array(memory.buffer);
    const expected = new Uint8Array(n);
    const seen = new Set<number>();
    for (let j = 0; j < 4; j++) {
      fillResampleWeights(seed, 100 + j, expected);
      let first = -1; // the first row whose weight differs, if any
      for (let k = 0; k < n && first < 0; k++) if (bytes[OUT + 8 * k + j] !== expected[k]) first = k;
      expect([j, first]).toEqual([j, -1]);
      for (const w of new Set(expected)) seen.add(w);
    }
    expect(Math.max(...seen)).toBe(max);
  });
});
