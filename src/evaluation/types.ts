import type { GateResult } from '../gate/gates.js';
import type { IntervalResult } from '../gate/bootstrap.js';
import type { NoiseVerdict, Spread } from '../gate/noise.js';
import type { BaselineSource } from './baseline.js';
import type { ConfusionMatrix } from './metrics/classification.js';
import type { Calibration } from './metrics/calibration.js';
import type { ChartCurves } from './curves.js';
import type { OutputChoice } from '../model/outputs.js';
import type { WhatChanged } from '../lineage/what-changed.js';
import type { MetricTask, MetricValues } from './metrics/types.js';

/** Inference facts of one model on the evaluation data. */
export interface InferenceStats {
  /** Session creation time; the first model's includes loading onnxruntime, reported apart from latency. */
  load_ms: number;
  /** Time in session.run per 1,000 rows (batched). */
  ms_per_1000_rows: number;
  batch_size: number;
  /** Median and range of the timed passes (ms per 1,000 rows), when several were timed. */
  latency?: Spread;
}

/** What evaluation.json says about one model. */
export interface ModelReport {
  source: string;
  sha256: string;
  size_bytes: number;
  /** scikit-learn metrics plus expected_calibration_error, latency_ms_per_1000_rows, model_size_bytes; null = undefined. */
  metrics: MetricValues;
  /** Why each null metric is undefined. */
  undefined_reasons: Record<string, string>;
  /** Caveats on defined values (classes counted as 0 in an average, as scikit-learn does). */
  notes: Record<string, string>;
  confusion_matrix: ConfusionMatrix | null;
  calibration: Calibration | null;
  /** ROC and precision–recall points for charts (binary, both classes present), else null. */
  curves: ChartCurves | null;
  inference: InferenceStats;
  /** The output predictions were read from and the rule that chose it. */
  output?: OutputChoice;
}

/** Change of one metric from baseline to candidate. */
export interface MetricDelta {
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
  /** (candidate − baseline) / |baseline|; null when the baseline is 0 or either side is undefined. */
  relative: number | null;
  higher_is_better: boolean;
  /** Judged from the interval (or the latency spread), never from the sign alone; null without evidence. */
  change: NoiseVerdict | null;
  /** Paired bootstrap interval of the difference (every resampled metric when there is a baseline). */
  interval?: IntervalResult;
}

/** Metrics of one slice (one value of one column). */
export interface SliceReport {
  column: string;
  value: string;
  rows: number;
  candidate: MetricValues | null;
  baseline: MetricValues | null;
  /** Why each null metric of the slice is undefined, per model (absent when every metric is defined). */
  undefined_reasons?: { candidate: Record<string, string>; baseline: Record<string, string> | null };
  /** Why no metrics were computed (fewer rows than min_slice_size, too many values). */
  skipped?: string;
  /**
   * Paired bootstrap intervals of candidate − baseline for the metrics the slice table shows
   * (sliceTableMetrics); absent: too few rows for one. A metric not listed was not resampled.
   */
  intervals?: Record<string, IntervalResult>;
  /** Each metric of `intervals` judged from its interval (absent with the intervals). */
  change?: Record<string, NoiseVerdict | null>;
}

/** Drift facts taken from validate-data's validation.json. */
export interface DriftSummary {
  source: string;
  verdict: string | null;
  columns: number;
  drifted: {
    column: string;
    test: string | null;
    statistic: number | null;
    p_value: number | null;
    threshold: number | null;
  }[];
}

/** One registered version's gated metrics, for the history chart. */
export interface HistoryPoint {
  label: string;
  metrics: MetricValues;
}

/** evaluation.json. */
export interface EvaluationJson {
  schema_version: 1;
  mlci_version: string;
  created: string;
  task: MetricTask;
  model_name: string | null;
  label: string;
  threshold: number | null;
  data: { source: string; rows: number };
  candidate: ModelReport;
  baseline: ModelReport | null;
  baseline_source: BaselineSource;
  deltas: Record<string, MetricDelta>;
  slices: SliceReport[];
  min_slice_size: number;
  gates: GateResult[];
  bootstrap: { resamples: number; seed: number; confidence: number; scheme: 'poisson' } | null;
  drift: DriftSummary | null;
  history: HistoryPoint[] | null;
  /** Parameters, data, code and runtime that differ from the baseline's lineage (absent in older files). */
  what_changed?: WhatChanged | null;
  verdict: 'pass' | 'fail';
  rubber_stamp: boolean;
  summary: string;
  timings_ms: Record<string, number>;
}
