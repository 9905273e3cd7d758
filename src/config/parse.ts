import { InputError } from '../core/errors.js';
import { durationMs } from './duration.js';
import type { Task } from './types.js';

// Parsers for settings given as text (a command-line flag or an action input). Each returns
// undefined for undefined (not given) and throws an InputError naming the flag or input otherwise.

/** Bounds a parsed number must respect; the message says them. */
export interface NumberBounds {
  min?: number;
  max?: number;
  /** The minimum itself is not allowed (e.g. a rate > 0). */
  exclusiveMin?: boolean;
}

/** A finite number, optionally bounded. */
export function parseNumber(
  text: string | undefined,
  name: string,
  bounds: NumberBounds = {}
): number | undefined {
  if (text === undefined) return undefined;
  // Decimal notation only: Number() would also read "0x1" and "0b1".
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (n === 0 && /[1-9]/.test(text.split(/[eE]/)[0]))
    throw new InputError(`${name}: got "${text}", a number too small to tell from 0 (it would be read as 0)`);
  return bounded(text, name, n, 'a number', bounds);
}

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A whole number, optionally bounded. */
export function parseInteger(
  text: string | undefined,
  name: string,
  bounds: NumberBounds = {}
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN;
  return bounded(text, name, Number.isSafeInteger(n) ? n : NaN, 'a whole number', bounds);
}

/** n when it is finite and within bounds; else an InputError saying what was expected. */
function bounded(text: string, name: string, n: number, kind: string, bounds: NumberBounds): number {
  const { min, max, exclusiveMin } = bounds;
  const ok =
    Number.isFinite(n) &&
    (min === undefined || (exclusiveMin ? n > min : n >= min)) &&
    (max === undefined || n <= max);
  if (!ok) throw new InputError(`${name}: got "${text}", expected ${describeBounds(kind, bounds)}`);
  return n;
}

/** A probability in [0, 1]. */
export function parseProbability(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 1)) throw new InputError(`${name}: got "${text}", expected a probability in [0, 1]`);
  return n;
}

/** A random seed: a whole number ≥ 0. */
export function parseSeed(text: string | undefined, name: string): number | undefined {
  return parseInteger(text, name, { min: 0 });
}

const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** The learning task. */
export function parseTask(text: string | undefined, name: string): Task | undefined {
  if (text === undefined) return undefined;
  const task = text.trim();
  if (!TASKS.includes(task as Task))
    throw new InputError(`${name}: got "${text}", expected ${TASKS.join(', ')}`);
  return task as Task;
}

/** A duration ("90s", "5m", "250ms", or seconds), in milliseconds. */
export function parseDuration(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = durationMs(DECIMAL.test(text) ? Number(text) : text, name);
  if (!(ms > 0)) throw new InputError(`${name}: got "${text}", expected a duration > 0 such as 90s or 5m`);
  return ms;
}

/** A comma-separated list; empty items are dropped. */
export function parseList(text: string | undefined, _name?: string): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A boolean setting: `true` or `false` in any letter case, as the action inputs document them and as
 * the actions' `if: inputs.x == 'true'` conditions (case-insensitive in GitHub's expressions) read
 * them. yes/no, on/off and 1/0 are refused rather than guessed. Empty is false.
 */
export function parseBoolean(text: string | undefined, name: string): boolean | undefined {
  if (text === undefined) return undefined;
  const value = text.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  throw new InputError(`${name}: got "${text}", expected true or false`);
}

/** A data file format (default: from the extension). */
export function parseFormat(text: string | undefined, name: string): 'csv' | 'jsonl' | 'parquet' | undefined {
  if (text === undefined) return undefined;
  if (text === 'csv' || text === 'jsonl' || text === 'parquet') return text;
  throw new InputError(`${name}: got "${text}", expected csv, jsonl or parquet`);
}

/** A CSV delimiter: one character, or \\t / tab for a tab. */
export function parseDelimiter(text: string | undefined, name: string): string | undefined {
  if (text === undefined) return undefined;
  const d = text === '\\t' || text === 'tab' ? '\t' : text;
  if (d.length !== 1) throw new InputError(`${name}: got "${text}", expected one character (or \\t)`);
  return d;
}

function describeBounds(what: string, { min, max, exclusiveMin }: NumberBounds): string {
  if (min !== undefined && max !== undefined) return `${what} in ${exclusiveMin ? '(' : '['}${min}, ${max}]`;
  if (min !== undefined) return `${what} ${exclusiveMin ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${what} ≤ ${max}`;
  return what;
}
