import { InputError } from '../core/errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const EXPECTED = 'expected a duration such as 24h, 7d or 90m, or an ISO time such as 2026-11-25T00:00:00Z';

// Date.parse accepts loose forms ("1", "Tuesday 5 May"); insist on an ISO date so typos are not read as 2001.
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether year-month-day names a day of the calendar (V8 rolls 2026-02-30 over to March 2). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Milliseconds since the epoch of an ISO 8601 time ("2026-11-25", "2026-11-25T00:00:00Z",
 * "2026-12-07T19:00:00-05:00") on a real calendar day, UTC when it has no offset; undefined for
 * anything else.
 */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO_TIME.exec(text);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  // Date.parse reads a time without an offset as the machine's local time: such times are UTC here,
  // the log's own zone (docs/prediction-log.md), so a laptop and a runner read them alike.
  const ms = Date.parse(m[4] && !m[5] ? `${text}Z` : text);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The start of a monitoring window: a duration back from `now` ("24h", "7d", "90m") or an ISO
 * time ("2026-11-25T00:00:00Z"). `what` names the flag or config key in the error.
 */
export function parseSince(text: string, now: Date, what = '--since'): Date {
  const trimmed = text.trim();
  const duration = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)$/.exec(trimmed);
  if (duration) {
    const since = new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]]);
    // A date before -271821-04-20 is an Invalid Date that crashes later (toISOString).
    if (Number.isFinite(since.getTime())) return since;
    throw new InputError(`${what}: got "${text}", a duration reaching before the earliest date; ${EXPECTED}`);
  }
  const ms = parseIsoTime(trimmed);
  if (ms !== undefined) return new Date(ms);
  const day = ISO_TIME.exec(trimmed);
  if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3])))
    throw new InputError(`${what}: got "${text}", a day the calendar does not have; ${EXPECTED}`);
  throw new InputError(`${what}: got "${text}", ${EXPECTED}`);
}
