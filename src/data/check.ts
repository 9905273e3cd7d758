// Checks loaded data: profile (with a reference's drift inputs), schema or reference anomalies, row
// rules, leakage, per-column and dataset drift, and the verdict, as validation.json holds them. The
// validate-data stage calls it on files it loaded; the monitor on the rows of its window, in memory.
import type { ColumnConfig, DataConfig, Task } from '../config/types.js';
import { analyse, type Analysis, type Reference } from './analyse.js';
import {
  Anomalies,
  overlapFinding,
  referenceFindings,
  rowFindings,
  specialValueFindings,
  type Finding
} from './anomalies.js';
import {
  columnDriftMessage,
  columnDrifts,
  datasetDrift as decideDatasetDrift,
  datasetDriftMessage
} from './drift/decide.js';
import { DEFAULT_TESTS, SMALL_REFERENCE_ROWS } from './drift/catalog.js';
import { defaultThreshold, type ColumnDrift } from './drift/registry.js';
import type { Engine } from './engine.js';
import { sharedRows } from './overlap.js';
import type { DatasetDrift, ValidationReport } from './report.js';
import { validateAgainstSchema } from './schema-check.js';
import type { RowSchema } from './schema.js';
import type { LoadedSource } from './source.js';
import type { DatasetStatistics } from './statistics.js';

/** What checkData() looks at: the loaded data and what it is compared with. */
export interface CheckInputs {
  current: LoadedSource;
  /** How validation.json names the data (a file, or the log the rows came from). */
  dataPath: string;
  reference?: Reference;
  /** How validation.json names the reference. */
  referencePath?: string;
  /** Training data, for train/eval leakage. */
  train?: LoadedSource;
  schema?: RowSchema;
  /** How validation.json names the schema. */
  schemaPath?: string;
  /** The label, when the data has it. */
  label?: string;
  task?: Task;
  config?: DataConfig;
}

/** What checkData() finds. */
export interface CheckResult {
  report: ValidationReport;
  statistics: DatasetStatistics;
  /** Statistics of a reference read from data (not of a stored one). */
  referenceStatistics?: DatasetStatistics;
  /** 0 pass, 1 blocking anomalies or blocking drift. */
  exitCode: 0 | 1;
}

function stripHeavy(stats: DatasetStatistics): ValidationReport['columns'] {
  const out: ValidationReport['columns'] = {};
  for (const [name, s] of Object.entries(stats.columns)) {
    const { distribution: _d, hll: _h, values, ...rest } = s;
    out[name] = values && Object.keys(values).length <= 100 ? { ...rest, values } : rest;
  }
  return out;
}

/**
 * The entry of a column that could not be tested: no statistic, so it does not count as tested; the
 * test named is the one it would have had (its configured one, else Evidently's for a categorical
 * column of that many reference values, which has more than two categories when it is untested).
 */
function untestedDrift(note: string, referenceValues: number, column: ColumnConfig | undefined): ColumnDrift {
  const size = referenceValues <= SMALL_REFERENCE_ROWS ? 'small' : 'large';
  const test = column?.drift_test ?? DEFAULT_TESTS[size].categorical;
  const threshold = column?.drift_threshold ?? defaultThreshold(test);
  // Nothing was computed against a summary (a categorical test is exact or not run): no "≈" mark.
  return { test, statistic: null, p_value: null, threshold, drifted: false, exact: true, note };
}

/** Per-column drift, its anomalies and the dataset decision (nothing without a reference). */
function driftFindings(
  inputs: CheckInputs,
  analysis: Pick<Analysis, 'inputs' | 'untested' | 'current'>,
  found: Anomalies
): { drift: Record<string, ColumnDrift>; datasetDrift: DatasetDrift | null } {
  const reference = inputs.reference;
  if (!reference) return { drift: {}, datasetDrift: null };
  const config = inputs.config;
  const tested = columnDrifts(analysis.inputs, config?.columns);
  // In the data's column order, the untested columns among the others.
  const drift: Record<string, ColumnDrift> = {};
  for (const name of Object.keys(analysis.current.columns)) {
    const note = analysis.untested[name];
    if (tested[name]) drift[name] = tested[name];
    else if (note !== undefined) {
      const refColumn = reference.kind === 'statistics' ? reference.statistics.columns[name] : undefined;
      drift[name] = untestedDrift(note, refColumn?.present ?? 0, config?.columns?.[name]);
    }
  }
  for (const [name, d] of Object.entries(tested)) drift[name] ??= d;
  for (const [name, d] of Object.entries(drift)) {
    if (d.drifted) found.add({ code: 'drift', column: name, message: columnDriftMessage(name, d) });
  }
  const datasetDrift = decideDatasetDrift(drift, config?.drift);
  if (datasetDrift.drifted_dataset) {
    found.push({
      code: 'drift',
      severity: datasetDrift.blocking ? 'error' : 'warning',
      message: datasetDriftMessage(datasetDrift),
      count: datasetDrift.drifted
    });
  }
  return { drift, datasetDrift };
}

/** Profiles loaded data against its reference, schema and training data, and builds validation.json. */
export async function checkData(
  engine: Pick<Engine, 'db' | 'connect'>,
  inputs: CheckInputs,
  timings: Record<string, number> = {}
): Promise<CheckResult> {
  const { current, reference, train, schema, label, config } = inputs;
  let mark = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const analysis = await analyse(engine, current, reference, {
    label,
    task: inputs.task,
    ignoreDrift: config?.drift?.ignore
  });
  lap('profile_and_drift');
  for (const [part, ms] of Object.entries(analysis.timings)) timings[`profile.${part}`] = ms;
  const stats = analysis.current;
  const found = new Anomalies(config);
  const add = (a: Finding) => found.add(a);
  if (schema) {
    for (const v of await validateAgainstSchema(engine.db, current, stats, schema, inputs.schemaPath)) add(v);
  } else {
    const refColumns =
      reference?.kind === 'table' ? analysis.reference?.columns : reference?.statistics.columns;
    if (refColumns) referenceFindings(stats, refColumns, label).forEach(add);
    specialValueFindings(stats).forEach(add);
  }
  rowFindings(stats, config).forEach(add);
  const overlap = train ? await sharedRows(engine.db, current, train, label) : undefined;
  if (overlap) {
    const leakage = overlapFinding(overlap, config);
    found.add(leakage, leakage.severity);
  }
  lap('anomalies');
  const { drift, datasetDrift } = driftFindings(inputs, analysis, found);
  lap('drift_tests');
  const anomalies = found.list;
  const errors = found.errors();
  const report: ValidationReport = {
    format: 'mlci-validation',
    version: 1,
    verdict: errors > 0 ? 'fail' : 'pass',
    data: {
      path: inputs.dataPath,
      files: current.files.length,
      rows: current.rows,
      columns: current.columns.length
    },
    reference: reference
      ? {
          path: inputs.referencePath ?? (reference.kind === 'table' ? reference.source.path : reference.path),
          kind: reference.kind === 'table' ? 'data' : 'statistics',
          rows: reference.kind === 'table' ? reference.source.rows : reference.statistics.rows
        }
      : null,
    schema: inputs.schemaPath ?? null,
    summary: { errors, warnings: anomalies.length - errors },
    anomalies,
    drift,
    dataset_drift: datasetDrift,
    columns: stripHeavy(stats),
    timings_ms: timings
  };
  return {
    report,
    statistics: stats,
    referenceStatistics: analysis.reference,
    exitCode: errors > 0 ? 1 : 0
  };
}
