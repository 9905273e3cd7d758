import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkOutputFile, ensureDir, writeJsonAtomic } from '../core/files.js';
import { FeatureStatsTracker } from './stats.js';

/**
 * Request header that marks traffic which is not production's own: `replay` (deploy-canary replaying a
 * test set) or `shadow` (a copy of requests mirrored from elsewhere). Such rows are logged with their
 * `source` and left out of the running statistics and, by default, of the monitor's window.
 */
export const TRAFFIC_HEADER = 'mlci-traffic';

/** The values TRAFFIC_HEADER may take. */
export const TRAFFIC_SOURCES = ['replay', 'shadow'] as const;

/** Where a non-production request came from. */
export type TrafficSource = (typeof TRAFFIC_SOURCES)[number];

/** Options of the prediction log (see docs/prediction-log.md). */
export interface PredictionLogOptions {
  /** Path of the live file, e.g. `logs/predictions.jsonl`; rotated files get `.1`, `.2`, … */
  path: string;
  /** Share of requests logged, 0..1. */
  sampleRate: number;
  /** Rotate when the live file would exceed this many bytes. */
  maxBytes?: number;
  /** Rotated files kept. */
  keep?: number;
  /** How often the feature statistics file is rewritten, in ms. */
  statsIntervalMs?: number;
}

/** One logged row. */
export interface PredictionRecord {
  ts: string;
  model: string;
  version: number;
  variant: 'stable' | 'canary';
  /** Set for traffic that is not production's own (see TRAFFIC_HEADER); absent for ordinary requests. */
  source?: TrafficSource;
  request_id?: string;
  features: Record<string, number | string | null>;
  prediction: { label?: string | number; probabilities?: number[]; value?: number };
  latency_ms: number;
}

/**
 * A sampled JSONL log of predictions with size-based rotation, plus a running per-feature statistics
 * file beside it (`<path>.stats.json`) for the monitor. Writes are buffered by the stream; a full
 * disk or a rotation failure disables logging rather than failing requests.
 */
export class PredictionLog {
  private stream: WriteStream | undefined;
  private bytes = 0;
  private rotating: Promise<void> | undefined;
  private readonly pending: string[] = [];
  private readonly stats = new FeatureStatsTracker();
  private logged = 0;
  private timer: NodeJS.Timeout | undefined;
  private statsDirty = false;
  private failed: string | undefined;

  private constructor(private readonly options: Required<PredictionLogOptions>) {}

  /** Opens (appends to) the log. */
  static async open(options: PredictionLogOptions): Promise<PredictionLog> {
    const log = new PredictionLog({ maxBytes: 64 * 1024 * 1024, keep: 5, statsIntervalMs: 5000, ...options });
    await checkOutputFile(options.path, 'prediction log');
    await ensureDir(dirname(options.path));
    log.bytes = await stat(options.path).then(
      (s) => s.size,
      () => 0
    );
    log.stream = createWriteStream(options.path, { flags: 'a' });
    log.stream.on('error', (error) => (log.failed = error.message));
    log.timer = setInterval(() => void log.flushStats(), log.options.statsIntervalMs);
    log.timer.unref();
    return log;
  }

  /** Whether this request should be logged (decided before building the record, to keep the hot path cheap). */
  sample(): boolean {
    return !this.failed && Math.random() < this.options.sampleRate;
  }

  /** Appends one record and folds its features into the running statistics. */
  write(record: PredictionRecord): void {
    if (this.failed) return;
    // Replayed or mirrored rows would double-count production's distribution.
    if (record.source === undefined) {
      this.stats.add(record.features);
      this.logged += 1;
      this.statsDirty = true;
    }
    this.pending.push(JSON.stringify(record) + '\n');
    if (!this.rotating) this.drain();
  }

  /** Appends pending lines while they fit; starts a rotation (which drains again) when one does not. */
  private drain(): void {
    while (this.pending.length > 0 && !this.failed) {
      const line = this.pending[0];
      if (this.bytes > 0 && this.bytes + Buffer.byteLength(line) > this.options.maxBytes) {
        this.rotating = this.rotate().finally(() => {
          this.rotating = undefined;
          this.drain();
        });
        return;
      }
      this.pending.shift();
      this.append(line);
    }
  }

  /** Rewrites `<path>.stats.json` now. */
  async flushStats(): Promise<void> {
    if (!this.statsDirty) return;
    this.statsDirty = false;
    await writeJsonAtomic(`${this.options.path}.stats.json`, {
      log: basename(this.options.path),
      updated: new Date().toISOString(),
      sample_rate: this.options.sampleRate,
      rows: this.logged,
      features: this.stats.snapshot()
    }).catch((error: Error) => (this.failed = error.message));
  }

  /** Flushes and closes the log. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.rotating) await this.rotating;
    await new Promise<void>((resolve) => (this.stream ? this.stream.end(resolve) : resolve()));
    this.stream = undefined;
    await this.flushStats();
  }

  private append(line: string): void {
    this.bytes += Buffer.byteLength(line);
    this.stream?.write(line);
  }

  private async rotate(): Promise<void> {
    const path = this.options.path;
    const old = this.stream;
    this.stream = undefined;
    await new Promise<void>((resolve) => (old ? old.end(resolve) : resolve()));
    try {
      const siblings = new Set(await readdir(dirname(path)));
      const name = basename(path);
      await rm(`${path}.${this.options.keep}`, { force: true });
      for (let i = this.options.keep - 1; i >= 1; i--) {
        if (siblings.has(`${name}.${i}`)) await rename(`${path}.${i}`, `${path}.${i + 1}`);
      }
      await rename(path, `${path}.1`);
    } catch (error) {
      this.failed = `rotation failed: ${(error as Error).message}`;
      return;
    }
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', (error) => (this.failed = error.message));
    this.bytes = 0;
  }

  /** Why logging stopped, if it did. */
  get error(): string | undefined {
    return this.failed;
  }

  /** Paths of the live file and its rotations, newest first. */
  static files(path: string, keep = 5): string[] {
    return [
      path,
      ...Array.from({ length: keep }, (_, i) => join(dirname(path), `${basename(path)}.${i + 1}`))
    ];
  }
}
