import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { MAX_DOMAIN, MIN_DOMAIN_COUNT } from '../../data/schema-domain.js';
import { handle, printResult, withExamples, type CommonOptions } from '../kit.js';
import { parseDelimiter, parseFormat } from './source-flags.js';

interface SchemaFlags extends CommonOptions {
  data?: string;
  label?: string;
  format?: string;
  delimiter?: string;
  ranges?: boolean;
}

/** `mlci schema infer`. */
export function registerSchema(program: Command): void {
  const schema = program.command('schema').description('infer a schema from data');
  const infer = schema
    .command('infer')
    .description(
      'Writes a JSON Schema (draft 2020-12) for one row, with per-column extras as TFDV infers them: type, ' +
        'nullability (x-mlci-min-present 1 where always present), a categorical domain (enum) when at most ' +
        `${MAX_DOMAIN} distinct values each seen in at least ${MIN_DOMAIN_COUNT} rows, else a string pattern. ` +
        'Observed ranges and lengths are recorded but not checked ' +
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
    handle<SchemaFlags>(async (options) => {
      if (!options.data) throw new InputError('--data is required');
      const { inferSchemaFile } = await import('../../stages/validate-data.js');
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
}
