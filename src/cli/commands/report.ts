import { dirname } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { readJsonInput, readValidationFiles } from '../../report/html/files.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface ReportOptions extends CommonOptions {
  evaluation?: string;
  validation?: string;
  referenceStatistics?: string;
  loadtest?: string;
}

/** `mlci report`: builds report.html from evaluation.json and/or validation.json. */
export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .summary('build a self-contained report.html from evaluation.json and validation.json')
    .description(
      'Builds one self-contained HTML file (no network needed to view it) with the verdict, the metric ' +
        'table against the baseline, ROC and precision–recall curves, calibration, confusion matrices, ' +
        'per-slice bars and every column’s reference vs current distribution with its drift test. ' +
        'Either input may be left out; the parts it would fill say "not available". ' +
        'The reference distributions come from reference-statistics.json beside validation.json ' +
        '(validate-data writes it whenever the run had a reference) unless --reference-statistics names another file. ' +
        '--out defaults to the folder of the first input.'
    )
    .option('--evaluation <file>', 'evaluation.json from mlci evaluate')
    .option('--validation <file>', 'validation.json from mlci validate-data')
    .option('--loadtest <file>', 'loadtest.json from mlci loadtest or deploy-canary (latency-vs-rate chart)')
    .option(
      '--reference-statistics <file>',
      'statistics.json of the drift reference (default: reference-statistics.json beside validation.json)'
    );
  withExamples(withCommonOptions(report, 'directory to write report.html into'), [
    'mlci report --evaluation out/evaluation.json --validation out/validation.json --out out/',
    'mlci report --validation out/validation/validation.json --reference-statistics stats/train-statistics.json'
  ]);
  report.action(
    handle<ReportOptions>(async (options, { progress }) => {
      if (!options.evaluation && !options.validation && !options.loadtest)
        throw new InputError('report needs --evaluation FILE, --validation FILE or --loadtest FILE');
      const evaluation = options.evaluation
        ? await readJsonInput(options.evaluation, 'evaluation.json', 'candidate')
        : undefined;
      if (options.referenceStatistics && !options.validation)
        throw new InputError('--reference-statistics needs --validation: it only adds to the data section');
      const files = options.validation
        ? await readValidationFiles(options.validation, options.referenceStatistics)
        : undefined;
      const loadtest = options.loadtest
        ? await readJsonInput(options.loadtest, 'loadtest.json', 'points')
        : undefined;
      const out =
        options.out ?? dirname((options.evaluation ?? options.validation ?? options.loadtest) as string);
      // Vega loads lazily with the report module: other commands do not pay for it.
      const { writeReport } = await import('../../report/html/index.js');
      const result = await writeReport(
        {
          evaluation,
          validation: files?.validation,
          referenceStatistics: files?.referenceStatistics,
          currentStatistics: files?.currentStatistics,
          loadtest,
          sources: {
            evaluation: options.evaluation,
            validation: options.validation,
            referenceStatistics: files?.referenceStatisticsPath,
            currentStatistics: files?.currentStatisticsPath,
            loadtest: options.loadtest
          },
          progress
        },
        out
      );
      const kib = (result.bytes / 1024).toFixed(0);
      const missing =
        result.unavailable.length > 0 ? `\nnot available: ${result.unavailable.join(', ')}` : '';
      printResult(
        options,
        { path: result.path, bytes: result.bytes, charts: result.charts, unavailable: result.unavailable },
        `wrote ${result.path} (${kib} KiB, ${result.charts} charts)${missing}`
      );
    })
  );
}
