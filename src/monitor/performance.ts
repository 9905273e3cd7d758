// Performance degradation: the production model's metrics on the rows whose labels arrived, compared
// with the metrics stored in its registry record through the usual gates (max_drop, min, …).
import type { GateSpec } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { loadColumns } from '../data/columns.js';
import type { SourceOptions } from '../data/engine.js';
import { applyGates, type GateResult } from '../gate/gates.js';
import { splitResults } from '../evaluation/evaluate-model.js';
import { classKey, positiveLast, predictedClasses } from '../model/labels.js';
import { createScorer, type Predictions } from '../evaluation/metrics/scorer.js';
import type { MetricTask, MetricValues } from '../evaluation/metrics/types.js';
import type { LoggedRow } from './log.js';

/** Delayed labels: one label per id (an id may repeat for a request of several rows). */
export interface LabelTable {
  source: string;
  ids: string[];
  values: (number | string | null)[];
}

/** Reads the id and label columns of a labels file (CSV, JSON Lines or Parquet). */
export async function readLabels(
  path: string,
  idColumn: string,
  labelColumn: string,
  options: SourceOptions = {}
): Promise<LabelTable> {
  // Ids are matched as the text the client sent: read as numbers, "007" and 2^53 + 1 would change.
  const data = await loadColumns(path, [idColumn, labelColumn], options, [idColumn]);
  const ids = data.text[idColumn].map((v) => v ?? '');
  const values: (number | string | null)[] = data.numeric[labelColumn]
    ? Array.from(data.numeric[labelColumn], (v) => (Number.isNaN(v) ? null : v))
    : data.text[labelColumn];
  return { source: path, ids, values };
}

/** The file and line a kept row was logged at (its place in the window when unknown). */
function whereLogged(rows: LoggedRow[], r: number): string {
  return rows[r].at ?? `logged row ${r + 1} of the window`;
}

/** Logged rows matched with their labels. */
export interface LabelJoin {
  /** Index into the logged rows, and the label of that row. */
  rows: number[];
  labels: (number | string)[];
  /** Logged rows with no label (yet). */
  unlabelled: number;
  /** Label rows whose id matched no logged row of the window. */
  unmatched: number;
}

/**
 * Joins labels to logged rows by request id. A request of several rows logs them under one id;
 * its labels then match them in order (the k-th label of an id labels the k-th logged row of it).
 */
export function joinLabels(rows: LoggedRow[], table: LabelTable): LabelJoin {
  const queues = new Map<string, (number | string)[]>();
  let unmatched = 0;
  table.ids.forEach((id, i) => {
    const value = table.values[i];
    if (id === '' || value === null || (typeof value === 'number' && Number.isNaN(value))) return;
    let q = queues.get(id);
    if (!q) queues.set(id, (q = []));
    q.push(value);
  });
  const join: LabelJoin = { rows: [], labels: [], unlabelled: 0, unmatched: 0 };
  rows.forEach((row, i) => {
    const q = row.request_id === undefined ? undefined : queues.get(row.request_id);
    if (!q || q.length === 0) {
      join.unlabelled += 1;
      return;
    }
    join.rows.push(i);
    join.labels.push(q.shift()!);
  });
  for (const q of queues.values()) unmatched += q.length;
  join.unmatched = unmatched;
  return join;
}

/** The task a logged prediction shows: a value is a regressor, two probabilities binary, more multiclass. */
export function taskOfLog(rows: LoggedRow[]): MetricTask | null {
  const first = rows.find((r) => r.prediction);
  if (!first) return null;
  if (typeof first.prediction.value === 'number') return 'regression';
  const width = first.prediction.probabilities?.length ?? 0;
  if (width === 2) return 'binary';
  return width > 2 ? 'multiclass' : null;
}

/**
 * Predictions over the labelled logged rows, from the probabilities the server logged (no model run):
 * the metrics are those of what production actually answered.
 */
export function predictionsFromLog(
  task: MetricTask,
  rows: LoggedRow[],
  join: LabelJoin,
  classes: string[] | null,
  labelsSource: string,
  threshold?: number
): Predictions {
  const n = join.rows.length;
  if (task === 'regression') {
    const y = new Float64Array(n);
    const pred = new Float64Array(n);
    join.rows.forEach((r, i) => {
      const value = rows[r].prediction.value;
      if (typeof value !== 'number')
        throw new InputError(
          `${whereLogged(rows, r)}: the logged prediction has no value (is the model a regressor?)`
        );
      const label = Number(join.labels[i]);
      if (!Number.isFinite(label))
        throw new InputError(`${labelsSource}: label ${JSON.stringify(join.labels[i])} is not a number`);
      y[i] = label;
      pred[i] = value;
    });
    return { task, y, pred };
  }
  const width = rows[join.rows[0] ?? 0]?.prediction.probabilities?.length ?? 0;
  const names = classes ?? Array.from({ length: width }, (_, i) => String(i));
  if (names.length !== width)
    throw new InputError(
      `the model names ${names.length} classes but the log has ${width} probabilities per row`
    );
  const logged = new Float64Array(n * width);
  join.rows.forEach((r, i) => {
    const p = rows[r].prediction.probabilities;
    if (!p || p.length !== width)
      throw new InputError(
        `${whereLogged(rows, r)}: the logged prediction has ${p?.length ?? 0} probabilities, expected ${width}`
      );
    logged.set(p, i * width);
  });
  // Binary predictions are read with the positive class second (docs/metrics.md), as evaluate reads them.
  const { labels, proba } = width === 2 ? positiveLast(names, logged) : { labels: names, proba: logged };
  const index = new Map(labels.map((c, i) => [classKey(c), i]));
  const y = new Int32Array(n);
  join.rows.forEach((r, i) => {
    const k = index.get(classKey(join.labels[i]));
    if (k === undefined) {
      throw new InputError(
        `${labelsSource}: label ${JSON.stringify(join.labels[i])} (request ${rows[r].request_id}) is not one of the model's classes (${names.join(', ')})`
      );
    }
    y[i] = k;
  });
  return { task, labels, y, proba, pred: predictedClasses(proba, width, threshold) };
}

/** The gate a monitor applies when mlci.yml names none: the task's headline metric may fall by 0.05. */
export const DEFAULT_MAX_METRIC_DROP: Record<MetricTask, Record<string, GateSpec>> = {
  binary: { roc_auc: { max_drop: 0.05 } },
  multiclass: { accuracy: { max_drop: 0.05 } },
  regression: { r2: { max_drop: 0.05 } }
};

/** The metrics of production now and when it was registered, and the gates between them. */
export interface PerformanceCheck {
  task: MetricTask;
  rows: number;
  current: MetricValues;
  undefined_reasons: Record<string, string>;
  registered: MetricValues;
  gates: GateResult[];
  /** Why no gate could be applied, when none was. */
  note?: string;
}

/**
 * Scores the predictions and gates them against the registered metrics. Explicit gates on a metric
 * the record lacks are an input error (nothing to compare with); default gates are only applied
 * to metrics the record has. A metric undefined on the window (one class only) skips its gate: too
 * little evidence is not a degradation.
 */
export function checkPerformance(
  predictions: Predictions,
  registered: MetricValues,
  gates: Record<string, GateSpec> | undefined,
  what: string,
  minRows: number
): PerformanceCheck {
  const { values, reasons } = splitResults(createScorer(predictions).score()[0]);
  const explicit = gates !== undefined && Object.keys(gates).length > 0;
  let specs: Record<string, GateSpec> = explicit ? gates : DEFAULT_MAX_METRIC_DROP[predictions.task];
  const rows = predictions.y.length;
  const check: PerformanceCheck = {
    task: predictions.task,
    rows,
    current: values,
    undefined_reasons: reasons,
    registered,
    gates: []
  };
  if (explicit) {
    const missing = Object.keys(specs).filter((m) => typeof registered[m] !== 'number');
    if (missing.length > 0) {
      throw new InputError(
        `${what}'s registry record has no ${missing.join(', ')} to compare with (it has ${Object.keys(registered).join(', ') || 'no metrics'}); register versions with --evaluation evaluation.json or change monitor.max_metric_drop`
      );
    }
  } else {
    specs = Object.fromEntries(Object.entries(specs).filter(([m]) => typeof registered[m] === 'number'));
    if (Object.keys(specs).length === 0) {
      check.note = `${what}'s registry record has no metrics to compare with; metrics are reported, not gated`;
      return check;
    }
  }
  if (rows < minRows) {
    check.note = `${rows} labelled rows, fewer than the ${minRows} needed to gate metrics`;
    return check;
  }
  check.gates = applyGates(specs, { candidate: { values, reasons }, baseline: { values: registered } }).map(
    (g) =>
      g.status === 'fail' && g.candidate === null && g.metric in values
        ? {
            ...g,
            status: 'skipped',
            reason: `${g.metric} is undefined on the labelled rows (${reasons[g.metric] ?? 'no value'})`
          }
        : g
  );
  return check;
}
