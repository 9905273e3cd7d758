import { brierScoreLoss, brierTerms, logLoss, logLossTerms } from './probabilistic.js';
import { averagePrecisionScore, rankingPass, rocAucScore, type RankingTotals } from './ranking.js';
import { METRIC_CATALOG, METRICS_BY_TASK } from './catalog.js';
import type { ConfusionCounts } from './classification.js';
import { MAPE_EPS, type RegressionSums } from './regression.js';
import { defined, undefinedMetric, type MetricResult, type MetricTask } from './result.js';
import { descendingOrder } from './sort.js';

/** A classifier's predictions on labelled rows: class indices and probabilities [N × C], row-major. */
export interface ClassificationPredictions {
  task: 'binary' | 'multiclass';
  /** Class names, index = class number; binary: index 1 is the positive class (toPredictions orders them so). */
  labels: string[];
  y: Int32Array;
  proba: Float64Array;
  pred: Int32Array;
}

/** A regressor's predictions on labelled rows. */
export interface RegressionPredictions {
  task: 'regression';
  y: Float64Array;
  pred: Float64Array;
}

/** Predictions of any task. */
export type Predictions = ClassificationPredictions | RegressionPredictions;

/** Which rows count and how much: a group per row (−1 skips it) and optional bootstrap counts. */
export interface ScoreOptions {
  groupOf?: Int32Array | null;
  groups?: number;
  weights?: Uint8Array | Uint16Array | null;
  /** Compute only these metrics (the bootstrap asks for the gated ones). */
  only?: ReadonlySet<string>;
}

/** Metrics of one group, by scikit-learn name. */
export type MetricResults = Record<string, MetricResult>;

/** Computes a task's metrics for any grouping and weighting of the same predictions. */
export interface Scorer {
  readonly task: Predictions['task'];
  readonly rows: number;
  /** Metric results per group (one group when no grouping is given). */
  score(options?: ScoreOptions): MetricResults[];
  /** The rows by descending probability of a class, for ranking passes (classifiers only). */
  ranking?(classIndex: number): RankingData;
  /** Number of classes (classifiers only). */
  readonly classes?: number;
  /** 1 where the predicted class is the true one, by row (classifiers only). */
  correctness?(): Uint8Array;
  /** Per-row log-loss terms, and Brier terms for a binary model, computed once (classifiers only). */
  probabilisticTerms?(): { log: Float64Array; brier: Float64Array | null };
}

/** Rows by descending score of one class, with the class flag and tie boundaries in that order. */
export interface RankingData {
  order: Uint32Array;
  scores: Float64Array;
  positive: Uint8Array;
  /** In sorted order: 1 for a positive row. */
  sortedPositive: Uint8Array;
  /** In sorted order: 1 where the next row has a different score (the end of a threshold). */
  lastOfTie: Uint8Array;
}

/** Builds the scorer for a set of predictions; per-row terms and sort orders are computed once, lazily. */
export function createScorer(predictions: Predictions): Scorer {
  return predictions.task === 'regression'
    ? regressionScorer(predictions)
    : classificationScorer(predictions);
}

type ConfusionMetric = (cm: ConfusionCounts, classes: number) => MetricResult;
type RegressionMetric = (sums: RegressionSums) => MetricResult;

/** The catalog's metrics of a task computed from a confusion matrix, with their functions. */
function confusionMetrics(task: MetricTask): [string, ConfusionMetric][] {
  const out: [string, ConfusionMetric][] = [];
  for (const m of METRIC_CATALOG)
    if (m.source.from === 'confusion' && m.tasks.includes(task)) out.push([m.name, m.source.fn]);
  return out;
}

/** The catalog's regression metrics computed from sums, with their functions. */
function regressionMetrics(): [string, RegressionMetric][] {
  const out: [string, RegressionMetric][] = [];
  for (const m of METRIC_CATALOG) if (m.source.from === 'regression') out.push([m.name, m.source.fn]);
  return out;
}

function wants(only: ReadonlySet<string> | undefined, ...names: string[]): boolean {
  return !only || names.some((n) => only.has(n));
}

/** Whether each row's probabilities sum to 1 as np.allclose(1, sum) checks it in roc_auc_score. */
function rowsSumToOne(proba: Float64Array, classes: number): boolean {
  for (let i = 0; i < proba.length; i += classes) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += proba[i + c];
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) return false;
  }
  return true;
}

function classificationScorer(p: ClassificationPredictions): Scorer {
  const C = p.labels.length;
  const n = p.y.length;
  let logTerms: Float64Array | undefined;
  let brier: Float64Array | undefined;
  let sumsToOne: boolean | undefined;
  const rankings = new Map<number, RankingData>();
  const ranking = (c: number): RankingData => {
    let r = rankings.get(c);
    if (!r) {
      const scores = new Float64Array(n);
      const positive = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        scores[i] = p.proba[i * C + c];
        positive[i] = p.y[i] === c ? 1 : 0;
      }
      const order = descendingOrder(scores);
      const sortedPositive = new Uint8Array(n);
      const lastOfTie = new Uint8Array(n);
      // Each sorted score is gathered once and carried to the next step.
      let score = n > 0 ? scores[order[0]] : NaN;
      for (let k = 0; k < n; k++) {
        sortedPositive[k] = positive[order[k]];
        const next = k + 1 < n ? scores[order[k + 1]] : NaN;
        lastOfTie[k] = k === n - 1 || score !== next ? 1 : 0;
        score = next;
      }
      r = { order, scores, positive, sortedPositive, lastOfTie };
      rankings.set(c, r);
    }
    return r;
  };
  const binary = p.task === 'binary';
  const fromConfusion = confusionMetrics(p.task);
  return {
    task: p.task,
    rows: n,
    classes: C,
    ranking,
    probabilisticTerms() {
      logTerms ??= logLossTerms(p.y, p.proba, C);
      if (binary) brier ??= brierTerms(p.y, p.proba);
      return { log: logTerms, brier: brier ?? null };
    },
    correctness() {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = p.y[i] === p.pred[i] ? 1 : 0;
      return out;
    },
    score(options = {}) {
      const { groupOf = null, weights = null, only } = options;
      const G = options.groups ?? 1;
      const needLog = wants(only, 'log_loss');
      const needBrier = binary && wants(only, 'brier_score');
      if (needLog) logTerms ??= logLossTerms(p.y, p.proba, C);
      if (needBrier) brier ??= brierTerms(p.y, p.proba);
      const cm = new Float64Array(G * C * C);
      const rows = new Float64Array(G);
      const logSum = new Float64Array(G);
      const brierSum = new Float64Array(G);
      const { y, pred } = p;
      const CC = C * C;
      if (groupOf === null && !needLog && !needBrier) {
        // The bootstrap's common case (accuracy-like gates): one tight pass over the rows.
        for (let i = 0; i < n; i++) {
          const w = weights === null ? 1 : weights[i];
          cm[y[i] * C + pred[i]] += w;
        }
        for (let k = 0; k < CC; k++) rows[0] += cm[k];
      } else {
        for (let i = 0; i < n; i++) {
          const g = groupOf === null ? 0 : groupOf[i];
          if (g < 0) continue;
          const w = weights === null ? 1 : weights[i];
          if (w === 0) continue;
          cm[g * CC + y[i] * C + pred[i]] += w;
          rows[g] += w;
          if (needLog) logSum[g] += w * (logTerms as Float64Array)[i];
          if (needBrier) brierSum[g] += w * (brier as Float64Array)[i];
        }
      }
      const results: MetricResults[] = [];
      for (let g = 0; g < G; g++) results.push({});
      const classRows = (g: number, c: number) => {
        let s = 0;
        for (let j = 0; j < C; j++) s += cm[g * CC + c * C + j];
        return s;
      };
      if (binary && wants(only, 'roc_auc', 'average_precision')) {
        const positives = new Float64Array(G);
        for (let g = 0; g < G; g++) positives[g] = classRows(g, 1);
        const totals = rankingPass(ranking(1), positives, groupOf, weights);
        for (let g = 0; g < G; g++) {
          results[g].roc_auc = rocAucScore(totals, g);
          results[g].average_precision = averagePrecisionScore(totals, g);
        }
      }
      if (!binary && wants(only, 'roc_auc_ovr')) {
        sumsToOne ??= rowsSumToOne(p.proba, C);
        const perClass: RankingTotals[] = [];
        if (sumsToOne) {
          for (let c = 0; c < C; c++) {
            const positives = new Float64Array(G);
            for (let g = 0; g < G; g++) positives[g] = classRows(g, c);
            perClass.push(rankingPass(ranking(c), positives, groupOf, weights));
          }
        }
        for (let g = 0; g < G; g++) results[g].roc_auc_ovr = rocAucOvr(perClass, g, sumsToOne, p.labels);
      }
      for (let g = 0; g < G; g++) {
        const m = cm.subarray(g * CC, (g + 1) * CC);
        const r = results[g];
        for (const [name, fn] of fromConfusion) if (wants(only, name)) r[name] = fn(m, C);
        if (needBrier) r.brier_score = brierScoreLoss(brierSum[g], rows[g]);
        if (needLog) r.log_loss = logLoss(logSum[g], rows[g], C);
      }
      return results.map((r) => ordered(r, p.task));
    }
  };
}

/** sklearn's roc_auc_score(multi_class='ovr', average='macro', labels=all classes). */
function rocAucOvr(perClass: RankingTotals[], g: number, sumsToOne: boolean, labels: string[]): MetricResult {
  if (!sumsToOne) return undefinedMetric('the probabilities of some rows do not sum to 1');
  let sum = 0;
  for (let c = 0; c < perClass.length; c++) {
    const auc = rocAucScore(perClass[c], g);
    if (auc.value === null) return undefinedMetric(`class ${labels[c]}: ${auc.reason}`);
    sum += auc.value;
  }
  return defined(sum / perClass.length);
}

function ordered(results: MetricResults, task: Predictions['task']): MetricResults {
  const out: MetricResults = {};
  for (const name of METRICS_BY_TASK[task]) if (results[name]) out[name] = results[name];
  return out;
}

function regressionScorer(p: RegressionPredictions): Scorer {
  const n = p.y.length;
  const fromSums = regressionMetrics();
  return {
    task: 'regression',
    rows: n,
    score(options = {}) {
      const { groupOf = null, weights = null, only } = options;
      const G = options.groups ?? 1;
      const rows = new Float64Array(G);
      const sumY = new Float64Array(G);
      const se = new Float64Array(G);
      const ae = new Float64Array(G);
      const ape = new Float64Array(G);
      const { y, pred } = p;
      for (let i = 0; i < n; i++) {
        const g = groupOf === null ? 0 : groupOf[i];
        if (g < 0) continue;
        const w = weights === null ? 1 : weights[i];
        if (w === 0) continue;
        const d = y[i] - pred[i];
        const a = Math.abs(pred[i] - y[i]);
        const ay = Math.abs(y[i]);
        rows[g] += w;
        sumY[g] += w * y[i];
        se[g] += w * (d * d);
        ae[g] += w * a;
        ape[g] += w * (a / (ay > MAPE_EPS ? ay : MAPE_EPS));
      }
      const tss = new Float64Array(G);
      if (wants(only, 'r2')) {
        const mean = sumY.map((s, g) => s / rows[g]);
        for (let i = 0; i < n; i++) {
          const g = groupOf === null ? 0 : groupOf[i];
          if (g < 0) continue;
          const w = weights === null ? 1 : weights[i];
          if (w === 0) continue;
          const d = y[i] - mean[g];
          tss[g] += w * (d * d);
        }
      }
      const results: MetricResults[] = [];
      for (let g = 0; g < G; g++) {
        const s: RegressionSums = {
          rows: rows[g],
          squaredError: se[g],
          absoluteError: ae[g],
          absolutePercentageError: ape[g],
          totalSquares: tss[g]
        };
        const r: MetricResults = {};
        for (const [name, fn] of fromSums) if (wants(only, name)) r[name] = fn(s);
        results.push(r);
      }
      return results;
    }
  };
}
