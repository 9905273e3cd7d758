import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../core/errors.js';

/** Training params: a mapping of names to JSON values. */
export type Params = Record<string, unknown>;

/** Reads a params file: JSON when it ends in .json, else YAML (which also reads JSON). */
export async function loadParamsFile(path: string): Promise<Params> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`params file not found: ${path}`);
  }
  let value: unknown;
  try {
    value = path.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InputError(
      `${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${firstLine(error)})`
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `${path}: expected a mapping of param names to values, got ${Array.isArray(value) ? 'a list' : typeof value}`
    );
  }
  return value as Params;
}

/**
 * Parses `key=value` overrides. Values read as YAML scalars would: 0.05 is a number, true a
 * boolean, null null, [1, 2] a list; anything else stays a string. Keys may be dotted (`optimizer.lr`).
 */
export function parseOverrides(pairs: string[], what = '--set'): Params {
  const out: Params = {};
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === '' || pair.startsWith('#')) continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`${what}: got "${raw}", expected key=value`);
    const key = pair.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/.test(key)) {
      throw new InputError(
        `${what}: "${key}" is not a param name (letters, digits, _ and -, dotted for nesting)`
      );
    }
    setOwn(out, key, parseScalar(pair.slice(eq + 1).trim()));
  }
  return out;
}

function parseScalar(text: string): unknown {
  if (text === '') return '';
  try {
    const value: unknown = parseYaml(text);
    // A bare word that YAML reads as a mapping or a date stays the string the user typed.
    if (value === null && !/^(null|~)$/i.test(text)) return text;
    if (value instanceof Date || (typeof value === 'object' && value !== null && !/^[[{]/.test(text)))
      return text;
    return value;
  } catch {
    return text;
  }
}

/** Applies overrides (dotted keys reach into nested mappings) to a copy of `params`. */
export function applyOverrides(params: Params, overrides: Record<string, unknown>): Params {
  const out = structuredClone(params);
  for (const [key, value] of Object.entries(overrides)) {
    const path = key.split('.');
    let node: Record<string, unknown> = out;
    for (const part of path.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (next === null || typeof next !== 'object' || Array.isArray(next)) setOwn(node, part, {});
      node = node[part] as Record<string, unknown>;
    }
    setOwn(node, path[path.length - 1], value);
  }
  return out;
}

// A param may be named like an inherited property (`__proto__`, `constructor`): it is set as the
// object's own key, as the YAML params file sets it, never through the prototype chain.
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}

/**
 * The root action's `params` and the train action's `set` input: `key=value` overrides, one per line or comma-separated. A comma
 * inside [ ], { } or quotes belongs to the value (`hidden_layers=[64,32]`, `note="a,b"`), and a pair
 * alone on its line is read exactly as `--set` reads it; lines starting with # are comments. Every pair
 * is checked here, before any stage runs, and errors name the input.
 */
export function parseParams(text: string, name = 'input "params"'): string[] {
  const pairs: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    const pieces = splitTopLevel(line).map((piece) => piece.trim());
    for (const piece of pieces.filter((p) => p !== '')) {
      if (pieces.length > 1 && !piece.includes('='))
        throw new InputError(
          `${name}: got "${piece}" after a comma in "${line.trim()}", expected key=value (quote a value that holds a comma: note="a,b")`
        );
      pairs.push(piece);
    }
  }
  parseOverrides(pairs, name);
  return pairs;
}

const CLOSING: Record<string, string> = { '[': ']', '{': '}' };

// Splits a line at the commas outside brackets, braces and quotes (YAML's flow syntax). As in YAML, a
// quote opens a quoted value only where a value starts: the apostrophe of `name=it's` is text. A line
// whose brackets or quotes do not balance is one pair, as `--set` would take it.
function splitTopLevel(line: string): string[] {
  const pieces: string[] = [];
  const open: string[] = [];
  let quote: string | null = null;
  let start = 0;
  let previous = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (quote === "'" && c === "'" && line[i + 1] === "'") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if ((c === '"' || c === "'") && /^[=[{,:]?$/.test(previous)) quote = c;
    else if (c in CLOSING) open.push(CLOSING[c]);
    else if ((c === ']' || c === '}') && open.pop() !== c) return [line];
    else if (c === ',' && open.length === 0) {
      pieces.push(line.slice(start, i));
      start = i + 1;
    }
    if (c.trim() !== '') previous = c;
  }
  if (quote || open.length > 0) return [line];
  pieces.push(line.slice(start));
  return pieces;
}
