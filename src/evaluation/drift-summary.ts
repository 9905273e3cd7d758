import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { DriftSummary } from './types.js';

type Entry = {
  column?: unknown;
  test?: unknown;
  statistic?: unknown;
  p_value?: unknown;
  threshold?: unknown;
  drifted?: unknown;
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Reads the drift part of validate-data's validation.json (docs/architecture.md: `drift` per column with
 * test, statistic, p_value, threshold, drifted; and `verdict`), as an object keyed by column or a list.
 */
export async function readDriftSummary(path: string): Promise<DriftSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `validation file not found: ${path}`
        : `${path}: not valid JSON (${(error as Error).message})`
    );
  }
  const doc = (parsed ?? {}) as { drift?: unknown; verdict?: unknown };
  const raw = doc.drift;
  let entries: [string, Entry][] = [];
  if (Array.isArray(raw)) entries = raw.map((e: Entry) => [String(e.column ?? ''), e]);
  else if (raw && typeof raw === 'object') {
    const obj = raw as Record<string, unknown>;
    const columns = (obj.columns && typeof obj.columns === 'object' ? obj.columns : obj) as Record<
      string,
      Entry
    >;
    entries = Object.entries(columns).filter(([, e]) => e && typeof e === 'object' && 'drifted' in e);
  }
  return {
    source: path,
    verdict: typeof doc.verdict === 'string' ? doc.verdict : null,
    columns: entries.length,
    drifted: entries
      .filter(([, e]) => e.drifted === true)
      .map(([column, e]) => ({
        column,
        test: typeof e.test === 'string' ? e.test : null,
        statistic: num(e.statistic),
        p_value: num(e.p_value),
        threshold: num(e.threshold)
      }))
  };
}
