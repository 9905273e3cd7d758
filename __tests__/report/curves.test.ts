import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  downsampleIndices,
  downsamplePrecisionRecall,
  downsampleRoc,
  precisionRecallCurve,
  rocCurve
} from '../../src/evaluation/curves.js';

interface CurveCase {
  name: string;
  labels: number[];
  scores: number[];
  roc: { fpr: (number | null)[]; tpr: (number | null)[]; thresholds: number[] };
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
}

const cases = (
  JSON.parse(readFileSync(join(process.cwd(), '__fixtures__/report/curves-reference.json'), 'utf8')) as {
    cases: CurveCase[];
  }
).cases;

/** JSON holds NaN as null (make_fixtures.py writes non-finite values that way). */
function expectClose(actual: number[], expected: (number | null)[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i];
    if (e === null) expect(Number.isNaN(v)).toBe(true);
    else expect(Math.abs(v - e)).toBeLessThanOrEqual(1e-12);
  });
}

describe('ROC and precision–recall curves equal scikit-learn 1.2', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const scores = Float64Array.from(c.scores);
    const positive = Uint8Array.from(c.labels);
    const roc = rocCurve(scores, positive);
    expectClose(roc.fpr, c.roc.fpr);
    expectClose(roc.tpr, c.roc.tpr);
    expectClose(roc.thresholds, c.roc.thresholds);
    const pr = precisionRecallCurve(scores, positive);
    expectClose(pr.precision, c.pr.precision);
    expectClose(pr.recall, c.pr.recall);
    expectClose(pr.thresholds, c.pr.thresholds);
  });
});

describe('downsampling for charts', () => {
  const big = cases.find((c) => c.name === 'large') as CurveCase;
  const scores = Float64Array.from(big.scores);
  const positive = Uint8Array.from(big.labels);

  test('the fixture curves are longer than a chart needs', () => {
    expect(precisionRecallCurve(scores, positive).recall.length).toBeGreaterThan(1000);
    expect(rocCurve(scores, positive).fpr.length).toBeGreaterThan(200);
  });

  test('keeps at most 200 points, both ends, and only points of the full curve in order', () => {
    const full = precisionRecallCurve(scores, positive);
    const small = downsamplePrecisionRecall(full);
    expect(small.recall.length).toBeLessThanOrEqual(200);
    expect(small.recall.length).toBeGreaterThanOrEqual(100);
    expect(small.recall[0]).toBe(full.recall[0]);
    expect(small.precision.at(-1)).toBe(1);
    expect(small.recall.at(-1)).toBe(0);
    let j = 0;
    for (let i = 0; i < small.recall.length; i++) {
      while (
        j < full.recall.length &&
        !(full.recall[j] === small.recall[i] && full.precision[j] === small.precision[i])
      )
        j++;
      expect(j).toBeLessThan(full.recall.length);
    }
    const roc = downsampleRoc(rocCurve(scores, positive));
    expect(roc.fpr.length).toBeLessThanOrEqual(200);
    expect([roc.fpr[0], roc.tpr[0], roc.fpr.at(-1), roc.tpr.at(-1)]).toEqual([0, 0, 1, 1]);
    // Monotone as the full ROC curve is.
    for (let i = 1; i < roc.fpr.length; i++) {
      expect(roc.fpr[i]).toBeGreaterThanOrEqual(roc.fpr[i - 1]);
      expect(roc.tpr[i]).toBeGreaterThanOrEqual(roc.tpr[i - 1]);
    }
  });

  test('spreads points along the path, so the gap between kept points stays small', () => {
    const full = rocCurve(scores, positive);
    const keep = downsampleIndices(full.fpr, full.tpr, 50);
    let length = 0;
    for (let i = 1; i < full.fpr.length; i++)
      length += Math.hypot(full.fpr[i] - full.fpr[i - 1], full.tpr[i] - full.tpr[i - 1]);
    for (let i = 1; i < keep.length; i++) {
      const gap = Math.hypot(
        full.fpr[keep[i]] - full.fpr[keep[i - 1]],
        full.tpr[keep[i]] - full.tpr[keep[i - 1]]
      );
      // Either one segment of the full curve (cannot be split) or at most two of the 25 target steps.
      if (keep[i] - keep[i - 1] > 1) expect(gap).toBeLessThanOrEqual((2 * length) / 24 + 1e-12);
    }
  });

  test('short curves are left alone', () => {
    expect(downsampleIndices([0, 0.5, 1], [0, 0.7, 1], 200)).toEqual([0, 1, 2]);
  });
});
