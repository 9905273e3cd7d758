// Reads the prediction log of `mlci serve --log` (docs/prediction-log.md): the rotated files oldest
// first, then the live file, keeping the rows of one model version inside a time window.
import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import { TRAFFIC_SOURCES, type PredictionRecord, type TrafficSource } from '../serve/prediction-log.js';
import { parseIsoTime } from './since.js';

/** Which logged rows to keep. */
export interface LogFilter {
  model: string;
  /** Keep only this version; undefined keeps every version. */
  version?: number;
  /** Keep rows logged at or after this time. */
  since?: Date;
  /**
   * Keep replayed and mirrored rows too (`source` set in the log, e.g. a canary's replayed test set).
   * Left out by default: they are not production's traffic and would show as duplicated rows and drift.
   */
  includeReplayed?: boolean;
}

/** One kept row: what the monitor needs of a logged prediction. */
export interface LoggedRow {
  ts: string;
  /** Set on replayed or mirrored rows (kept only with `includeReplayed`). */
  source?: TrafficSource;
  request_id?: string;
  features: Record<string, number | string | null>;
  prediction: PredictionRecord['prediction'];
  /** Where it was logged, "FILE:LINE", for messages about it. */
  at?: string;
}

/** What reading the log found, row counts by reason so the report can say why rows were left out. */
export interface LogWindow {
  /** Files read, oldest first. */
  files: string[];
  rows: LoggedRow[];
  /** Lines read in all files (excluding blank lines). */
  read: number;
  otherModels: number;
  otherVersions: Record<string, number>;
  beforeSince: number;
  /** Rows left out by their `source` (replay, shadow), by source. */
  otherSources: Record<string, number>;
  /** An unfinished last line of the live file (the server was writing it), left for the next run. */
  partialLines: number;
  /** First and last `ts` of the kept rows, as ISO times in UTC. */
  from: string | null;
  to: string | null;
}

// The suffixes `mlci serve --log` gives rotated files: 1, 2, … ("01" or "0" are someone else's files).
const ROTATED_SUFFIX = /^[1-9]\d*$/;

/** Orders rotation suffixes by number, exactly even past 2^53 (no leading zeros: longer is larger). */
function compareSuffixes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The rotated siblings of a log (`FILE.1` … `FILE.N`), oldest first, then the live file when present. */
export async function logFiles(path: string): Promise<string[]> {
  const dir = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw new InputError(`prediction log not found: ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  const rotated = entries
    .filter((e) => e.startsWith(`${name}.`) && ROTATED_SUFFIX.test(e.slice(name.length + 1)))
    .sort((a, b) => compareSuffixes(b.slice(name.length + 1), a.slice(name.length + 1)))
    .map((e) => join(dir, e));
  const files = entries.includes(name) ? [...rotated, path] : rotated;
  if (files.length === 0) {
    throw new InputError(
      `prediction log not found: ${path} (nor rotated files ${name}.1, …); start the server with \`mlci serve --log ${path}\``
    );
  }
  return files;
}

function lineError(file: string, line: number, text: string, why: string): InputError {
  return new InputError(
    `${file}:${line}: not a prediction log line (${why}): ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`
  );
}

/**
 * Checks one parsed line against the log format; returns the record and the instant of its `ts`, or
 * throws naming file and line.
 */
function asRecord(
  value: unknown,
  file: string,
  line: number,
  text: string
): { record: PredictionRecord; ms: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw lineError(file, line, text, 'expected a JSON object');
  const r = value as Partial<PredictionRecord>;
  if (typeof r.model !== 'string') throw lineError(file, line, text, '"model" must be a string');
  if (typeof r.version !== 'number') throw lineError(file, line, text, '"version" must be a number');
  const ms = typeof r.ts === 'string' ? parseIsoTime(r.ts) : undefined;
  if (ms === undefined) throw lineError(file, line, text, '"ts" must be an ISO time');
  if (typeof r.features !== 'object' || r.features === null || Array.isArray(r.features))
    throw lineError(file, line, text, '"features" must be an object of column values');
  if (r.source !== undefined && !TRAFFIC_SOURCES.includes(r.source))
    throw lineError(file, line, text, `"source" must be ${TRAFFIC_SOURCES.join(' or ')}`);
  if (typeof r.prediction !== 'object' || r.prediction === null)
    throw lineError(file, line, text, '"prediction" must be an object');
  return { record: r as PredictionRecord, ms };
}

/**
 * Reads every log file line by line (a live log can be hundreds of MB) and keeps the rows that
 * pass the filter. A malformed line is an input error naming the file and line, except an
 * unterminated last line of the live file, which the server may still be writing.
 */
export async function readLogWindow(path: string, filter: LogFilter): Promise<LogWindow> {
  const files = await logFiles(path);
  const window: LogWindow = {
    files: [],
    rows: [],
    read: 0,
    otherModels: 0,
    otherVersions: {},
    beforeSince: 0,
    otherSources: {},
    partialLines: 0,
    from: null,
    to: null
  };
  const sinceMs = filter.since?.getTime();
  // Offsets make `ts` strings compare out of order ("…T19:00-05:00" is after "…T23:00+05:00"): track instants.
  const span = { first: Infinity, last: -Infinity };
  const take = (entry: { text: string; line: number }, file: string): void =>
    widen(span, keep(window, entry, file, filter, sinceMs));
  for (const file of files) {
    const live = file === path;
    let lines: AsyncIterable<string> | Iterable<string>;
    let endsWithNewline = true;
    let handle: FileHandle | undefined;
    try {
      if (live) {
        // The live file is bounded by rotation and may end mid-line: read it whole to tell.
        const text = await readFile(file, 'utf8');
        endsWithNewline = text.length === 0 || text.endsWith('\n');
        lines = text.split('\n');
      } else {
        handle = await open(file, 'r');
        lines = createInterface({ input: handle.createReadStream(), crlfDelay: Infinity });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A rotated file renamed away since the listing: the server rotated; its rows are in the next file.
      if (code === 'ENOENT' && !live) continue;
      throw new InputError(`${file}: cannot be read (${code ?? (error as Error).message})`);
    }
    window.files.push(file);
    const pending: { text: string; line: number }[] = [];
    let lineNo = 0;
    try {
      for await (const text of lines) {
        lineNo += 1;
        if (text.trim() === '') continue;
        pending.push({ text, line: lineNo });
        // Hold one line back so the last line of the live file can be judged on its own.
        if (pending.length > 1) take(pending.shift()!, file);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`${file}: cannot be read (${code ?? (error as Error).message})`);
    } finally {
      await handle?.close();
    }
    const last = pending.shift();
    if (last) {
      if (live && !endsWithNewline && !isJson(last.text)) window.partialLines += 1;
      else take(last, file);
    }
  }
  if (span.first <= span.last) {
    window.from = new Date(span.first).toISOString();
    window.to = new Date(span.last).toISOString();
  }
  return window;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Stretches the span of kept instants to cover `ms` (undefined: the row was left out). */
function widen(span: { first: number; last: number }, ms: number | undefined): void {
  if (ms === undefined) return;
  span.first = Math.min(span.first, ms);
  span.last = Math.max(span.last, ms);
}

/** Counts one line and keeps its row when it passes the filter; returns the row's instant when kept. */
function keep(
  window: LogWindow,
  { text, line }: { text: string; line: number },
  file: string,
  filter: LogFilter,
  sinceMs: number | undefined
): number | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw lineError(file, line, text, (error as Error).message);
  }
  const { record, ms } = asRecord(value, file, line, text);
  window.read += 1;
  if (record.model !== filter.model) {
    window.otherModels += 1;
    return undefined;
  }
  if (filter.version !== undefined && record.version !== filter.version) {
    window.otherVersions[`v${record.version}`] = (window.otherVersions[`v${record.version}`] ?? 0) + 1;
    return undefined;
  }
  if (record.source !== undefined && !filter.includeReplayed) {
    window.otherSources[record.source] = (window.otherSources[record.source] ?? 0) + 1;
    return undefined;
  }
  if (sinceMs !== undefined && ms < sinceMs) {
    window.beforeSince += 1;
    return undefined;
  }
  window.rows.push({
    ts: record.ts,
    ...(typeof record.request_id === 'string' ? { request_id: record.request_id } : {}),
    features: record.features,
    prediction: record.prediction,
    ...(record.source !== undefined ? { source: record.source } : {}),
    at: `${file}:${line}`
  });
  return ms;
}

/** The running statistics file beside the log, when the server wrote one. */
export interface LiveStats {
  path: string;
  updated: string | null;
  rows: number | null;
  sample_rate: number | null;
  features: Record<string, unknown>;
}

/** Reads `<log>.stats.json`; null when absent or unreadable (it is context, not the data tested). */
export async function readLiveStats(path: string): Promise<LiveStats | null> {
  const statsPath = `${path}.stats.json`;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(statsPath, 'utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return {
    path: statsPath,
    updated: typeof v.updated === 'string' ? v.updated : null,
    rows: typeof v.rows === 'number' ? v.rows : null,
    sample_rate: typeof v.sample_rate === 'number' ? v.sample_rate : null,
    features:
      typeof v.features === 'object' && v.features !== null ? (v.features as Record<string, unknown>) : {}
  };
}
