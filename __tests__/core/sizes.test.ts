// Small files and functions (docs/architecture.md): no file in src/ over 500 lines and no function
// over 120, except generated files and files that open with a `size-exempt:` comment saying why.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkFile } from '../../scripts/check-sizes.mjs';

interface Finding {
  path: string;
  line: number;
  what: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$|\.generated\./.test(entry.name) ? [path] : [];
  });
}

test('no file in src/ over 500 lines and no function over 120 lines', () => {
  const findings = sourceFiles('src').flatMap((path) => checkFile(path) as Finding[]);
  expect(findings.map((f) => `${f.path}:${f.line}: ${f.what} has ${f.lines} lines`)).toEqual([]);
});

test('the checker finds a function over 120 lines and a file over 500', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-sizes-'));
  const path = join(dir, 'long.ts');
  const body = Array.from({ length: 125 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const filler = Array.from({ length: 400 }, (_, i) => `export const c${i} = ${i};`).join('\n');
  writeFileSync(path, `export function long(): void {\n${body}\n}\n${filler}\n`);
  const findings = checkFile(path) as Finding[];
  expect(findings.map((f) => f.what)).toEqual(['file', 'function long']);
});
