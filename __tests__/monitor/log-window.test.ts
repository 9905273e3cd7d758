// The prediction-log reader's time window and file listing: --since values that are out of range or
// not a calendar day, `ts` compared as instants (not strings) and read strictly, rotated names as written.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { logFiles, readLogWindow } from '../../src/monitor/log.js';
import { parseSince } from '../../src/monitor/since.js';
import type { PredictionRecord } from '../../src/serve/prediction-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-log-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function line(id: string, ts: string): string {
  const r: PredictionRecord = {
    ts,
    model: 'churn',
    version: 1,
    variant: 'stable',
    request_id: id,
    features: { x: 1 },
    prediction: { probabilities: [0.4, 0.6], label: 1 },
    latency_ms: 1
  };
  return `${JSON.stringify(r)}\n`;
}

const EXPECTED = 'expected a duration such as 24h, 7d or 90m, or an ISO time such as 2026-11-25T00:00:00Z';

describe('parseSince', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('refuses a duration reaching past the range of dates, naming the value', () => {
    expect(() => parseSince('99999999999d', now)).toThrow(InputError);
    expect(() => parseSince('99999999999d', now)).toThrow(`--since: got "99999999999d"`);
    expect(() => parseSince('99999999999d', now)).toThrow(EXPECTED);
    expect(() => parseSince(`${'9'.repeat(400)}ms`, now, 'monitor.since')).toThrow('monitor.since: got "');
    // The longest duration that still lands on a date is accepted.
    expect(parseSince('100000000d', new Date(0)).toISOString()).toBe('-271821-04-20T00:00:00.000Z');
  });

  it('refuses a day the calendar does not have instead of rolling it over', () => {
    for (const text of ['2026-02-30', '2026-02-29T10:00:00Z', '2026-04-31T00:00:00+02:00', '2026-00-10']) {
      expect(() => parseSince(text, now)).toThrow(`--since: got "${text}"`);
      expect(() => parseSince(text, now)).toThrow(EXPECTED);
    }
  });

  it('still reads real days, leap days and offsets that move the UTC day', () => {
    expect(parseSince('2028-02-29', now).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseSince('2026-12-07T19:00:00-05:00', now).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(parseSince('2026-12-31T23:30:00Z', now).toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });
});

describe('readLogWindow: ts', () => {
  it('orders rows with UTC offsets by instant and reports the window in UTC', async () => {
    const path = join(dir, 'p.jsonl');
    await writeFile(
      path,
      line('a', '2026-12-07T23:00:00+05:00') + // 18:00Z, the earliest
        line('b', '2026-12-07T19:00:00-05:00') + // 00:00Z the next day, the latest
        line('c', '2026-12-07T21:00:00Z')
    );
    const all = await readLogWindow(path, { model: 'churn' });
    expect(all.from).toBe('2026-12-07T18:00:00.000Z');
    expect(all.to).toBe('2026-12-08T00:00:00.000Z');
    const since = await readLogWindow(path, { model: 'churn', since: new Date('2026-12-07T20:00:00Z') });
    expect(since.rows.map((r) => r.request_id)).toEqual(['b', 'c']);
    expect(since.beforeSince).toBe(1);
    expect(since.from).toBe('2026-12-07T21:00:00.000Z');
    expect(since.to).toBe('2026-12-08T00:00:00.000Z');
  });

  it('refuses a ts that is not an ISO 8601 time of a real day, naming file and line', async () => {
    const path = join(dir, 'p.jsonl');
    for (const ts of ['1', 'Tuesday 5 May', '2026-02-30T00:00:00Z', '12/07/2026']) {
      await writeFile(
        path,
        line('a', '2026-12-07T21:00:00Z') + line('b', ts) + line('c', '2026-12-07T22:00:00Z')
      );
      await expect(readLogWindow(path, { model: 'churn' })).rejects.toThrow(
        `${path}:2: not a prediction log line ("ts" must be an ISO time)`
      );
    }
  });
});

describe('logFiles', () => {
  it('takes rotated suffixes 1, 2, … by their own names, once each, oldest first', async () => {
    const path = join(dir, 'p.jsonl');
    for (const name of [
      'p.jsonl',
      'p.jsonl.1',
      'p.jsonl.01',
      'p.jsonl.0',
      'p.jsonl.2',
      'p.jsonl.10',
      'p.jsonl.x'
    ])
      await writeFile(join(dir, name), '');
    expect(await logFiles(path)).toEqual([
      join(dir, 'p.jsonl.10'),
      join(dir, 'p.jsonl.2'),
      join(dir, 'p.jsonl.1'),
      path
    ]);
  });

  it('reads no row twice when a name with a leading zero sits beside the rotated file', async () => {
    const path = join(dir, 'p.jsonl');
    await writeFile(`${path}.1`, line('a', '2026-12-07T20:00:00Z') + line('b', '2026-12-07T20:01:00Z'));
    await writeFile(`${path}.01`, line('stray', '2026-12-07T20:02:00Z'));
    await writeFile(path, line('c', '2026-12-07T20:03:00Z'));
    const window = await readLogWindow(path, { model: 'churn' });
    expect(window.files).toEqual([`${path}.1`, path]);
    expect(window.rows.map((r) => r.request_id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a log with neither a live file nor rotated files, .0 not counting as one', async () => {
    const path = join(dir, 'p.jsonl');
    await writeFile(`${path}.0`, line('a', '2026-12-07T20:00:00Z'));
    await expect(logFiles(path)).rejects.toThrow(`prediction log not found: ${path} (nor rotated files`);
  });
});
