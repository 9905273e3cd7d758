import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/serve/stats.ts
var Reservoir = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  seen = 0;
  values = [];
  /** Offers one value to the sample. */
  add(value) {
    this.seen += 1;
    if (this.values.length < this.capacity) this.values.push(value);
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < this.capacity) this.values[j] = value;
    }
  }
};
var NumberReservoir = class {
  seen = 0;
  size = 0;
  store;
  constructor(capacity) {
    this.store = new Float64Array(capacity);
  }
  /** Offers one value to the sample. */
  add(value) {
    this.seen += 1;
    if (this.size < this.store.length) this.store[this.size++] = value;
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < this.store.length) this.store[j] = value;
    }
  }
  /** The sample as a plain array (a copy). */
  values() {
    return Array.from(this.store.subarray(0, this.size));
  }
};
var VariantStats = class {
  constructor(version, scoreKind) {
    this.version = version;
    this.scoreKind = scoreKind;
  }
  version;
  scoreKind;
  requests = 0;
  errors = 0;
  latency = new NumberReservoir(2e4);
  scores = new NumberReservoir(5e3);
  shadowRequests = 0;
  shadowErrors = 0;
  pairs = new Reservoir(5e3);
  /** Records one answered request. */
  record(latencyMs, ok, scores) {
    this.requests += 1;
    if (!ok) this.errors += 1;
    this.latency.add(latencyMs);
    if (scores) for (let i = 0; i < scores.length; i++) this.scores.add(scores[i]);
  }
  /** Records one shadow scoring of a request the other version answered. */
  recordShadow(ok) {
    this.shadowRequests += 1;
    if (!ok) this.shadowErrors += 1;
  }
  /** Records the scores of both versions on the same rows (kept in the canary's window). */
  recordPairs(canary, stable) {
    for (let i = 0; i < canary.length && i < stable.length; i++) this.pairs.add([canary[i], stable[i]]);
  }
  /** A copy of the window. */
  snapshot() {
    return {
      version: this.version,
      requests: this.requests,
      errors: this.errors,
      latencyMs: this.latency.values(),
      scoreKind: this.scoreKind,
      scores: this.scores.values(),
      shadow: { requests: this.shadowRequests, errors: this.shadowErrors },
      pairs: this.pairs.values.map((p) => [p[0], p[1]])
    };
  }
};
function rowScores(data, rows, kind) {
  const scores = new Float64Array(rows);
  const width = rows > 0 ? data.length / rows : 0;
  for (let r = 0; r < rows; r++) {
    if (kind === "value") scores[r] = data[r * width];
    else if (kind === "probability") scores[r] = data[r * width + 1];
    else {
      let best = 0;
      for (let c = 1; c < width; c++) if (data[r * width + c] > data[r * width + best]) best = c;
      scores[r] = best;
    }
  }
  return scores;
}
var FeatureStatsTracker = class {
  features = /* @__PURE__ */ new Map();
  /** Adds one row. */
  add(row) {
    for (const [name, value] of Object.entries(row)) {
      let s = this.features.get(name);
      if (!s) {
        s = { count: 0, missing: 0 };
        this.features.set(name, s);
      }
      if (value === null || typeof value === "number") {
        if (value === null || !Number.isFinite(value)) {
          s.missing += 1;
          continue;
        }
        s.count += 1;
        const mean = s.mean ?? 0;
        const delta = value - mean;
        s.mean = mean + delta / s.count;
        s.m2 = (s.m2 ?? 0) + delta * (value - s.mean);
        s.min = s.min === void 0 ? value : Math.min(s.min, value);
        s.max = s.max === void 0 ? value : Math.max(s.max, value);
      } else {
        s.count += 1;
        s.values ??= {};
        if (value in s.values || Object.keys(s.values).length < 100)
          s.values[value] = (s.values[value] ?? 0) + 1;
        else s.other = (s.other ?? 0) + 1;
      }
    }
  }
  /** The statistics with the standard deviation filled in. */
  snapshot() {
    const out = {};
    for (const [name, s] of this.features) {
      out[name] = { ...s };
      if (s.m2 !== void 0) out[name].std = s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0;
    }
    return out;
  }
};

export {
  VariantStats,
  rowScores,
  FeatureStatsTracker
};
