import {
  negativesFirst,
  pairedBootstrap,
  percentile,
  startPairedBootstrap
} from '../../src/gate/bootstrap.js';
import { POISSON_TABLE, fillResampleWeights } from '../../src/gate/poisson.js';
import { predictedClasses } from '../../src/model/labels.js';
import { createScorer, type Scorer } from '../../src/evaluation/metrics/scorer.js';
import { lcg } from './helpers.js';

function binaryScorer(y: Int32Array, noise: number, seed: number, levels = 200): Scorer {
  const r = lcg(seed);
  const proba = new Float64Array(y.length * 2);
  for (let i = 0; i < y.length; i++) {
    const p = Math.fround(Math.min(1, Math.max(0, 0.35 * y[i] + 0.3 + (r() - 0.5) * noise)));
    proba[2 * i + 1] = levels > 0 ? Math.round(p * levels) / levels : p; // ties on purpose
    proba[2 * i] = 1 - proba[2 * i + 1];
  }
  return createScorer({ task: 'binary', labels: ['0', '1'], y, proba, pred: predictedClasses(proba, 2) });
}

const n = 4000;
const r = lcg(9);
const y = Int32Array.from({ length: n }, () => (r() < 0.4 ? 1 : 0));
const good = binaryScorer(y, 0.6, 1);
const worse = binaryScorer(y, 1.2, 2);

describe('Poisson weights', () => {
  it('have mean 1 and variance 1 and are reproducible by seed and resample', () => {
    const w = new Uint8Array(200_000);
    fillResampleWeights(7, 3, w);
    let sum = 0;
    let sq = 0;
    for (const v of w) {
      sum += v;
      sq += v * v;
    }
    const mean = sum / w.length;
    expect(mean).toBeCloseTo(1, 2);
    expect(sq / w.length - mean * mean).toBeCloseTo(1, 1);
    const again = new Uint8Array(200_000);
    fillResampleWeights(7, 3, again);
    expect(again).toEqual(w);
    fillResampleWeights(7, 4, again);
    expect(again).not.toEqual(w);
    expect(POISSON_TABLE[0]).toBe(0);
    expect(POISSON_TABLE[65535]).toBeGreaterThanOrEqual(6);
  });
});

describe('paired bootstrap', () => {
  it('gives a zero-width interval within noise when both models are the same', async () => {
    const res = await pairedBootstrap(good, good, ['roc_auc', 'accuracy', 'log_loss'], {
      resamples: 50,
      seed: 1,
      confidence: 0.95
    });
    for (const m of ['roc_auc', 'accuracy', 'log_loss'])
      expect(res[m]).toMatchObject({ low: 0, high: 0, within_noise: true, resamples: 50 });
  });

  it('equals the scorers run with the same row weights (fast passes agree with the generic path)', async () => {
    const resamples = 40;
    const res = await pairedBootstrap(good, worse, ['roc_auc', 'average_precision', 'accuracy', 'f1'], {
      resamples,
      seed: 5,
      confidence: 0.9
    });
    const fast = await pairedBootstrap(good, worse, ['roc_auc', 'average_precision', 'accuracy'], {
      resamples,
      seed: 5,
      confidence: 0.9
    });
    const order = negativesFirst(good.ranking!(1)).order;
    const w = new Uint8Array(n);
    const rowW = new Uint8Array(n);
    const diffs: Record<string, number[]> = { roc_auc: [], average_precision: [], accuracy: [], f1: [] };
    for (let k = 0; k < resamples; k++) {
      fillResampleWeights(5, k, w);
      for (let i = 0; i < n; i++) rowW[order[i]] = w[i];
      const [a] = good.score({ weights: rowW });
      const [b] = worse.score({ weights: rowW });
      for (const m of Object.keys(diffs)) diffs[m].push((a[m].value as number) - (b[m].value as number));
    }
    for (const m of Object.keys(diffs)) {
      const sorted = Float64Array.from(diffs[m]).sort();
      const interval = res[m] as { low: number; high: number };
      expect(interval.low).toBeCloseTo(percentile(sorted, 0.05), 12);
      expect(interval.high).toBeCloseTo(percentile(sorted, 0.95), 12);
      if (m !== 'f1') expect(fast[m]).toEqual(res[m]);
    }
  });

  // The ROC-area loop is picked per model by its ties: none (untied), few (masked), many (groups).
  it.each([
    ['no ties', 0, 0],
    ['few ties vs many ties', 3000, 40],
    ['many ties vs few ties', 40, 3000],
    ['many ties on both sides', 25, 60]
  ])('without average_precision equals a slow reference on %s', async (_name, levelsA, levelsB) => {
    const rows = 3001; // odd: the weight stream gives two weights per draw
    const rr = lcg(31);
    const yy = Int32Array.from({ length: rows }, () => (rr() < 0.3 ? 1 : 0));
    const a = binaryScorer(yy, 0.7, 3, levelsA);
    const b = binaryScorer(yy, 0.9, 4, levelsB);
    const resamples = 30;
    const options = { resamples, seed: 8, confidence: 0.9 };
    const one = await pairedBootstrap(a, b, ['roc_auc', 'accuracy'], options, undefined, { threads: 1 });
    const two = await pairedBootstrap(a, b, ['roc_auc', 'accuracy'], options, undefined, { threads: 2 });
    expect(two).toEqual(one);
    const order = negativesFirst(a.ranking!(1)).order;
    const w = new Uint8Array(rows);
    const rowW = new Uint8Array(rows);
    const diffs: Record<string, number[]> = { roc_auc: [], accuracy: [] };
    for (let k = 0; k < resamples; k++) {
      fillResampleWeights(8, k, w);
      for (let i = 0; i < rows; i++) rowW[order[i]] = w[i];
      const [ma] = a.score({ weights: rowW });
      const [mb] = b.score({ weights: rowW });
      for (const m of Object.keys(diffs)) diffs[m].push((ma[m].value as number) - (mb[m].value as number));
    }
    for (const m of Object.keys(diffs)) {
      const sorted = Float64Array.from(diffs[m]).sort();
      const interval = one[m] as { low: number; high: number; resamples: number };
      expect(interval.resamples).toBe(resamples);
      expect(interval.low).toBeCloseTo(percentile(sorted, 0.05), 12);
      expect(interval.high).toBeCloseTo(percentile(sorted, 0.95), 12);
    }
  });

  it('finds a real improvement outside noise, and is reproducible with the seed', async () => {
    const a = await pairedBootstrap(good, worse, ['roc_auc'], { resamples: 200, seed: 11, confidence: 0.95 });
    const b = await pairedBootstrap(good, worse, ['roc_auc'], { resamples: 200, seed: 11, confidence: 0.95 });
    expect(a).toEqual(b);
    const [ga] = good.score();
    const [wa] = worse.score();
    const delta = (ga.roc_auc.value as number) - (wa.roc_auc.value as number);
    const interval = a.roc_auc as { low: number; high: number; within_noise: boolean };
    expect(interval.within_noise).toBe(false);
    expect(interval.low).toBeGreaterThan(0);
    expect(interval.low).toBeLessThan(delta);
    expect(interval.high).toBeGreaterThan(delta);
  });

  it('gives the same intervals on worker threads as on the main thread', async () => {
    const metrics = ['roc_auc', 'average_precision', 'accuracy'];
    const options = { resamples: 60, seed: 21, confidence: 0.95 };
    const one = await pairedBootstrap(good, worse, metrics, options, undefined, { threads: 1 });
    const three = await pairedBootstrap(good, worse, metrics, options, undefined, { threads: 3 });
    expect(three).toEqual(one);
    expect(one.average_precision).toMatchObject({ resamples: 60 });
  });

  it('gives the same intervals when worker threads ran the resamples before the caller joined', async () => {
    const metrics = ['roc_auc', 'accuracy'];
    const options = { resamples: 64, seed: 4, confidence: 0.95 };
    const alone = await pairedBootstrap(good, worse, metrics, options, undefined, { threads: 1 });
    const run = startPairedBootstrap(good, worse, metrics, options, { threads: 3 });
    // The caller is busy elsewhere: the two workers take the resamples meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const progress: number[] = [];
    expect(await run.result((done) => progress.push(done))).toEqual(alone);
    expect(progress[progress.length - 1]).toBe(64);
  });

  it('says why there is no interval when resampling is off', async () => {
    expect(
      (await pairedBootstrap(good, worse, ['roc_auc'], { resamples: 0, seed: 0, confidence: 0.95 })).roc_auc
    ).toMatchObject({ low: null, reason: /disabled/ });
  });

  it('computes percentiles as numpy.percentile (linear)', () => {
    const v = Float64Array.from([1, 2, 3, 4]);
    expect(percentile(v, 0.5)).toBe(2.5);
    expect(percentile(v, 0.025)).toBeCloseTo(1.075, 12);
    expect(percentile(v, 1)).toBe(4);
  });
});
