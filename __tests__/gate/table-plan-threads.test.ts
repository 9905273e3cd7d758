import { startTableWorkers, tableMetrics } from '../../src/gate/table-bootstrap.js';
import { TableMemory, layoutTableJob, type TableResults } from '../../src/gate/table-kernels.js';
import {
  buildTablePlan,
  runPlanSteps,
  type TableGrouping,
  type TablePlan
} from '../../src/gate/table-plan.js';
import type { PlanStep } from '../../src/gate/table-plan-rows.js';
import { POISSON_TABLE } from '../../src/gate/poisson.js';
import { predictedClasses } from '../../src/model/labels.js';
import { createScorer, type Predictions, type Scorer } from '../../src/evaluation/metrics/scorer.js';
import { sliceTableMetrics } from '../../src/evaluation/metrics/catalog.js';
import { lcg } from '../evaluate/helpers.js';

function classifier(y: Int32Array, seed: number): Predictions {
  const r = lcg(seed);
  const proba = new Float64Array(y.length * 2);
  for (let i = 0; i < y.length; i++) {
    // Rounded: ties within and across the slices.
    const p = Math.round((0.3 + 0.4 * y[i] + 0.3 * r()) * 40) / 40;
    proba[2 * i] = 1 - p;
    proba[2 * i + 1] = p;
  }
  return { task: 'binary', labels: ['0', '1'], y, proba, pred: predictedClasses(proba, 2) };
}

function setup(n: number) {
  const r = lcg(21);
  const y = Int32Array.from({ length: n }, () => (r() < 0.4 ? 1 : 0));
  const preds: [Predictions, Predictions] = [classifier(y, 1), classifier(y, 2)];
  const scorers: [Scorer, Scorer] = [createScorer(preds[0]), createScorer(preds[1])];
  const groupings: TableGrouping[] = [3, 300].map((values, j) => ({
    column: `c${j}`,
    groupOf: Int32Array.from({ length: n }, () => Math.floor(r() * (values + 1)) - 1),
    values: Array.from({ length: values }, (_, v) => `v${v}`),
    metrics: sliceTableMetrics('binary', ['roc_auc', 'average_precision'])
  }));
  return { preds, scorers, groupings };
}

function plan(memory: TableMemory, resamples: number): TablePlan {
  const { preds, scorers, groupings } = setup(2000);
  return buildTablePlan(preds, scorers, groupings, {
    seed: 4,
    resamples,
    rankingClasses: [1],
    metrics: tableMetrics('binary'),
    memory
  });
}

function results(resamples: number, stride: number): TableResults {
  const shared = (bytes: number) => new SharedArrayBuffer(bytes);
  return {
    values: new Float64Array(shared(8 * resamples * stride)),
    next: new Int32Array(shared(4)),
    done: new Int32Array(shared(4)),
    slots: new Int32Array(shared(4)),
    finished: new Int32Array(shared(4 * Math.max(1, Math.ceil(resamples / 8))))
  };
}

describe('the whole-table plan, filled on a worker thread', () => {
  it('leaves its per-row arrays to its steps, which fill them the same on a worker as here', async () => {
    const here = new TableMemory();
    const there = new TableMemory();
    const [a, b] = [plan(here, 8), plan(there, 8)];
    expect(a.job.sets[0].code.some((v) => v !== 0)).toBe(false); // nothing filled yet
    expect(a.job.rankings[0].rows.some((v) => v !== 0)).toBe(false);
    runPlanSteps(a, here);
    expect(a.job.sets[0].code.some((v) => v !== 0)).toBe(true);
    const jobA = layoutTableJob(a.job, here, 2, POISSON_TABLE);
    const jobB = layoutTableJob(b.job, there, 2, POISSON_TABLE);
    const outB = results(8, b.job.stride);
    const { workers, filled, formed } = startTableWorkers(jobB, outB, b, 1);
    workers.forEach((w) => w.ref());
    // Here, while the worker runs the first steps.
    b.stages.forEach((stage, i) => {
      stage.fill();
      formed(i + 1);
    });
    await filled;
    await Promise.all(workers.map((w) => w.finished));
    // The arrays the plan placed, byte for byte (the kernels' scratch slots lie past them).
    const planned = new Uint8Array(here.memory.buffer, 0, jobA.scratch);
    expect(Buffer.compare(planned, new Uint8Array(there.memory.buffer, 0, jobB.scratch))).toBe(0);
    expect(Atomics.load(outB.done, 0)).toBe(8);
  });

  it('rejects, instead of waiting for ever, when the filling worker fails; the waiting workers end', async () => {
    const memory = new TableMemory();
    const p = plan(memory, 16);
    const job = layoutTableJob(p.job, memory, 3, POISSON_TABLE);
    const out = results(16, p.job.stride);
    // An Int32Array cannot start at byte 3: the step throws a RangeError in the worker.
    const broken: PlanStep[] = [
      ...p.steps,
      {
        op: 'compact',
        args: { groupOf: { type: 'i32', at: 3, length: 4 }, out: p.steps[0].args.outPositive }
      }
    ];
    const { workers, filled } = startTableWorkers(job, out, { steps: broken, stages: p.stages }, 2);
    workers.forEach((w) => w.ref());
    await expect(filled).rejects.toThrow(/offset/);
    await expect(workers[0].finished).rejects.toThrow(/offset/);
    await workers[1].finished;
    expect(Atomics.load(out.done, 0)).toBe(0);
  });

  it("ends every worker without work when a stage's inputs fail on the calling thread", async () => {
    const memory = new TableMemory();
    const p = plan(memory, 16);
    const job = layoutTableJob(p.job, memory, 3, POISSON_TABLE);
    const out = results(16, p.job.stride);
    const { workers, filled, formed } = startTableWorkers(job, out, p, 2);
    workers.forEach((w) => w.ref());
    p.stages[0].fill();
    formed(1);
    formed(-1); // the second stage's inputs failed
    await expect(filled).rejects.toThrow(/not filled/);
    await Promise.all(workers.map((w) => w.finished));
    expect(Atomics.load(out.done, 0)).toBe(0);
  });
});
