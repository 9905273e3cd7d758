// The validate-data stage: load data (and a reference), profile, check the schema, find anomalies and
// drift, decide the verdict and write validation.json, statistics.json and validation.md — only after
// everything that can fail on input has run. Both the CLI and the action call validateData().
import { readFile, realpath, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataConfig, Task } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { readInput, writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { analyse, type Reference } from '../data/analyse.js';
import { checkData } from '../data/check.js';
import { labelIn } from '../data/column-names.js';
import { openEngine, type Engine } from '../data/engine.js';
import { renderMarkdown, type ValidationReport } from '../data/report.js';
import { parseSchema, type RowSchema } from '../data/schema.js';
import { loadSource, type LoadedSource } from '../data/source.js';
import { isStatistics, type DatasetStatistics } from '../data/statistics.js';

/** Inputs of the validate-data stage. */
export interface ValidateDataOptions {
  data: string;
  /** A data file/glob or a statistics.json. */
  reference?: string;
  schema?: string;
  label?: string;
  /** The learning task: a regression label is drift-tested as a number, a class label as a category. */
  task?: Task;
  /** When set, a label the data lacks is ignored (a default from mlci.yml) instead of refused. */
  labelOptional?: boolean;
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
  return parseSchema(await readInput(path, 'schema', 'utf8'), path);
}

function columnNames(source: LoadedSource): string[] {
  return source.columns.map((c) => c.name);
}

/** The sources of one run, loaded: the data, a reference (table or statistics) and training data. */
interface Inputs {
  current: LoadedSource;
  reference?: Reference;
  train?: LoadedSource;
  /** The label, when the data has it. */
  label?: string;
}

/** Loads the data, a raw reference beside it and training data; laps name the reads' timings. */
async function loadInputs(
  engine: Engine,
  options: ValidateDataOptions,
  referencePath: string | undefined,
  storedReference: DatasetStatistics | undefined,
  lap: (name: string, ms?: number) => void
): Promise<Inputs> {
  const progress = options.progress ?? silentProgress;
  const sourceOptions = { format: options.config?.format, delimiter: options.config?.delimiter };
  // A raw reference is read at the same time as the data, on its own connection: each CSV read
  // alone leaves part of the cores idle (sniffing, the final merge of the table).
  const started = Date.now();
  const rawReference = referencePath && !storedReference ? referencePath : undefined;
  progress.start(`reading ${options.data}${rawReference ? ` and reference ${rawReference}` : ''}`);
  const referenceLoad = rawReference
    ? engine
        .connect()
        .then((c) => loadSource(c, rawReference, 'mlci_reference', sourceOptions))
        .then((source) => ({ source, ms: Date.now() - started }))
    : undefined;
  referenceLoad?.catch(() => undefined);
  const current = await loadSource(engine.db, options.data, 'mlci_current', sourceOptions, {
    rowHash: true
  }).catch(async (error: unknown) => {
    // The engine is closed after a failure: let the reference's read settle first.
    await referenceLoad?.catch(() => undefined);
    throw error;
  });
  lap('read_current');
  let reference: Reference | undefined;
  if (storedReference) reference = { kind: 'statistics', statistics: storedReference, path: referencePath! };
  else if (referenceLoad) {
    const { source, ms } = await referenceLoad;
    reference = { kind: 'table', source };
    lap('read_reference');
    lap('read_reference_total', ms);
  }
  const label = labelIn(options.data, columnNames(current), options.label, options.labelOptional);
  progress.finish(
    `${current.rows.toLocaleString('en-US')} rows × ${current.columns.length} columns` +
      (reference?.kind === 'table' ? `; reference ${reference.source.rows.toLocaleString('en-US')} rows` : '')
  );
  const train = options.train
    ? await loadSource(engine.db, options.train, 'mlci_train', sourceOptions)
    : undefined;
  return { current, reference, train, label };
}

/**
 * Writes statistics.json, validation.json, validation.md and the reference's statistics into `out`
 * (removing a stale reference-statistics.json when the run had no reference); returns the paths written.
 */
async function writeOutputs(
  out: string,
  stats: DatasetStatistics,
  report: ValidationReport,
  markdown: string,
  referenceStats: DatasetStatistics | undefined,
  referencePath: string | undefined
): Promise<string[]> {
  await writeJsonAtomic(join(out, 'statistics.json'), stats);
  await writeJsonAtomic(join(out, 'validation.json'), report);
  await writeFileAtomic(join(out, 'validation.md'), markdown);
  const files = [join(out, 'validation.json'), join(out, 'statistics.json'), join(out, 'validation.md')];
  // The reference's statistics (read from data, or the stored file) go beside validation.json for the
  // report's overlays; without a reference, one left by an earlier run would be drawn as this run's.
  const besideReference = join(out, 'reference-statistics.json');
  if (!referenceStats) await rm(besideReference, { force: true });
  else {
    // The pipeline downloads the stored reference to this very path: it is already in place.
    if (!(await sameFile(besideReference, referencePath)))
      await writeJsonAtomic(besideReference, referenceStats);
    files.push(besideReference);
  }
  return files;
}

/** Whether `path` and `other` name the same file (symbolic links followed); false without `other`. */
async function sameFile(path: string, other: string | undefined): Promise<boolean> {
  if (other === undefined) return false;
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(path)) === (await real(other));
}

/** Runs the validate-data stage. */
export async function validateData(options: ValidateDataOptions): Promise<ValidateDataResult> {
  const progress = options.progress ?? silentProgress;
  const config = options.config;
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string, ms?: number) => {
    if (ms !== undefined) return void (timings[name] = ms);
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const referencePath = options.reference;
  const storedReference = referencePath ? await readReference(referencePath) : undefined;
  const schema = options.schema ? await readSchema(options.schema) : undefined;
  const engine = await openEngine({
    memoryLimit: options.memoryLimit,
    sourcesReadTogether: referencePath && !storedReference ? 2 : 1
  });
  try {
    const { current, reference, train, label } = await loadInputs(
      engine,
      options,
      referencePath,
      storedReference,
      lap
    );
    progress.start('profiling and comparing columns');
    const { report, statistics, referenceStatistics, exitCode } = await checkData(
      engine,
      {
        current,
        dataPath: options.data,
        reference,
        referencePath,
        train,
        schema,
        schemaPath: options.schema,
        label,
        task: options.task,
        config
      },
      timings
    );
    progress.finish();
    const markdown = renderMarkdown(report, referenceStatistics ?? storedReference);
    const files = options.out
      ? await writeOutputs(
          options.out,
          statistics,
          report,
          markdown,
          referenceStatistics ?? storedReference,
          referencePath
        )
      : [];
    return { report, statistics, markdown, exitCode, files };
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
  return profiled(options, async (_engine, _current, stats) => {
    if (options.out) await writeJsonAtomic(options.out, stats);
    return stats;
  });
}

/** Opens an engine, loads and profiles `data` (no reference), hands the result to `use`, then closes. */
async function profiled<T>(
  options: { data: string; label?: string; config?: DataConfig; memoryLimit?: string },
  use: (engine: Engine, current: LoadedSource, stats: DatasetStatistics) => Promise<T>
): Promise<T> {
  const engine = await openEngine({ memoryLimit: options.memoryLimit });
  try {
    const current = await loadSource(
      engine.db,
      options.data,
      'mlci_current',
      { format: options.config?.format, delimiter: options.config?.delimiter },
      { rowHash: true }
    );
    const label = labelIn(options.data, columnNames(current), options.label);
    const { current: stats } = await analyse(engine, current, undefined, { label });
    return await use(engine, current, stats);
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
  /** Write observed ranges and lengths as checked limits (see InferOptions). */
  ranges?: boolean;
}): Promise<RowSchema> {
  const { inferSchema } = await import('../data/schema-infer.js');
  return profiled(options, async (engine, current, stats) => {
    const schema = await inferSchema(engine.db, current, stats, { ranges: options.ranges });
    if (options.out) await writeJsonAtomic(options.out, schema);
    return schema;
  });
}
