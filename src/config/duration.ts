import { InputError } from '../core/errors.js';
import type { Duration } from './types.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Converts a config duration (seconds, or "90s", "5m", "250ms") to milliseconds. */
export function durationMs(value: Duration, what = 'duration'): number {
  if (typeof value === 'number') return value * 1000;
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!match)
    throw new InputError(`${what}: got "${value}", expected seconds or a number with ms, s, m or h`);
  return Number(match[1]) * UNIT_MS[match[2]];
}
