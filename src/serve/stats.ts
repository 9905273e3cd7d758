/** What a prediction score is: p(positive) of a binary classifier, a class index, or a regression value. */
export type ScoreKind = 'probability' | 'class' | 'value';

/** The analysis window of one served version, as the admin API returns it. */
export interface VariantWindow {
  version: number;
  /** Requests this version answered. */
  requests: number;
  /** Of those, how many failed (a model error, or a request the version could not accept). */
  errors: number;
  /** Latency sample in ms (a uniform reservoir of the window's requests). */
  latencyMs: number[];
  scoreKind: ScoreKind;
  /** Prediction score sample (reservoir), one per scored row. */
  scores: number[];
  /** Requests scored in shadow (the other version answered them), for a paired comparison. */
  shadow: { requests: number; errors: number };
  /** Paired scores on the same rows, [canary, stable], from shadow scoring (canary window only). */
  pairs: [number, number][];
}

/** A reservoir sample of a stream (algorithm R): a uniform sample of at most `capacity` values. */
export class Reservoir<T = number> {
  private seen = 0;
  readonly values: T[] = [];
  constructor(private readonly capacity: number) {}

  /** Offers one value to the sample. */
  add(value: T): void {
    this.seen += 1;
    if (this.values.length < this.capacity) this.values.push(value);
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < this.capacity) this.values[j] = value;
    }
  }
}

/**
 * A reservoir sample of numbers (algorithm R) in a Float64Array allocated once: unlike a growing
 * array it gives the garbage collector nothing to copy on the request path, where every young-space
 * collection shows as a pause in the tail latency.
 */
export class NumberReservoir {
  private seen = 0;
  private size = 0;
  private readonly store: Float64Array;
  constructor(capacity: number) {
    this.store = new Float64Array(capacity);
  }

  /** Offers one value to the sample. */
  add(value: number): void {
    this.seen += 1;
    if (this.size < this.store.length) this.store[this.size++] = value;
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < this.store.length) this.store[j] = value;
    }
  }

  /** The sample as a plain array (a copy). */
  values(): number[] {
    return Array.from(this.store.subarray(0, this.size));
  }
}

/** Counts and samples of one version since the last reset; cheap enough for every request. */
export class VariantStats {
  requests = 0;
  errors = 0;
  private latency = new NumberReservoir(20_000);
  private scores = new NumberReservoir(5_000);
  private shadowRequests = 0;
  private shadowErrors = 0;
  private pairs = new Reservoir<[number, number]>(5_000);

  constructor(
    readonly version: number,
    readonly scoreKind: ScoreKind
  ) {}

  /** Records one answered request. */
  record(latencyMs: number, ok: boolean, scores?: ArrayLike<number>): void {
    this.requests += 1;
    if (!ok) this.errors += 1;
    this.latency.add(latencyMs);
    if (scores) for (let i = 0; i < scores.length; i++) this.scores.add(scores[i]);
  }

  /** Records one shadow scoring of a request the other version answered. */
  recordShadow(ok: boolean): void {
    this.shadowRequests += 1;
    if (!ok) this.shadowErrors += 1;
  }

  /** Records the scores of both versions on the same rows (kept in the canary's window). */
  recordPairs(canary: ArrayLike<number>, stable: ArrayLike<number>): void {
    for (let i = 0; i < canary.length && i < stable.length; i++) this.pairs.add([canary[i], stable[i]]);
  }

  /** A copy of the window. */
  snapshot(): VariantWindow {
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
}

/** Turns a model output into one score per row (see ScoreKind). */
export function rowScores(data: Float32Array, rows: number, kind: ScoreKind): Float64Array {
  const scores = new Float64Array(rows);
  const width = rows > 0 ? data.length / rows : 0;
  for (let r = 0; r < rows; r++) {
    if (kind === 'value') scores[r] = data[r * width];
    else if (kind === 'probability') scores[r] = data[r * width + 1];
    else {
      let best = 0;
      for (let c = 1; c < width; c++) if (data[r * width + c] > data[r * width + best]) best = c;
      scores[r] = best;
    }
  }
  return scores;
}

/** Running statistics of one feature for the monitor (Welford's algorithm; top values for strings). */
export interface FeatureStats {
  count: number;
  missing: number;
  mean?: number;
  /** Sum of squared deviations (Welford's M2); variance = m2 / (count − 1). */
  m2?: number;
  std?: number;
  min?: number;
  max?: number;
  /** Value counts of a string feature (at most 100 distinct values are tracked). */
  values?: Record<string, number>;
  /** Distinct values seen but not tracked because the cap was reached. */
  other?: number;
}

/** Running per-feature statistics over the logged rows. */
export class FeatureStatsTracker {
  private readonly features = new Map<string, FeatureStats>();

  /** Adds one row. */
  add(row: Record<string, number | string | null>): void {
    for (const [name, value] of Object.entries(row)) {
      let s = this.features.get(name);
      if (!s) {
        s = { count: 0, missing: 0 };
        this.features.set(name, s);
      }
      if (value === null || typeof value === 'number') {
        if (value === null || !Number.isFinite(value)) {
          s.missing += 1;
          continue;
        }
        s.count += 1;
        const mean = s.mean ?? 0;
        const delta = value - mean;
        s.mean = mean + delta / s.count;
        s.m2 = (s.m2 ?? 0) + delta * (value - s.mean);
        s.min = s.min === undefined ? value : Math.min(s.min, value);
        s.max = s.max === undefined ? value : Math.max(s.max, value);
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
  snapshot(): Record<string, FeatureStats> {
    const out: Record<string, FeatureStats> = {};
    for (const [name, s] of this.features) {
      out[name] = { ...s };
      if (s.m2 !== undefined) out[name].std = s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0;
    }
    return out;
  }
}
