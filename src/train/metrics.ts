import { readFile } from 'node:fs/promises';

/** One line the training script reported: `{"step": n, "loss": x, ...}`. */
export type MetricsLine = Record<string, unknown>;

/** What the script reported through the metrics convention (docs/training-convention.md). */
export interface ReportedMetrics {
  /** Parsed lines, in file order. */
  lines: MetricsLine[];
  /** Lines that are not JSON objects: 1-based line number and the reason. */
  malformed: { line: number; reason: string }[];
  /** The final metrics.json, when the script wrote one. */
  final: Record<string, unknown> | null;
  /** Why metrics.json could not be read, when it exists but is broken. */
  finalError: string | null;
  /** False when the script wrote no metrics file at all. */
  reported: boolean;
}

/** A value that is not a finite number where a number was reported. */
export interface NonFinite {
  where: string;
  key: string;
  value: string;
}

// Python's json module writes NaN, Infinity and -Infinity as bare tokens; JSON.stringify writes
// NaN and Infinity as null. Both are read back so they can be reported instead of hidden.
const SPECIAL = /([:[,]\s*)(NaN|-?Infinity)(?=\s*[,}\]])/g;
const SPECIAL_VALUES: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** Parses one JSON value, accepting Python's NaN/Infinity tokens. */
export function parseLenientJson(text: string): unknown {
  const marked = text.replace(
    SPECIAL,
    (_match, before: string, token: string) => `${before}{"__mlci_special__":"${token}"}`
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    value && typeof value === 'object' && '__mlci_special__' in (value as object)
      ? SPECIAL_VALUES[(value as { __mlci_special__: string }).__mlci_special__]
      : value
  );
}

/** Reads the JSON-lines metrics file and the optional final metrics.json. */
export async function readReportedMetrics(linesPath: string, finalPath: string): Promise<ReportedMetrics> {
  const result: ReportedMetrics = {
    lines: [],
    malformed: [],
    final: null,
    finalError: null,
    reported: false
  };
  let text: string | null;
  try {
    text = await readFile(linesPath, 'utf8');
    result.reported = true;
  } catch {
    text = null;
  }
  if (text !== null) {
    text.split('\n').forEach((raw, index) => {
      if (raw.trim() === '') return;
      try {
        const value = parseLenientJson(raw);
        const reason = lineProblem(value);
        if (reason) result.malformed.push({ line: index + 1, reason });
        else result.lines.push(value as MetricsLine);
      } catch (error) {
        result.malformed.push({ line: index + 1, reason: (error as Error).message.split('\n')[0] });
      }
    });
  }
  try {
    const finalText = await readFile(finalPath, 'utf8');
    result.reported = true;
    try {
      const value = parseLenientJson(finalText);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        result.finalError = 'not a JSON object';
      else result.final = value as Record<string, unknown>;
    } catch (error) {
      result.finalError = (error as Error).message.split('\n')[0];
    }
  } catch {
    // No final metrics: optional.
  }
  return result;
}

// The keys the checks read must be numbers (null and NaN/Infinity tokens included): a string
// such as "nan" would otherwise drop out of the finite check and hide a diverged run.
const NUMERIC_KEYS = ['step', 'loss'] as const;

/** Why one parsed metrics line is unusable, or undefined when it is fine. */
function lineProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  for (const key of NUMERIC_KEYS) {
    const found = (value as MetricsLine)[key];
    if (found === undefined || found === null || typeof found === 'number') continue;
    const shown =
      typeof found === 'string'
        ? `the string ${JSON.stringify(found.slice(0, 40))}`
        : `a ${Array.isArray(found) ? 'list' : typeof found}`;
    return `"${key}" is ${shown}, not a number`;
  }
  return undefined;
}

/** The loss curve: lines with a `loss` key, with their step (the line index when absent). */
export function lossCurve(metrics: ReportedMetrics): { step: number; loss: number }[] {
  const out: { step: number; loss: number }[] = [];
  metrics.lines.forEach((line, index) => {
    if (!('loss' in line)) return;
    const step = typeof line.step === 'number' ? line.step : index;
    out.push({ step, loss: line.loss === null ? NaN : (line.loss as number) });
  });
  return out;
}

/**
 * Every reported value that should be a number and is not finite: NaN, ±Infinity, or null
 * (what JSON.stringify makes of NaN). Strings and nested objects are left alone.
 */
export function nonFiniteValues(metrics: ReportedMetrics): NonFinite[] {
  const out: NonFinite[] = [];
  metrics.lines.forEach((line, index) => {
    const where = typeof line.step === 'number' ? `step ${line.step}` : `line ${index + 1}`;
    for (const [key, value] of Object.entries(line)) {
      if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
        out.push({ where, key, value: String(value) });
      }
    }
  });
  for (const [key, value] of Object.entries(metrics.final ?? {})) {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
      out.push({ where: 'metrics.json', key, value: String(value) });
    }
  }
  return out;
}

/** Keeps at most `max` points of a curve, evenly spaced, always with the first and the last. */
export function downsample<T>(points: T[], max = 1000): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]);
  return out;
}
