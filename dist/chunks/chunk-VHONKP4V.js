import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  FeatureStatsTracker
} from "./chunk-D4WWN4FX.js";
import {
  checkOutputFile,
  ensureDir,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";

// src/serve/prediction-log.ts
import { createWriteStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var TRAFFIC_HEADER = "mlci-traffic";
var TRAFFIC_SOURCES = ["replay", "shadow"];
var PredictionLog = class _PredictionLog {
  constructor(options) {
    this.options = options;
  }
  options;
  stream;
  bytes = 0;
  rotating;
  pending = [];
  stats = new FeatureStatsTracker();
  logged = 0;
  timer;
  statsDirty = false;
  failed;
  /** Opens (appends to) the log. */
  static async open(options) {
    const log = new _PredictionLog({ maxBytes: 64 * 1024 * 1024, keep: 5, statsIntervalMs: 5e3, ...options });
    await checkOutputFile(options.path, "prediction log");
    await ensureDir(dirname(options.path));
    log.bytes = await stat(options.path).then(
      (s) => s.size,
      () => 0
    );
    log.stream = createWriteStream(options.path, { flags: "a" });
    log.stream.on("error", (error) => log.failed = error.message);
    log.timer = setInterval(() => void log.flushStats(), log.options.statsIntervalMs);
    log.timer.unref();
    return log;
  }
  /** Whether this request should be logged (decided before building the record, to keep the hot path cheap). */
  sample() {
    return !this.failed && Math.random() < this.options.sampleRate;
  }
  /** Appends one record and folds its features into the running statistics. */
  write(record) {
    if (this.failed) return;
    if (record.source === void 0) {
      this.stats.add(record.features);
      this.logged += 1;
      this.statsDirty = true;
    }
    this.pending.push(JSON.stringify(record) + "\n");
    if (!this.rotating) this.drain();
  }
  /** Appends pending lines while they fit; starts a rotation (which drains again) when one does not. */
  drain() {
    while (this.pending.length > 0 && !this.failed) {
      const line = this.pending[0];
      if (this.bytes > 0 && this.bytes + Buffer.byteLength(line) > this.options.maxBytes) {
        this.rotating = this.rotate().finally(() => {
          this.rotating = void 0;
          this.drain();
        });
        return;
      }
      this.pending.shift();
      this.append(line);
    }
  }
  /** Rewrites `<path>.stats.json` now. */
  async flushStats() {
    if (!this.statsDirty) return;
    this.statsDirty = false;
    await writeJsonAtomic(`${this.options.path}.stats.json`, {
      log: basename(this.options.path),
      updated: (/* @__PURE__ */ new Date()).toISOString(),
      sample_rate: this.options.sampleRate,
      rows: this.logged,
      features: this.stats.snapshot()
    }).catch((error) => this.failed = error.message);
  }
  /** Flushes and closes the log. */
  async close() {
    if (this.timer) clearInterval(this.timer);
    while (this.rotating) await this.rotating;
    await new Promise((resolve) => this.stream ? this.stream.end(resolve) : resolve());
    this.stream = void 0;
    await this.flushStats();
  }
  append(line) {
    this.bytes += Buffer.byteLength(line);
    this.stream?.write(line);
  }
  async rotate() {
    const path = this.options.path;
    const old = this.stream;
    this.stream = void 0;
    await new Promise((resolve) => old ? old.end(resolve) : resolve());
    try {
      const siblings = new Set(await readdir(dirname(path)));
      const name = basename(path);
      await rm(`${path}.${this.options.keep}`, { force: true });
      for (let i = this.options.keep - 1; i >= 1; i--) {
        if (siblings.has(`${name}.${i}`)) await rename(`${path}.${i}`, `${path}.${i + 1}`);
      }
      await rename(path, `${path}.1`);
    } catch (error) {
      this.failed = `rotation failed: ${error.message}`;
      return;
    }
    this.stream = createWriteStream(path, { flags: "a" });
    this.stream.on("error", (error) => this.failed = error.message);
    this.bytes = 0;
  }
  /** Why logging stopped, if it did. */
  get error() {
    return this.failed;
  }
  /** Paths of the live file and its rotations, newest first. */
  static files(path, keep = 5) {
    return [
      path,
      ...Array.from({ length: keep }, (_, i) => join(dirname(path), `${basename(path)}.${i + 1}`))
    ];
  }
};

export {
  TRAFFIC_HEADER,
  TRAFFIC_SOURCES,
  PredictionLog
};
