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
