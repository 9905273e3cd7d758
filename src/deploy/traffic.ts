import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { TRAFFIC_HEADER, type TrafficSource } from '../serve/prediction-log.js';
import { InputError } from '../core/errors.js';
import { agents } from './http.js';

/** One row of a replay file: column → value. */
export type ReplayRow = Record<string, number | string | null>;

/**
 * Reads a replay file: CSV with a header row, or JSONL with one row object per line (or one
 * complete Open Inference Protocol body with `inputs`, sent as is). Numeric-looking CSV cells
 * become numbers. Columns in `drop` (e.g. the label) are left out.
 */
export async function readReplayFile(
  path: string,
  drop: string[] = []
): Promise<{ rows: ReplayRow[]; raw: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`replay file not found: ${path}`);
  }
  const lower = path.toLowerCase();
  const rows: ReplayRow[] = [];
  const raw: string[] = [];
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new InputError(`${path}: line ${i + 1} is not JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new InputError(`${path}: line ${i + 1} is not a JSON object`);
      }
      if ('inputs' in value) raw.push(line);
      else rows.push(withoutColumns(value as ReplayRow, drop));
    });
  } else {
    const records = parseCsv(text, path).filter((cells) => !(cells.length === 1 && cells[0] === ''));
    const header = records.shift();
    if (!header) throw new InputError(`${path}: empty replay file`);
    records.forEach((cells, r) => {
      if (cells.length !== header.length) {
        throw new InputError(
          `${path}: row ${r + 2} has ${cells.length} cells, the header has ${header.length}`
        );
      }
    });
    // A column is numeric when every non-empty cell is a number; its empty cells are missing (null).
    const numeric = header.map((_, j) =>
      records.every((cells) => cells[j].trim() === '' || Number.isFinite(Number(cells[j])))
    );
    for (const cells of records) {
      const row: ReplayRow = {};
      header.forEach((name, j) => {
        if (drop.includes(name)) return;
        const cell = cells[j];
        row[name] = numeric[j] ? (cell.trim() === '' ? null : Number(cell)) : cell;
      });
      rows.push(row);
    }
  }
  if (rows.length === 0 && raw.length === 0) throw new InputError(`${path}: no rows to replay`);
  return { rows, raw };
}

/** Request bodies for replay: the raw bodies, then one per row restricted to `columns` when given. */
export function replayBodies(
  replay: { rows: ReplayRow[]; raw: string[] },
  columns: string[] | null
): string[] {
  const keep = (row: ReplayRow) =>
    columns ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])) : row;
  return [...replay.raw, ...replay.rows.map((row) => JSON.stringify(rowBody(keep(row))))];
}

/** An Open Inference Protocol body with one input per column (the server maps them onto the model's inputs). */
export function rowBody(row: ReplayRow): unknown {
  return {
    inputs: Object.entries(row).map(([name, value]) =>
      typeof value === 'string'
        ? { name, shape: [1], datatype: 'BYTES', data: [value] }
        : { name, shape: [1], datatype: 'FP32', data: [value] }
    )
  };
}

function withoutColumns(row: ReplayRow, drop: string[]): ReplayRow {
  if (drop.length === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string, source = 'csv'): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new InputError(`${source}: unterminated quoted field`);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The outcome of one paced request. */
export interface PacedResult {
  index: number;
  status: number;
  /** From the scheduled send time to the last response byte (open-loop latency, no coordinated omission). */
  latencyMs: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A summary of a paced run. */
export interface PacedSummary {
  sent: number;
  ok: number;
  failed: number;
  /** Sorted latencies in ms. */
  latencies: Float64Array;
  achievedRate: number;
  durationMs: number;
}

/**
 * An open-loop generator: request i is due at start + i / rate, whether or not earlier ones have
 * answered, so a slow server shows up as latency rather than as a lower request rate.
 */
export async function pacedLoad(options: {
  url: string;
  bodies: string[];
  rate: number;
  count: number;
  onResult?: (result: PacedResult) => void;
  signal?: AbortSignal;
  /** Marks the requests as replayed or mirrored traffic for the server's prediction log. */
  source?: TrafficSource;
  /** When the first request is due (a performance.now() time, may be ahead); default now. */
  start?: number;
}): Promise<PacedSummary> {
  const { url, bodies, rate, count } = options;
  if (!(rate > 0)) throw new InputError(`replay rate must be positive, got ${rate}`);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = target.protocol === 'https:' ? agents.https : agents.http;
  const latencies = new Float64Array(count);
  let ok = 0;
  let failed = 0;
  let sent = 0;
  const gap = 1000 / rate;
  const start = options.start ?? performance.now();
  const pending: Promise<void>[] = [];
  const fire = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const payload = bodies[index % bodies.length];
      const finish = (status: number, body: string, headers: PacedResult['headers']) => {
        const latencyMs = performance.now() - due;
        latencies[index] = latencyMs;
        if (status >= 200 && status < 300) ok++;
        else failed++;
        options.onResult?.({ index, status, latencyMs, body, headers });
        resolve();
      };
      const req = send(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(options.source ? { [TRAFFIC_HEADER]: options.source } : {})
          }
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), res.headers)
          );
          res.on('error', () => finish(0, '', {}));
        }
      );
      req.on('error', () => finish(0, '', {}));
      req.end(payload);
    });
  while (sent < count && !options.signal?.aborted) {
    const now = performance.now();
    while (sent < count && start + sent * gap <= now) {
      pending.push(fire(sent, start + sent * gap));
      sent++;
    }
    if (sent < count) {
      const wait = start + sent * gap - performance.now();
      await new Promise((resolve) => (wait >= 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    }
  }
  await Promise.all(pending);
  const durationMs = performance.now() - start;
  const used = latencies.subarray(0, sent).sort();
  return { sent, ok, failed, latencies: used, achievedRate: sent / (durationMs / 1000), durationMs };
}
