// Lists files in src/ over 500 lines and functions over 120 lines (docs/architecture.md: small files
// and functions). Generated files and files that open with a `size-exempt:` comment saying why are
// left out. Exit 1 when anything is over. Usage: node scripts/check-sizes.mjs [dir]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 500;
export const MAX_FUNCTION_LINES = 120;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$|\.generated\./.test(entry.name)) yield path;
  }
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** The size findings of one file: [{ path, line, what, lines }]. */
export function checkFile(path) {
  const text = readFileSync(path, 'utf8');
  if (/^\/\/ size-exempt:/m.test(text.split('\n').slice(0, 5).join('\n'))) return [];
  const findings = [];
  const lines = text.split('\n').length;
  if (lines > MAX_FILE_LINES) findings.push({ path, line: 1, what: 'file', lines });
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_FUNCTION_LINES) {
        findings.push({ path, line: start + 1, what: `function ${functionName(node, source)}`, lines: length });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'src';
  const findings = [...sourceFiles(root)].flatMap(checkFile);
  for (const f of findings) console.log(`${f.path}:${f.line}: ${f.what} has ${f.lines} lines`);
  console.log(findings.length === 0 ? 'sizes ok' : `${findings.length} over the limits`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
