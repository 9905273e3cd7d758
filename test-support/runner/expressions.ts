import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The status functions' inputs: how the job has gone so far. */
export interface JobStatus {
  failed: boolean;
}

/** Contexts an expression reads (inputs, github, steps, env, runner, …), as plain objects. */
export type Contexts = Record<string, unknown>;

type Token = { kind: 'op' | 'str' | 'num' | 'id'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(==|!=|&&|\|\||[!().,[\]])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w-]*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) throw new Error(`expression: cannot read "${text.slice(at)}"`);
    at = pattern.lastIndex;
    if (m[1]) tokens.push({ kind: 'op', value: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', value: m[2].replace(/''/g, "'") });
    else if (m[3]) tokens.push({ kind: 'num', value: m[3] });
    else tokens.push({ kind: 'id', value: m[4] });
  }
  return tokens;
}

/** GitHub's loose equality: strings compare case-insensitively, mixed types as numbers. */
function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const num = (v: unknown) =>
    v === null || v === undefined || v === '' ? 0 : v === true ? 1 : v === false ? 0 : Number(v);
  return num(a) === num(b);
}

/**
 * The runner's hashFiles for literal paths (what the workflows use): the SHA-256 of the matched files'
 * own SHA-256 digests under github.workspace, '' when none matches. Wildcards are refused, not guessed.
 */
function hashFiles(patterns: string[], contexts: Contexts): string {
  const workspace = (contexts.github as { workspace?: string } | undefined)?.workspace;
  if (!workspace) throw new Error('hashFiles: github.workspace is not set');
  const all = createHash('sha256');
  let matched = 0;
  for (const pattern of patterns) {
    if (/[*?[\]!]/.test(pattern))
      throw new Error(`hashFiles('${pattern}'): the player hashes literal paths only`);
    const file = resolve(workspace, pattern);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    all.update(createHash('sha256').update(readFileSync(file)).digest());
    matched++;
  }
  return matched === 0 ? '' : all.digest('hex');
}

function truthy(v: unknown): boolean {
  return !(v === false || v === 0 || v === '' || v === null || v === undefined || Number.isNaN(v));
}

/** Evaluates one `${{ }}` expression the way the runner does, for the operators the action files use. */
export function evaluate(text: string, contexts: Contexts, status: JobStatus): unknown {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const take = (value?: string) => {
    const t = tokens[i++];
    if (!t || (value !== undefined && t.value !== value))
      throw new Error(`expression "${text}": expected ${value}`);
    return t;
  };
  const functions: Record<string, (args: unknown[]) => unknown> = {
    always: () => true,
    success: () => !status.failed,
    failure: () => status.failed,
    cancelled: () => false,
    format: ([f, ...args]) => String(f).replace(/\{(\d+)\}/g, (_, n) => String(args[Number(n)] ?? '')),
    contains: ([hay, needle]) =>
      Array.isArray(hay)
        ? hay.some((h) => equal(h, needle))
        : String(hay).toLowerCase().includes(String(needle).toLowerCase()),
    startsWith: ([s, p]) => String(s).toLowerCase().startsWith(String(p).toLowerCase()),
    hashFiles: (patterns) => hashFiles(patterns.map(String), contexts)
  };
  const primary = (): unknown => {
    const t = take();
    if (t.kind === 'str') return t.value;
    if (t.kind === 'num') return Number(t.value);
    if (t.value === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.value === '!') return !truthy(primary());
    if (t.kind !== 'id') throw new Error(`expression "${text}": unexpected ${t.value}`);
    if (t.value === 'true') return true;
    if (t.value === 'false') return false;
    if (t.value === 'null') return null;
    if (peek()?.value === '(') {
      take('(');
      const args: unknown[] = [];
      while (peek()?.value !== ')') {
        args.push(or());
        if (peek()?.value === ',') take(',');
      }
      take(')');
      const fn = functions[t.value];
      if (!fn) throw new Error(`expression "${text}": no function ${t.value}`);
      return fn(args);
    }
    let value: unknown = contexts[t.value];
    while (peek()?.value === '.' || peek()?.value === '[') {
      // The key is read before it is used: `?.` would skip reading it when the value is null.
      let key: unknown;
      if (take().value === '.') key = take().value;
      else {
        key = or();
        take(']');
      }
      value = (value as Record<string, unknown> | null | undefined)?.[String(key)];
    }
    return value;
  };
  const comparison = (): unknown => {
    let left = primary();
    while (peek()?.value === '==' || peek()?.value === '!=') {
      const op = take().value;
      const right = primary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const and = (): unknown => {
    let left = comparison();
    while (peek()?.value === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): unknown => {
    let left = and();
    while (peek()?.value === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`expression "${text}": trailing ${tokens[i].value}`);
  return value;
}

/** Replaces every `${{ }}` in a string; a string that is one expression keeps its value's text. */
export function interpolate(text: string, contexts: Contexts, status: JobStatus): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = evaluate(expr.trim(), contexts, status);
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/** An `if:` condition: bare or wrapped in `${{ }}`, with `success()` implied when no status function is named. */
export function condition(text: string | undefined, contexts: Contexts, status: JobStatus): boolean {
  if (text === undefined) return !status.failed;
  const expr = text.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const named = /\b(always|success|failure|cancelled)\(\)/.test(expr);
  const value = truthy(evaluate(expr, contexts, status));
  return named ? value : value && !status.failed;
}

export { truthy };
