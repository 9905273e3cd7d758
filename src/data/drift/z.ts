// Evidently's Z-test for a binary column: a two-proportion z-test on "not the first category"
// (categories sorted), p = 2·(1 − Φ(|z|)).
import type { Counts } from './chi2.js';
import { ndtr } from './special.js';

/** Statistic and p-value of a two-proportion z-test. */
export interface ZResult {
  statistic: number;
  p_value: number;
}

/** Surrogates sort above U+E000–U+FFFF in code-point order, below them in UTF-16 order: lift them. */
function codePointRank(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Orders strings by code point, as Python's str comparison does (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const INTEGER_TEXT = /^-?\d+$/;

/**
 * Orders numeric keys by value. Keys of integers beyond ±2^53 carry digits a double drops (see
 * numeric.ts): two such keys with the same double are ordered by their exact value.
 */
export function compareNumericKeys(a: string, b: string): number {
  const d = Number(a) - Number(b);
  if (d !== 0 || a === b) return d;
  return INTEGER_TEXT.test(a) && INTEGER_TEXT.test(b) ? (BigInt(a) < BigInt(b) ? -1 : 1) : 0;
}

/** Orders categories as Python's sorted() does for numbers or strings. */
export function sortKeys(keys: string[], numeric: boolean): string[] {
  return [...keys].sort(numeric ? compareNumericKeys : compareCodePoints);
}

/** Z-test of reference vs current proportions (`numeric` orders keys as numbers). */
export function zTest(reference: Counts, current: Counts, numeric = false): ZResult {
  const refKeys = [...reference.keys()].filter((k) => (reference.get(k) ?? 0) > 0);
  const curKeys = [...current.keys()].filter((k) => (current.get(k) ?? 0) > 0);
  if (refKeys.length === 1 && curKeys.length === 1 && refKeys[0] === curKeys[0]) {
    return { statistic: 0, p_value: 1 };
  }
  const first = sortKeys([...new Set([...refKeys, ...curKeys])], numeric)[0];
  let n1 = 0;
  let n2 = 0;
  for (const c of reference.values()) n1 += c;
  for (const c of current.values()) n2 += c;
  const p1 = (n1 - (reference.get(first) ?? 0)) / n1;
  const p2 = (n2 - (current.get(first) ?? 0)) / n2;
  const P = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  return { statistic: z, p_value: 2 * (1 - ndtr(Math.abs(z))) };
}
