import { calibration } from '../../src/evaluation/metrics/calibration.js';
import { createScorer, type ClassificationPredictions } from '../../src/evaluation/metrics/index.js';
import { close, readCases, toPredictions, type ReferenceCase } from './fixtures.js';

function compare(c: ReferenceCase): string[] {
  const problems: string[] = [];
  const predictions = toPredictions(c);
  const [results] = createScorer(predictions).score();
  for (const [metric, expected] of Object.entries(c.expected)) {
    const got = results[metric];
    if (!got) {
      problems.push(`${c.name}.${metric}: not computed`);
    } else if (expected === null) {
      if (got.value !== null) problems.push(`${c.name}.${metric}: expected undefined, got ${got.value}`);
      else if (!got.reason) problems.push(`${c.name}.${metric}: undefined without a reason`);
    } else if (got.value === null || !close(got.value, expected)) {
      problems.push(`${c.name}.${metric}: expected ${expected}, got ${got.value} (${got.reason ?? ''})`);
    }
  }
  return problems;
}

describe('metrics equal scikit-learn 1.2 on the committed reference cases', () => {
  const cases = readCases('reference.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(compare(c)).toEqual([]);
  });

  it('derives predicted labels as numpy argmax does (ties to the lower class)', () => {
    for (const c of cases.filter((x) => x.task !== 'regression')) {
      const p = toPredictions(c) as ClassificationPredictions;
      expect(Array.from(p.pred)).toEqual(c.pred);
    }
  });

  it('reports roc_auc as undefined (null with a reason), never 0, when the labels hold one class', () => {
    const c = cases.find((x) => x.name === 'binary_one_class') as ReferenceCase;
    const [r] = createScorer(toPredictions(c)).score();
    expect(r.roc_auc.value).toBeNull();
    expect(r.roc_auc.reason).toMatch(/only one class/);
  });

  it('notes the classes counted as 0 in a macro average when a class is never predicted', () => {
    const c = cases.find((x) => x.name === 'multiclass_class_never_predicted') as ReferenceCase;
    const [r] = createScorer(toPredictions(c)).score();
    expect(r.precision_macro.note).toMatch(/class 2 .*never predicted/);
    expect(r.recall_macro.note).toBeUndefined();
  });

  it('computes the confusion matrix and the expected calibration error as sklearn', () => {
    for (const c of cases.filter((x) => x.task !== 'regression')) {
      const p = toPredictions(c) as ClassificationPredictions;
      const C = p.labels.length;
      const cm = Array.from({ length: C }, () => new Array<number>(C).fill(0));
      p.y.forEach((t, i) => cm[t][p.pred[i]]++);
      expect(cm).toEqual(c.confusion_matrix);
      const binary = C === 2;
      const n = p.y.length;
      const confidence = new Float64Array(n);
      const hit = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        confidence[i] = binary ? p.proba[i * 2 + 1] : Math.max(...p.proba.subarray(i * C, (i + 1) * C));
        hit[i] = binary ? (p.y[i] === 1 ? 1 : 0) : p.y[i] === p.pred[i] ? 1 : 0;
      }
      const cal = calibration(confidence, hit, binary ? 'positive_probability' : 'top_class_confidence');
      expect(close(cal.expected_calibration_error as number, c.expected_calibration_error as number)).toBe(
        true
      );
      expect(cal.bins.reduce((s, b) => s + b.rows, 0)).toBe(n);
    }
  });
});

describe('metrics equal scikit-learn on random data from 20 seeds (property)', () => {
  const cases = readCases('random.json');
  it('agrees on every metric of every case', () => {
    expect(cases.length).toBe(60);
    const problems = cases.flatMap(compare);
    expect(problems).toEqual([]);
  });
});

describe('grouped and weighted scoring', () => {
  it('equals scoring each group alone with rows repeated by weight (ties, skipped rows)', () => {
    let s = 7;
    const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
    const n = 3000;
    const y = Int32Array.from({ length: n }, () => (r() < 0.35 ? 1 : 0));
    const proba = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      proba[2 * i + 1] =
        Math.round(Math.min(1, Math.max(0, 0.3 * y[i] + 0.35 + (r() - 0.5) * 0.8)) * 40) / 40;
      proba[2 * i] = 1 - proba[2 * i + 1];
    }
    const pred = Int32Array.from({ length: n }, (_, i) => (proba[2 * i + 1] > 0.5 ? 1 : 0));
    const groupOf = Int32Array.from({ length: n }, () => Math.floor(r() * 4) - 1); // −1: in no group
    const weights = Uint8Array.from({ length: n }, () => Math.floor(r() * 3));
    const grouped = createScorer({ task: 'binary', labels: ['0', '1'], y, proba, pred }).score({
      groupOf,
      groups: 3,
      weights
    });
    for (let g = 0; g < 3; g++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (groupOf[i] === g) for (let k = 0; k < weights[i]; k++) rows.push(i);
      const alone = createScorer({
        task: 'binary',
        labels: ['0', '1'],
        y: Int32Array.from(rows, (i) => y[i]),
        proba: Float64Array.from(rows.flatMap((i) => [proba[2 * i], proba[2 * i + 1]])),
        pred: Int32Array.from(rows, (i) => pred[i])
      }).score()[0];
      for (const metric of ['roc_auc', 'average_precision', 'accuracy', 'f1', 'log_loss'])
        expect(grouped[g][metric].value).toBeCloseTo(alone[metric].value as number, 12);
    }
  });
});
