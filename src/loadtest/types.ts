// The loadtest.json document (docs/loadtest.md): what `mlci loadtest` and the load-test step of
// deploy-canary measured and decided.

/** Latency percentiles in ms, measured from each request's scheduled send time. */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** One version driven at one rate. */
export interface Measurement {
  /** The rate asked for, requests per second. */
  target_rps: number;
  /** Requests answered (successfully or not) per second of the measurement. */
  achieved_rps: number;
  requests: number;
  errors: number;
  error_rate: number;
  latency_ms: LatencySummary;
  /** Peak resident memory of the process serving the version, MB (null when not local). */
  rss_mb: number | null;
}

/** Both versions at one rate of the ramp: a point of the latency-vs-rate chart. */
export interface RatePoint {
  rate: number;
  candidate: Measurement;
  stable: Measurement | null;
  /**
   * The p99 of each slice of each version, ms, in the order they ran (null without stable): the
   * p99 ratio objective compares their medians (docs/loadtest.md).
   */
  slice_p99_ms: { candidate: number[]; stable: number[] } | null;
}

/** The names of the objectives a load test is gated on. */
export type ObjectiveName = 'max_p99_ms' | 'min_rps' | 'max_error_rate' | 'max_p99_ratio_vs_stable';

/** One objective checked against the measurement at the target rate. */
export interface ObjectiveCheck {
  objective: ObjectiveName;
  limit: number;
  /** The measured value the limit applies to (null when it could not be measured). */
  value: number | null;
  passed: boolean;
  /** In plain words: what was compared with what. */
  detail: string;
}

/** A check that the candidate loads and answers in the serving stack it will run in. */
export interface InfrastructureCheck {
  /** e.g. "local server", "kserve manifest", "kserve runtime". */
  name: string;
  passed: boolean;
  detail: string;
}

/** Where the target rate came from. */
export interface RateSource {
  rps: number;
  /** config (deploy.load_test.rate or --rate) or production (observed rate × headroom). */
  source: 'config' | 'production';
  observed_rps: number | null;
  headroom: number | null;
}

/** loadtest.json. */
export interface LoadTestReport {
  model: string;
  candidate: { version: number | null; endpoint: string };
  stable: { version: number | null; endpoint: string } | null;
  rate: RateSource;
  /** Seconds each version was driven at the target rate. */
  duration_s: number;
  rows: number;
  infrastructure: InfrastructureCheck[];
  /** The ramp, ending with the target rate. */
  points: RatePoint[];
  objectives: ObjectiveCheck[];
  verdict: 'pass' | 'fail';
  summary: string;
  started: string;
  finished: string;
}
