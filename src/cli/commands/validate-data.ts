import { loadOptionalConfig } from '../../config/load.js';
import type { Command } from 'commander';
import type { ValidateDataFlags } from '../../stages/validate-data-request.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

type ValidateFlags = CommonOptions & ValidateDataFlags;

function explicitConfig(command: Command): boolean {
  return command.getOptionValueSource('config') === 'cli';
}

/** `mlci validate-data`. */
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
      const { validateData } = await import('../../stages/validate-data.js');
      const { buildValidateDataRequest } = await import('../../stages/validate-data-request.js');
      const config = await loadOptionalConfig(options.config, explicitConfig(command));
      const result = await validateData({ ...buildValidateDataRequest(options, config), progress });
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
}
