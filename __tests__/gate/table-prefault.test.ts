import { startTableBootstrap, tableMetrics } from '../../src/gate/table-bootstrap.js';
import { TableMemory } from '../../src/gate/table-kernels.js';
import {
  buildTablePlan,
  planBytesAtLeast,
  sliceRankingBytes,
  type TableGrouping
} from '../../src/gate/table-plan.js';
import { predictedClasses } from '../../src/model/labels.js';
import { createScorer, type Predictions } from '../../src/evaluation/metrics/scorer.js';
import { sliceTableMetrics } from '../../src/evaluation/metrics/catalog.js';
import { lcg } from '../evaluate/helpers.js';

function classifier(y: Int32Array, classes: number, seed: number): Predictions {
  const r = lcg(seed);
  const proba = new Float64Array(y.length * classes);
  for (let i = 0; i < y.length; i++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += proba[i * classes + c] = (c === y[i] ? 1 : 0.4) + r();
    for (let c = 0; c < classes; c++) proba[i * classes + c] /= sum;
  }
  const labels = Array.from({ length: classes }, (_, c) => String(c));
  return {
    task: classes === 2 ? 'binary' : 'multiclass',
    labels,
    y,
    proba,
    pred: predictedClasses(proba, classes)
  };
}

function models(task: Predictions['task'], n: number): [Predictions, Predictions] {
  const r = lcg(5);
  if (task === 'regression') {
    const y = Float64Array.from({ length: n }, () => r() * 10);
    const pred = (s: number) => Float64Array.from(y, (v) => v + (r() - 0.5) * s);
    return [
      { task, y, pred: pred(1) },
      { task, y, pred: pred(2) }
    ];
  }
  const classes = task === 'binary' ? 2 : 3;
  const y = Int32Array.from({ length: n }, () => Math.floor(r() * classes));
  return [classifier(y, classes, 1), classifier(y, classes, 2)];
}

function groupings(task: Predictions['task'], n: number): TableGrouping[] {
  const r = lcg(9);
  return ['a', 'b'].map((column, j) => ({
    column,
    groupOf: Int32Array.from({ length: n }, () => Math.floor(r() * (3 + j))),
    values: Array.from({ length: 3 + j }, (_, v) => `v${v}`),
    metrics: sliceTableMetrics(task, [])
  }));
}

describe('the whole-table bootstrap memory, faulted in ahead of the plan', () => {
  it.each(['binary', 'multiclass', 'regression'] as const)(
    'the %s plan places at least the bytes faulted in ahead (none faulted in vain)',
    (task) => {
      const n = 5000;
      const preds = models(task, n);
      const scorers = [createScorer(preds[0]), createScorer(preds[1])] as const;
      const metrics = tableMetrics(task);
      const memory = new TableMemory();
      const start = memory.placed;
      const slices = groupings(task, n);
      buildTablePlan(preds, [scorers[0], scorers[1]], slices, {
        seed: 0,
        resamples: 16,
        rankingClasses: task === 'binary' ? [1] : task === 'multiclass' ? [0, 1, 2] : [],
        metrics,
        memory
      });
      const rankings = task === 'binary' ? 2 : task === 'multiclass' ? 6 : 0;
      const bound = planBytesAtLeast(task, n, metrics) + sliceRankingBytes(slices, rankings);
      expect(bound).toBeGreaterThan(0);
      expect(memory.placed - start).toBeGreaterThanOrEqual(bound);
    }
  );

  it('gives the same intervals as fresh memory, its pages grown and still zero', async () => {
    const n = 3000;
    const preds = models('binary', n);
    const scorers = [createScorer(preds[0]), createScorer(preds[1])] as [
      ReturnType<typeof createScorer>,
      ReturnType<typeof createScorer>
    ];
    const options = { resamples: 24, seed: 3, confidence: 0.9 };
    const bytes = planBytesAtLeast('binary', n, tableMetrics('binary'));
    const memory = new TableMemory();
    memory.prefault(bytes);
    memory.prefault(bytes + 70000); // only the pages past the first call's
    await memory.settled();
    const view = new Uint8Array(memory.memory.buffer);
    expect(view.length).toBeGreaterThanOrEqual(bytes + 70000);
    expect(view.every((b) => b === 0)).toBe(true);
    const fresh = await startTableBootstrap(preds, scorers, groupings('binary', n), options, {
      threads: 1
    }).result();
    const ahead = await startTableBootstrap(preds, scorers, groupings('binary', n), options, {
      threads: 1,
      memory
    }).result();
    expect(ahead).toEqual(fresh);
  });

  it('keeps what is placed and written while its pages are being faulted in', async () => {
    const memory = new TableMemory();
    const words = 4 << 20; // 16 MB: the helper thread is still starting or touching when this is written
    memory.prefault(4 * words);
    const view = memory.i32(words);
    for (let i = 0; i < words; i++) view[i] = i + 1;
    await memory.settled();
    let kept = 0;
    for (let i = 0; i < words; i++) if (view[i] === i + 1) kept++;
    expect(kept).toBe(words);
  });
});
