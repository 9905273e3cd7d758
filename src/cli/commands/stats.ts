import type { Command } from 'commander';
import { handle, printResult, withExamples, type CommonOptions } from '../kit.js';

/** `mlci stats merge`. */
export function registerStats(program: Command): void {
  const stats = program.command('stats').description('work with statistics.json files');
  const merge = stats
    .command('merge')
    .description(
      'Combines the statistics of shards (one per matrix job) into what one pass would give: exact counts, ' +
        'sums, min/max, mean and variance, value counts and histograms over shared bins; quantiles and distinct ' +
        'counts from mergeable sketches with a stated error bound. A column a shard lacks counts as missing there; ' +
        'malformed shards and a file given twice are refused (see docs/sharded-validation.md).'
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
