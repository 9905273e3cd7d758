// Performance of the monitor stage: delayed labels joined to the logged predictions, or the
// production model scoring a labelled batch, compared with the metrics it was registered with.
import { InputError } from '../core/errors.js';
import type { ValidationReport } from '../data/report.js';
import { modelClasses, type ModelFile } from '../model/inference.js';
import type { LogWindow } from '../monitor/log.js';
import {
  checkPerformance,
  joinLabels,
  predictionsFromLog,
  readLabels,
  taskOfLog
} from '../monitor/performance.js';
import { scoreBatch, taskOfModel } from '../monitor/score-batch.js';
import type { MonitorPerformance } from '../monitor/types.js';
import type { ModelVersion } from '../registry/types.js';
import type { MonitorOptions } from './monitor.js';

/** Metrics on the labelled rows and their gates; null when no labels were given. */
export async function measurePerformance(
  options: MonitorOptions,
  version: ModelVersion,
  window: LogWindow | undefined,
  model: () => Promise<ModelFile>,
  minRows: number,
  idColumn: string,
  validation: { report: ValidationReport } | undefined
): Promise<MonitorPerformance | null> {
  const labelColumn = options.labelColumn;
  if (window) {
    if (!options.labels) return null;
    if (!labelColumn)
      throw new InputError('--labels needs the label column: --label COL (or model.label in mlci.yml)');
    const table = await readLabels(options.labels, idColumn, labelColumn, {});
    const join = joinLabels(window.rows, table);
    const base: MonitorPerformance = {
      labels: { source: options.labels, label_column: labelColumn, id_column: idColumn },
      labelled_rows: join.rows.length,
      unlabelled_rows: join.unlabelled,
      unmatched_labels: join.unmatched,
      task: null,
      current: {},
      undefined_reasons: {},
      registered: version.metrics,
      gates: []
    };
    if (join.rows.length === 0)
      return { ...base, note: `no logged row of the window has a label in ${options.labels}` };
    const task = options.task ?? taskOfLog(window.rows);
    if (!task)
      throw new InputError('cannot tell the task from the log; pass --task binary|multiclass|regression');
    const classes = task === 'regression' ? null : modelClasses(await model());
    const predictions = predictionsFromLog(
      task,
      window.rows,
      join,
      classes,
      options.labels,
      options.threshold
    );
    const check = checkPerformance(predictions, version.metrics, options.gates, version.tag, minRows);
    return {
      ...base,
      task,
      current: check.current,
      undefined_reasons: check.undefined_reasons,
      gates: check.gates,
      ...(check.note ? { note: check.note } : {})
    };
  }
  if (!labelColumn || !validation) return null;
  if (!(labelColumn in validation.report.columns)) {
    if (options.labelOptional) return null;
    throw new InputError(
      `${options.data}: no label column "${labelColumn}" (has: ${Object.keys(validation.report.columns).join(', ')})`
    );
  }
  const file = await model();
  const task = options.task ?? taskOfModel(file);
  if (!task) throw new InputError(`${file.source}: cannot tell the task from its outputs; pass --task`);
  const scored = await scoreBatch({
    model: file,
    data: options.data!,
    label: labelColumn,
    task,
    features: options.features,
    threshold: options.threshold,
    source: { format: options.dataConfig?.format, delimiter: options.dataConfig?.delimiter }
  });
  const base: MonitorPerformance = {
    labels: { source: options.data!, label_column: labelColumn, id_column: null },
    labelled_rows: scored.predictions?.y.length ?? 0,
    unlabelled_rows: scored.unlabelled,
    unmatched_labels: null,
    task,
    current: {},
    undefined_reasons: {},
    registered: version.metrics,
    gates: []
  };
  if (!scored.predictions) return { ...base, note: `no row has a label in column "${labelColumn}"` };
  const check = checkPerformance(scored.predictions, version.metrics, options.gates, version.tag, minRows);
  return {
    ...base,
    current: check.current,
    undefined_reasons: check.undefined_reasons,
    gates: check.gates,
    ...(check.note ? { note: check.note } : {})
  };
}
