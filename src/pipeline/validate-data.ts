// The validate-data stage: load data (and a reference), profile, check the schema, find anomalies and
// drift, decide the verdict and write validation.json, statistics.json and validation.md — only after
// everything that can fail on input has run. Both the CLI and the action call validateData().
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnomalyCode, DataConfig, DriftTestName, Severity } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { analyse, type Reference } from '../data/analyse.js';
import { defaultTest, runDriftTest, type ColumnDrift } from '../data/drift/registry.js';
import { openEngine, sqlIdent, type Engine } from '../data/engine.js';
import { renderMarkdown, type Anomaly, type DatasetDrift, type ValidationReport } from '../data/report.js';
import { parseSchema, validateAgainstSchema, type RowSchema } from '../data/schema.js';
import { loadSource, type LoadedSource } from '../data/source.js';
import { isStatistics, type DatasetStatistics } from '../data/statistics.js';
import { DEFAULT_DRIFT_SHARE } from '../config/defaults.js';

/** Inputs of the validate-data stage. */
export interface ValidateDataOptions {
  data: string;
  /** A data file/glob or a statistics.json. */
  reference?: string;
  schema?: string;
  label?: string;
  /** Training data, to detect rows shared with `data` (leakage). */
  train?: string;
  /** Directory for validation.json, statistics.json and validation.md. */
  out?: string;
  config?: DataConfig;
  progress?: Progress;
  /** Engine memory limit, e.g. "500MB". */
  memoryLimit?: string;
}

/** What the stage returns. */
export interface ValidateDataResult {
  report: ValidationReport;
  statistics: DatasetStatistics;
  markdown: string;
  /** 0 pass, 1 blocking anomalies or blocking drift. */
  exitCode: 0 | 1;
  files: string[];
}

/** Severity of each code when mlci.yml says nothing. */
export const DEFAULT_SEVERITY: Record<AnomalyCode, Severity> = {
  missing_column: 'error',
  new_column: 'warning',
  type_mismatch: 'error',
  out_of_domain: 'error',
  out_of_range: 'error',
  unexpected_nulls: 'error',
  nan_values: 'warning',
  inf_values: 'warning',
  too_few_rows: 'error',
  duplicate_share: 'warning',
  train_test_overlap: 'warning',
  drift: 'warning'
};

/** Default largest share of duplicate rows before `duplicate_share` is reported. */
export const DEFAULT_MAX_DUPLICATE_SHARE = 0.05;

function severityOf(config: DataConfig | undefined, code: AnomalyCode, column?: string): Severity {
  const perColumn = column ? config?.columns?.[column]?.severity?.[code] : undefined;
  return perColumn ?? config?.severity?.[code] ?? DEFAULT_SEVERITY[code];
}

async function readReference(path: string): Promise<DatasetStatistics | undefined> {
  if (!/\.json$/i.test(path) || /\.(jsonl|ndjson)$/i.test(path)) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`reference not found: ${path}`);
    if (code === 'EISDIR')
      throw new InputError(`${path} is a directory; pass a data file, a glob or a statistics.json`);
    throw new InputError(`${path}: cannot be read (${code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // not a single JSON document: read it as JSON Lines data
  }
  if (!isStatistics(value)) {
    throw new InputError(
      `${path}: a JSON file but not mlci statistics (expected "format": "mlci-statistics", as validate-data writes)`
    );
  }
  return value;
}

async function readSchema(path: string): Promise<RowSchema> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `schema not found: ${path}` : `${path}: cannot be read (${code})`
    );
  }
  return parseSchema(text, path);
}

async function overlap(
  engine: Engine,
  current: LoadedSource,
  train: LoadedSource,
  label?: string
): Promise<Anomaly | undefined> {
  const trainCols = new Set(train.columns.map((c) => c.name));
  const shared = current.columns.map((c) => c.name).filter((c) => trainCols.has(c) && c !== label);
  if (shared.length === 0) return undefined;
  const cols = shared.map(sqlIdent).join(', ');
  const rows = (
    await engine.db.runAndReadAll(
      `SELECT count(*) FROM ${sqlIdent(current.table)} WHERE hash(${cols}) IN (SELECT hash(${cols}) FROM ${sqlIdent(train.table)})`
    )
  ).getRows();
  const n = Number(rows[0][0]);
  if (n === 0) return undefined;
  return {
    code: 'train_test_overlap',
    severity: 'warning',
    message: `${n} of ${current.rows} rows (${((n / current.rows) * 100).toFixed(2)} %) also occur in the training data ${train.path} (compared on ${shared.length} columns${label ? `, label "${label}" excluded` : ''})`,
    count: n
  };
}

function stripHeavy(stats: DatasetStatistics): ValidationReport['columns'] {
  const out: ValidationReport['columns'] = {};
  for (const [name, s] of Object.entries(stats.columns)) {
    const { distribution: _d, hll: _h, values, ...rest } = s;
    out[name] = values && Object.keys(values).length <= 100 ? { ...rest, values } : rest;
  }
  return out;
}

/** Runs the validate-data stage. */
export async function validateData(options: ValidateDataOptions): Promise<ValidateDataResult> {
  const progress = options.progress ?? silentProgress;
  const config = options.config;
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const storedReference = options.reference ? await readReference(options.reference) : undefined;
  const schema = options.schema ? await readSchema(options.schema) : undefined;
  const engine = await openEngine({
    memoryLimit: options.memoryLimit,
    sourcesReadTogether: options.reference && !storedReference ? 2 : 1
  });
  try {
    const sourceOptions = { format: config?.format, delimiter: config?.delimiter };
    // A raw reference is read at the same time as the data, on its own connection: each CSV read
    // alone leaves part of the cores idle (sniffing, the final merge of the table).
    const started = Date.now();
    const rawReference = options.reference && !storedReference ? options.reference : undefined;
    progress.start(`reading ${options.data}${rawReference ? ` and reference ${rawReference}` : ''}`);
    const referenceLoad = rawReference
      ? engine
          .connect()
          .then((c) => loadSource(c, rawReference, 'mlci_reference', sourceOptions))
          .then((source) => ({ source, ms: Date.now() - started }))
      : undefined;
    referenceLoad?.catch(() => undefined);
    const current = await loadSource(engine.db, options.data, 'mlci_current', sourceOptions).catch(
      async (error: unknown) => {
        // The engine is closed after a failure: let the reference's read settle first.
        await referenceLoad?.catch(() => undefined);
        throw error;
      }
    );
    lap('read_current');
    let reference: Reference | undefined;
    if (storedReference)
      reference = { kind: 'statistics', statistics: storedReference, path: options.reference! };
    else if (referenceLoad) {
      const { source, ms } = await referenceLoad;
      reference = { kind: 'table', source };
      lap('read_reference');
      timings.read_reference_total = ms;
    }
    progress.finish(
      `${current.rows.toLocaleString('en-US')} rows × ${current.columns.length} columns` +
        (reference?.kind === 'table'
          ? `; reference ${reference.source.rows.toLocaleString('en-US')} rows`
          : '')
    );
    const train = options.train
      ? await loadSource(engine.db, options.train, 'mlci_train', sourceOptions)
      : undefined;

    progress.start('profiling and comparing columns');
    const analysis = await analyse(engine, current, reference, {
      label: options.label,
      ignoreDrift: config?.drift?.ignore
    });
    progress.finish();
    lap('profile_and_drift');
    for (const [part, ms] of Object.entries(analysis.timings)) timings[`profile.${part}`] = ms;
    const stats = analysis.current;

    const anomalies: Anomaly[] = [];
    const add = (a: Omit<Anomaly, 'severity'>) => {
      const severity = severityOf(config, a.code, a.column);
      if (severity !== 'off') anomalies.push({ ...a, severity });
    };
    if (schema) {
      for (const v of await validateAgainstSchema(engine.db, current, stats, schema)) add(v);
    } else {
      const refColumns = reference?.kind === 'table' ? analysis.reference?.columns : storedReference?.columns;
      if (refColumns) {
        for (const name of Object.keys(refColumns)) {
          if (!stats.columns[name])
            add({
              code: 'missing_column',
              column: name,
              message: `column "${name}" is in the reference but missing`
            });
        }
        for (const [name, s] of Object.entries(stats.columns)) {
          const r = refColumns[name];
          if (!r)
            add({ code: 'new_column', column: name, message: `column "${name}" is not in the reference` });
          else if (r.kind !== s.kind && !(options.label === name)) {
            add({
              code: 'type_mismatch',
              column: name,
              message: `column "${name}" is ${s.kind} (${s.type}) here but ${r.kind} (${r.type}) in the reference`
            });
          }
        }
      }
      for (const [name, s] of Object.entries(stats.columns)) {
        if ((s.nan ?? 0) > 0)
          add({
            code: 'nan_values',
            column: name,
            message: `column "${name}" has ${s.nan} NaN values`,
            count: s.nan
          });
        const infs = (s.pos_inf ?? 0) + (s.neg_inf ?? 0);
        if (infs > 0)
          add({
            code: 'inf_values',
            column: name,
            message: `column "${name}" has ${infs} infinite values`,
            count: infs
          });
      }
    }
    if (config?.min_rows !== undefined && stats.rows < config.min_rows) {
      add({
        code: 'too_few_rows',
        message: `${stats.rows} rows, mlci.yml expects at least ${config.min_rows}`,
        count: stats.rows
      });
    }
    const maxDup = config?.max_duplicate_share ?? DEFAULT_MAX_DUPLICATE_SHARE;
    if (stats.rows > 0 && stats.duplicate_rows / stats.rows > maxDup) {
      add({
        code: 'duplicate_share',
        message: `${stats.duplicate_rows} duplicate rows (${((stats.duplicate_rows / stats.rows) * 100).toFixed(2)} %), more than ${(maxDup * 100).toFixed(2)} %`,
        count: stats.duplicate_rows
      });
    }
    if (train) {
      const a = await overlap(engine, current, train, options.label);
      if (a) add(a);
    }
    lap('anomalies');

    const drift: Record<string, ColumnDrift> = {};
    let datasetDrift: DatasetDrift | null = null;
    if (reference) {
      for (const [name, input] of Object.entries(analysis.inputs)) {
        const col = config?.columns?.[name];
        const test: DriftTestName = col?.drift_test ?? defaultTest(input);
        drift[name] = runDriftTest(test, input, col?.drift_threshold);
        if (drift[name].drifted) {
          const d = drift[name];
          add({
            code: 'drift',
            column: name,
            message: `column "${name}" drifted: ${d.test} ${d.p_value !== null ? `p = ${d.p_value.toPrecision(3)}` : `= ${d.statistic?.toPrecision(3)}`} (threshold ${d.threshold})`
          });
        }
      }
      const tested = Object.values(drift).filter((d) => d.statistic !== null || d.p_value !== null).length;
      const drifted = Object.values(drift).filter((d) => d.drifted).length;
      const threshold = config?.drift?.share ?? DEFAULT_DRIFT_SHARE;
      const share = tested > 0 ? drifted / tested : 0;
      const blocking = config?.drift?.blocking ?? false;
      datasetDrift = {
        tested,
        drifted,
        share,
        threshold,
        drifted_dataset: tested > 0 && share >= threshold,
        blocking
      };
      if (datasetDrift.drifted_dataset) {
        anomalies.push({
          code: 'drift',
          severity: blocking ? 'error' : 'warning',
          message: `dataset drift: ${drifted} of ${tested} columns drifted (${(share * 100).toFixed(0)} % ≥ ${(threshold * 100).toFixed(0)} %)`,
          count: drifted
        });
      }
    }
    lap('drift_tests');
    const errors = anomalies.filter((a) => a.severity === 'error').length;
    const report: ValidationReport = {
      format: 'mlci-validation',
      version: 1,
      verdict: errors > 0 ? 'fail' : 'pass',
      data: {
        path: options.data,
        files: current.files.length,
        rows: current.rows,
        columns: current.columns.length
      },
      reference: reference
        ? {
            path: options.reference!,
            kind: reference.kind === 'table' ? 'data' : 'statistics',
            rows: reference.kind === 'table' ? reference.source.rows : reference.statistics.rows
          }
        : null,
      schema: options.schema ?? null,
      summary: { errors, warnings: anomalies.length - errors },
      anomalies,
      drift,
      dataset_drift: datasetDrift,
      columns: stripHeavy(stats),
      timings_ms: timings
    };
    const referenceStats = analysis.reference ?? storedReference;
    const markdown = renderMarkdown(report, referenceStats);
    const files: string[] = [];
    if (options.out) {
      const out = options.out;
      await writeJsonAtomic(join(out, 'statistics.json'), stats);
      await writeJsonAtomic(join(out, 'validation.json'), report);
      await writeFileAtomic(join(out, 'validation.md'), markdown);
      files.push(join(out, 'validation.json'), join(out, 'statistics.json'), join(out, 'validation.md'));
    }
    return { report, statistics: stats, markdown, exitCode: errors > 0 ? 1 : 0, files };
  } finally {
    engine.close();
  }
}

/** Profiles data and writes its statistics.json only (a shard of a sharded run, or a stored reference). */
export async function profileData(options: {
  data: string;
  label?: string;
  out?: string;
  config?: DataConfig;
  memoryLimit?: string;
}): Promise<DatasetStatistics> {
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  try {
    const current = await loadSource(engine.db, options.data, 'mlci_current', {
      format: options.config?.format,
      delimiter: options.config?.delimiter
    });
    const { current: stats } = await analyse(engine, current, undefined, { label: options.label });
    if (options.out) await writeJsonAtomic(options.out, stats);
    return stats;
  } finally {
    engine.close();
  }
}

/** Infers a row schema from data and writes it to `out` (JSON Schema draft 2020-12). */
export async function inferSchemaFile(options: {
  data: string;
  out?: string;
  label?: string;
  config?: DataConfig;
  memoryLimit?: string;
}): Promise<RowSchema> {
  const { inferSchema } = await import('../data/schema.js');
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  try {
    const current = await loadSource(engine.db, options.data, 'mlci_current', {
      format: options.config?.format,
      delimiter: options.config?.delimiter
    });
    const { current: stats } = await analyse(engine, current, undefined, { label: options.label });
    const schema = await inferSchema(engine.db, current, stats);
    if (options.out) await writeJsonAtomic(options.out, schema);
    return schema;
  } finally {
    engine.close();
  }
}
