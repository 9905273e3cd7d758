import { InputError } from '../core/errors.js';
import type { Duration } from './types.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The longest a timer can wait (2^31 − 1 ms, 24.8 days): Node fires a longer one after 1 ms, so a
 * timeout of 600h stopped training at once.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/** Converts a config duration (seconds, or "90s", "5m", "250ms") to milliseconds. */
export function durationMs(value: Duration, what = 'duration'): number {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else {
    const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
    if (!match)
      throw new InputError(`${what}: got "${value}", expected seconds or a number with ms, s, m or h`);
    ms = Number(match[1]) * UNIT_MS[match[2]];
  }
  if (!(ms <= MAX_DURATION_MS))
    throw new InputError(
      `${what}: got ${JSON.stringify(value)}, longer than the ${Math.floor(MAX_DURATION_MS / UNIT_MS.h)}h (24.8 days) a timer can wait`
    );
  return ms;
}
