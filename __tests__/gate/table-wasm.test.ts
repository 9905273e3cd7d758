import { execFileSync } from 'node:child_process';

describe('WebAssembly kernels', () => {
  it('the committed generated module matches its .wat source (node scripts/wasm-src.mjs)', () => {
    // --check exits 1 (execFileSync throws) when a *.generated.js differs from assembling its .wat now.
    expect(() =>
      execFileSync(process.execPath, ['scripts/wasm-src.mjs', '--check'], { stdio: 'pipe' })
    ).not.toThrow();
  });
});
