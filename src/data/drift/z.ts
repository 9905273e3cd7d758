// Evidently's Z-test for a binary column: a two-proportion z-test on "not the first category"
// (categories sorted), p = 2·(1 − Φ(|z|)).
import type { Counts } from './chi2.js';
import { ndtr } from './special.js';

/** Statistic and p-value of a two-proportion z-test. */
export interface ZResult {
  statistic: number;
  p_value: number;
}

/** Orders categories as Python's sorted() does for numbers or strings. */
export function sortKeys(keys: string[], numeric: boolean): string[] {
  return numeric
    ? [...keys].sort((a, b) => Number(a) - Number(b))
    : [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
