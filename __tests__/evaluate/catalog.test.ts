import {
  METRIC_CATALOG,
  METRICS_BY_TASK,
  MODEL_METRICS_BY_TASK,
  MetricRangeError,
  PRIMARY_METRICS,
  assertMetricRanges,
  higherIsBetter,
  isBootstrappable,
  metricDirection
} from '../../src/evaluation/metrics/catalog.js';
import { createScorer } from '../../src/evaluation/metrics/scorer.js';
import * as types from '../../src/evaluation/metrics/types.js';

describe('the metric catalog', () => {
  it('lists every metric once, each with a task, a direction and a range', () => {
    const names = METRIC_CATALOG.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of METRIC_CATALOG) {
      expect(m.range[0]).toBeLessThan(m.range[1]);
      expect(['higher', 'lower']).toContain(m.direction);
    }
  });

  it('derives the metrics of each task in report order', () => {
    expect(METRICS_BY_TASK.binary).toEqual([
      'accuracy',
      'balanced_accuracy',
      'precision',
      'recall',
      'f1',
      'roc_auc',
      'average_precision',
      'log_loss',
      'brier_score'
    ]);
    expect(METRICS_BY_TASK.regression).toEqual(['rmse', 'mae', 'r2', 'mape']);
    expect(MODEL_METRICS_BY_TASK.binary).toEqual([
      'expected_calibration_error',
      'latency_ms_per_1000_rows',
      'model_size_bytes'
    ]);
    expect(MODEL_METRICS_BY_TASK.regression).toEqual(['latency_ms_per_1000_rows', 'model_size_bytes']);
    expect(PRIMARY_METRICS.regression).toEqual(['rmse', 'mae', 'r2']);
  });

  it('knows the direction of latency, size and calibration error, and which metrics the bootstrap resamples', () => {
    for (const m of [
      'latency_ms_per_1000_rows',
      'model_size_bytes',
      'expected_calibration_error',
      'load_ms'
    ]) {
      expect([m, higherIsBetter(m)]).toEqual([m, false]);
      // Calibration is resampled (per-bin sums); latency and size are measured, not sampled.
      expect([m, isBootstrappable(m)]).toEqual([m, m === 'expected_calibration_error']);
    }
    expect(higherIsBetter('roc_auc')).toBe(true);
    expect(higherIsBetter('log_loss')).toBe(false);
    expect(isBootstrappable('log_loss')).toBe(true);
    expect(metricDirection('no_such_metric')).toBeNull();
    // The old import path still gives the catalog's function.
    expect(types.higherIsBetter).toBe(higherIsBetter);
    expect(types.METRICS_BY_TASK).toBe(METRICS_BY_TASK);
  });

  it('is what the scorer computes, for every task', () => {
    const binary = createScorer({
      task: 'binary',
      labels: ['0', '1'],
      y: Int32Array.from([0, 1, 1, 0]),
      proba: Float64Array.from([0.8, 0.2, 0.3, 0.7, 0.6, 0.4, 0.9, 0.1]),
      pred: Int32Array.from([0, 1, 0, 0])
    });
    expect(Object.keys(binary.score()[0])).toEqual(METRICS_BY_TASK.binary);
    const multi = createScorer({
      task: 'multiclass',
      labels: ['a', 'b', 'c'],
      y: Int32Array.from([0, 1, 2]),
      proba: Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4]),
      pred: Int32Array.from([0, 1, 2])
    });
    expect(Object.keys(multi.score()[0])).toEqual(METRICS_BY_TASK.multiclass);
    const regression = createScorer({
      task: 'regression',
      y: Float64Array.from([1, 2, 3]),
      pred: Float64Array.from([1.5, 2, 2])
    });
    expect(Object.keys(regression.score()[0])).toEqual(METRICS_BY_TASK.regression);
  });

  it('refuses a metric outside its mathematical range as a bug, not an input error', () => {
    const where = 'model.onnx';
    const cases: Record<string, number>[] = [
      { brier_score: 90.1 },
      { expected_calibration_error: 8.66 },
      { roc_auc: 1.0000001 },
      { accuracy: -0.1 },
      { log_loss: -1 },
      { r2: 1.5 },
      { rmse: Number.NaN },
      { mae: Infinity }
    ];
    for (const bad of cases) {
      expect(() => assertMetricRanges(bad, where)).toThrow(MetricRangeError);
    }
    expect(() => assertMetricRanges({ brier_score: 90.1 }, where)).toThrow(
      'model.onnx: brier_score = 90.1 is outside its range [0, 1]; refusing to write it'
    );
    expect(() =>
      assertMetricRanges({ log_loss: 7.2, r2: -3, accuracy: 1, roc_auc: null, custom: 1e9 }, where)
    ).not.toThrow();
  });
});
