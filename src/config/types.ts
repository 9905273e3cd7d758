import type { DriftTestName } from '../data/drift/catalog.js';

/** The learning task, which decides the metrics and how model outputs are read. */
export type Task = 'binary' | 'multiclass' | 'regression';

/** A duration: seconds, or a string such as "90s", "5m". */
export type Duration = number | string;

/** Severity of an anomaly: error blocks, warning reports, off ignores. */
export type Severity = 'error' | 'warning' | 'off';

/** Anomaly codes modelled on TFDV. */
export type AnomalyCode =
  | 'missing_column'
  | 'new_column'
  | 'type_mismatch'
  | 'out_of_domain'
  | 'out_of_range'
  | 'unexpected_nulls'
  | 'nan_values'
  | 'inf_values'
  | 'too_few_rows'
  | 'duplicate_share'
  | 'train_test_overlap'
  | 'drift';

/** Statistical tests for drift: the keys of the drift-test catalog (src/data/drift/catalog.ts). */
export type { DriftTestName };

/** Thresholds on one metric (docs/architecture.md, gates). */
export interface GateSpec {
  min?: number;
  max?: number;
  max_drop?: number;
  max_rise?: number;
  min_relative_change?: number;
}

/** The `model:` section. */
export interface ModelConfig {
  name: string;
  task: Task;
  label?: string;
  features?: string[];
  threshold?: number;
}

/** Per-column overrides in `data.columns`. */
export interface ColumnConfig {
  drift_test?: DriftTestName;
  drift_threshold?: number;
  severity?: Partial<Record<AnomalyCode, Severity>>;
}

/** The `data:` section. */
export interface DataConfig {
  train?: string;
  eval?: string;
  reference?: string;
  schema?: string;
  format?: 'auto' | 'csv' | 'jsonl' | 'parquet';
  delimiter?: string;
  min_rows?: number;
  max_duplicate_share?: number;
  /** Largest share of evaluation rows also in the training data before leakage is an error. */
  max_overlap_share?: number;
  severity?: Partial<Record<AnomalyCode, Severity>>;
  drift?: { share?: number; blocking?: boolean; ignore?: string[] };
  columns?: Record<string, ColumnConfig>;
}

/** The `train:` section. */
export interface TrainConfig {
  command: string;
  model?: string;
  params?: string;
  set?: Record<string, string | number | boolean>;
  seed?: number;
  workdir?: string;
  timeout?: Duration;
  sources?: string[];
  metrics?: string;
  cache?: boolean;
  /** Largest prediction difference `--check-reproducible` accepts when model bytes differ. */
  tolerance?: number;
  checks?: {
    /** true/false, or the rule: mean loss of the last `window` (fraction of steps) below the first by `min_decrease` (relative). */
    loss_decreases?: boolean | { window?: number; min_decrease?: number };
    finite_metrics?: boolean;
    signature?: boolean;
  };
}

/** The `evaluate:` section. */
export interface EvaluateConfig {
  data?: string;
  baseline?: string;
  slices?: string[];
  min_slice_size?: number;
  batch_size?: number;
  bootstrap?: { resamples?: number; seed?: number; confidence?: number };
  gates?: Record<string, GateSpec>;
  slice_gates?: Record<string, Record<string, GateSpec>>;
}

/** The `register:` section. */
export interface RegisterConfig {
  registry?: string;
  aliases?: string[];
  allow_failed?: boolean;
}

/** The `deploy:` section. */
export interface DeployConfig {
  target?: 'local' | 'server' | 'kserve';
  server?: string;
  steps?: number[];
  interval?: Duration;
  failure_limit?: number;
  replay?: string;
  rate?: number;
  analysis?: {
    alpha?: number;
    max_error_rate?: number;
    max_p99_ratio?: number;
    p99_slack_ms?: number;
    max_divergence?: number;
    min_requests?: number;
  };
  kserve?: { namespace?: string; storage_uri?: string; runtime?: string; onnxruntime?: string };
  load_test?: LoadTestConfig;
}

/** `deploy.load_test`: the load test before the first canary traffic step (docs/loadtest.md). */
export interface LoadTestConfig {
  rate?: number;
  headroom?: number;
  duration?: Duration;
  ramp?: number[];
  objectives?: {
    max_p99_ms?: number;
    min_rps?: number;
    max_error_rate?: number;
    max_p99_ratio_vs_stable?: number;
    p99_slack_ms?: number;
  };
}

/** The `monitor:` section. */
export interface MonitorConfig {
  log?: string;
  data?: string;
  labels?: string;
  /** Label column of the labels file or the batch data (default model.label). */
  label?: string;
  /** Column of the labels file holding the request id (default request_id). */
  id_column?: string;
  /** Window of logged rows: a duration back from now ("24h", "7d") or an ISO time. */
  since?: string;
  /** Fewer rows than this: verdict insufficient_data, nothing is triggered (default 100). */
  min_rows?: number;
  drift_share?: number;
  max_metric_drop?: Record<string, GateSpec>;
  trigger?: {
    kind?: 'workflow_dispatch' | 'repository_dispatch' | 'none';
    workflow?: string;
    ref?: string;
    event_type?: string;
  };
}

/** A validated mlci.yml. */
export interface MlciConfig {
  version: 1;
  model: ModelConfig;
  data?: DataConfig;
  train?: TrainConfig;
  evaluate?: EvaluateConfig;
  register?: RegisterConfig;
  deploy?: DeployConfig;
  monitor?: MonitorConfig;
}
