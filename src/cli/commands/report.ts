import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { requireFile } from '../../core/files.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface ReportOptions extends CommonOptions {
  evaluation?: string;
  validation?: string;
  referenceStatistics?: string;
}

/** Reads a JSON input, failing with exit 2 and the file's name when it is missing or malformed. */
async function readJsonInput(path: string, what: string, mustHave: string): Promise<unknown> {
  await requireFile(path, what);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !(mustHave in json))
    throw new InputError(`${path}: does not look like ${what} (no "${mustHave}" field)`);
  return json;
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
        '--out defaults to the folder of the first input.'
    )
    .option('--evaluation <file>', 'evaluation.json from mlci evaluate')
    .option('--validation <file>', 'validation.json from mlci validate-data')
    .option(
      '--reference-statistics <file>',
      'statistics.json of the drift reference, to draw reference distributions validation.json does not carry'
    );
  withExamples(withCommonOptions(report, 'directory to write report.html into'), [
    'mlci report --evaluation out/evaluation.json --validation out/validation.json --out out/',
    'mlci report --validation out/validation/validation.json --reference-statistics stats/train-statistics.json'
  ]);
  report.action(
    handle<ReportOptions>(async (options, { progress }) => {
      if (!options.evaluation && !options.validation)
        throw new InputError('report needs --evaluation FILE, --validation FILE or both');
      const evaluation = options.evaluation
        ? await readJsonInput(options.evaluation, 'evaluation.json', 'candidate')
        : undefined;
      const validation = options.validation
        ? await readJsonInput(options.validation, 'validation.json', 'columns')
        : undefined;
      const referenceStatistics = options.referenceStatistics
        ? await readJsonInput(options.referenceStatistics, 'statistics.json', 'columns')
        : undefined;
      if (referenceStatistics && !validation)
        throw new InputError('--reference-statistics needs --validation: it only adds to the data section');
      const out = options.out ?? dirname((options.evaluation ?? options.validation) as string);
      // Vega loads lazily with the report module: other commands do not pay for it.
      const { writeReport } = await import('../../report/html/index.js');
      const result = await writeReport(
        {
          evaluation,
          validation,
          referenceStatistics,
          sources: {
            evaluation: options.evaluation,
            validation: options.validation,
            referenceStatistics: options.referenceStatistics
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
