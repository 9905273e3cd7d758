import { loadOptionalConfig } from '../../config/load.js';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { parseMemoryLimit } from '../../data/engine.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface ValidateFlags extends CommonOptions {
  data?: string;
  reference?: string;
  schema?: string;
  label?: string;
  train?: string;
  format?: string;
  delimiter?: string;
  memoryLimit?: string;
  ranges?: boolean;
}

function explicitConfig(command: Command): boolean {
  return command.getOptionValueSource('config') === 'cli';
}

/** `mlci validate-data`, `mlci schema infer` and `mlci stats merge`. */
export function registerValidateData(program: Command): void {
  const validate = program
    .command('validate-data')
    .summary('check data against a schema, find anomalies and drift against a reference')
    .description(
      'Profiles a data file (CSV, JSON Lines, Parquet, or a glob of shards), checks it against a schema, ' +
        'reports anomalies with TFDV-style codes and tests every column for drift against a reference ' +
        '(a data file or a stored statistics.json). Writes validation.json, statistics.json and validation.md. ' +
        'Exit 0 when nothing blocks, 1 on blocking anomalies or drift, 2 on bad input.\n\n' +
        'Defaults come from the data: section of mlci.yml when it exists (data.eval or data.train, ' +
        'data.reference, data.schema, model.label).'
    )
    .option('--data <file>', 'data to validate (file or glob)')
    .option('--reference <file>', 'reference data or statistics.json for drift')
    .option('--schema <file>', 'schema.json from `mlci schema infer`')
    .option('--label <column>', 'label column (its distribution is reported)')
    .option('--train <file>', 'training data, to detect train/test overlap (leakage)')
    .option('--format <format>', 'csv, jsonl or parquet (default: from the extension)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected from the header)')
    .option(
      '--memory-limit <size>',
      'engine memory limit, e.g. 1GB (default: MLCI_MEMORY_LIMIT, else 500MB, 450MB with a raw reference); the engine spills to disk past it'
    );
  withExamples(withCommonOptions(validate), [
    'mlci validate-data --data data/new.csv --reference data/train.csv --out out/validation',
    'mlci validate-data --data "shards/*.parquet" --reference stats/statistics.json --schema schema.json --json',
    'mlci validate-data --data data/test.csv --train data/train.csv --label churned --out out/'
  ]);
  validate.action(
    handle<ValidateFlags>(async (options, { progress }, command) => {
      const { validateData } = await import('../../pipeline/validate-data.js');
      const config = await loadOptionalConfig(options.config, explicitConfig(command));
      const data = options.data ?? config?.data?.eval ?? config?.data?.train;
      if (!data) throw new InputError('--data is required (or set data.eval / data.train in mlci.yml)');
      const dataConfig = {
        ...config?.data,
        ...(options.format ? { format: parseFormat(options.format) } : {}),
        ...(options.delimiter ? { delimiter: parseDelimiter(options.delimiter) } : {})
      };
      const result = await validateData({
        data,
        reference: options.reference ?? config?.data?.reference,
        schema: options.schema ?? config?.data?.schema,
        label: options.label ?? config?.model?.label,
        task: config?.model?.task,
        // model.label of mlci.yml is a default: data without it (unlabelled new data) is still validated.
        labelOptional: options.label === undefined,
        train: options.train,
        out: options.out,
        config: dataConfig,
        progress,
        memoryLimit:
          options.memoryLimit === undefined
            ? undefined
            : parseMemoryLimit(options.memoryLimit, '--memory-limit')
      });
      const r = result.report;
      const text = [
        `validate-data: ${r.verdict.toUpperCase()} — ${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings` +
          (r.dataset_drift ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns` : ''),
        ...r.anomalies
          .slice(0, 20)
          .map(
            (a) =>
              `  ${a.severity === 'error' ? 'error  ' : 'warning'} ${a.code}${a.column ? ` [${a.column}]` : ''}: ${a.message}`
          ),
        ...(r.anomalies.length > 20 ? [`  … ${r.anomalies.length - 20} more in validation.json`] : []),
        ...(result.files.length > 0 ? [`wrote ${result.files.join(', ')}`] : [])
      ].join('\n');
      printResult(options, r, text);
      return result.exitCode;
    })
  );

  const schema = program.command('schema').description('infer a schema from data');
  const infer = schema
    .command('infer')
    .description(
      'Writes a JSON Schema (draft 2020-12) for one row, with per-column extras as TFDV infers them: type, ' +
        'nullability (x-mlci-min-present 1 where always present), a categorical domain (enum) when at most ' +
        '100 distinct values, else a string pattern. Observed ranges and lengths are recorded but not checked ' +
        '(x-mlci-observed-*), so held-out data of the same source passes; --ranges checks them (docs/schema.md). ' +
        'Commit it and edit it.'
    )
    .option('--data <file>', 'data to infer from')
    .option('--label <column>', 'label column (treated as categorical)')
    .option('--format <format>', 'csv, jsonl or parquet (default: from the extension)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected from the header)')
    .option('--ranges', 'check the observed numeric ranges and text lengths (fails data outside them)')
    .option('--json', 'print the schema on stdout')
    .option('--out <file>', 'where to write the schema', 'schema.json');
  withExamples(infer, [
    'mlci schema infer --data data/train.csv --out schema.json',
    'mlci schema infer --data "shards/*.parquet" --label churned --json'
  ]);
  infer.action(
    handle<ValidateFlags>(async (options) => {
      if (!options.data) throw new InputError('--data is required');
      const { inferSchemaFile } = await import('../../pipeline/validate-data.js');
      const schemaValue = await inferSchemaFile({
        data: options.data,
        out: options.out,
        label: options.label,
        ranges: options.ranges === true,
        config: {
          ...(options.format ? { format: parseFormat(options.format) } : {}),
          ...(options.delimiter ? { delimiter: parseDelimiter(options.delimiter) } : {})
        }
      });
      printResult(
        options,
        schemaValue,
        `wrote ${options.out} (${Object.keys(schemaValue.properties).length} columns)`
      );
    })
  );

  const stats = program.command('stats').description('work with statistics.json files');
  const merge = stats
    .command('merge')
    .description(
      'Combines the statistics of shards (one per matrix job) into what one pass would give: exact counts, ' +
        'sums, min/max, mean and variance, value counts and histograms over shared bins; quantiles and distinct ' +
        'counts of numeric columns from mergeable sketches with a stated error bound (see docs/sharded-validation.md).'
    )
    .argument('<files...>', 'statistics.json files of the shards')
    .option('--json', 'print the merged statistics on stdout')
    .option('--out <file>', 'where to write the merged statistics', 'statistics.json');
  withExamples(merge, ['mlci stats merge shard-*/statistics.json --out statistics.json']);
  merge.action(
    handle<CommonOptions>(async (options, _context, command) => {
      const { mergeStatisticsFiles } = await import('../../data/merge.js');
      const files = command.args;
      const merged = await mergeStatisticsFiles(files, options.out);
      printResult(options, merged, `merged ${files.length} files: ${merged.rows} rows → ${options.out}`);
    })
  );
}

function parseFormat(text: string): 'csv' | 'jsonl' | 'parquet' {
  if (text === 'csv' || text === 'jsonl' || text === 'parquet') return text;
  throw new InputError(`--format: got "${text}", expected csv, jsonl or parquet`);
}

function parseDelimiter(text: string): string {
  const d = text === '\\t' || text === 'tab' ? '\t' : text;
  if (d.length !== 1) throw new InputError(`--delimiter: got "${text}", expected one character (or \\t)`);
  return d;
}
