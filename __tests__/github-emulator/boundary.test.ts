import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the emulator stays out of shipped code', () => {
  it('no file under src/ imports test-support/', () => {
    const sources = files('src');
    expect(sources.length).toBeGreaterThan(0);
    const offenders = sources.filter((f) => /from\s+['"][^'"]*test-support\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
