import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci validate-data`, `mlci schema infer` and `mlci stats merge`. */
export function registerValidateData(program: Command): void {
  const validate = program
    .command('validate-data')
    .summary('check data against a schema, find anomalies and drift against a reference')
    .description(
      'Profiles a data file (CSV, JSON Lines, Parquet, or a glob of shards), checks it against a schema, ' +
        'reports anomalies with TFDV-style codes and tests every column for drift against a reference ' +
        '(a data file or a stored statistics.json). Writes validation.json, statistics.json and validation.md. ' +
        'Exit 0 when nothing blocks, 1 on blocking anomalies or drift, 2 on bad input.'
    )
    .option('--data <file>', 'data to validate (file or glob)')
    .option('--reference <file>', 'reference data or statistics.json for drift')
    .option('--schema <file>', 'schema.json from `mlci schema infer`')
    .option('--label <column>', 'label column (its distribution is reported)')
    .option('--train <file>', 'training data, to detect train/test overlap (leakage)');
  withExamples(withCommonOptions(validate), [
    'mlci validate-data --data data/new.csv --reference data/train.csv --out out/validation',
    'mlci validate-data --data "shards/*.parquet" --reference stats/statistics.json --schema schema.json --json'
  ]);
  notAvailableYet(validate, 'validate-data');

  const schema = program.command('schema').description('infer a schema from data');
  const infer = schema
    .command('infer')
    .description(
      'Writes a JSON Schema (draft 2020-12) for one row, with per-column extras as TFDV infers them.'
    )
    .option('--data <file>', 'data to infer from')
    .option('--out <file>', 'where to write the schema', 'schema.json');
  withExamples(infer, ['mlci schema infer --data data/train.csv --out schema.json']);
  notAvailableYet(infer, 'schema infer');

  const stats = program.command('stats').description('work with statistics.json files');
  const merge = stats
    .command('merge')
    .description('Combines the statistics of shards (one per matrix job) into what one pass would give.')
    .argument('<files...>', 'statistics.json files of the shards')
    .option('--out <file>', 'where to write the merged statistics', 'statistics.json');
  withExamples(merge, ['mlci stats merge shard-*/statistics.json --out statistics.json']);
  notAvailableYet(merge, 'stats merge');
}
