import { InputError } from '../core/errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The start of a monitoring window: a duration back from `now` ("24h", "7d", "90m") or an ISO
 * time ("2026-11-25T00:00:00Z"). `what` names the flag or config key in the error.
 */
export function parseSince(text: string, now: Date, what = '--since'): Date {
  const trimmed = text.trim();
  const duration = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)$/.exec(trimmed);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]]);
  // Date.parse accepts loose forms ("1"); insist on an ISO date so typos are not read as 2001.
  if (/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  throw new InputError(
    `${what}: got "${text}", expected a duration such as 24h, 7d or 90m, or an ISO time such as 2026-11-25T00:00:00Z`
  );
}
