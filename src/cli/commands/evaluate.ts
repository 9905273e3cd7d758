import { loadOptionalConfig } from '../../config/load.js';
import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import type { EvaluateFlags } from '../../stages/evaluate-options.js';
import { collect, handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

type EvaluateOptions = CommonOptions & EvaluateFlags;

/** `mlci evaluate`. */
export function registerEvaluate(program: Command): void {
  const evaluate = program
    .command('evaluate')
    .summary('score a candidate against the baseline model on the same data and gate it')
    .description(
      'Runs the candidate (and the baseline, when given) ONNX model on the same rows, computes ' +
        "scikit-learn's metrics, applies the gates of mlci.yml and writes evaluation.json and " +
        'evaluation.md. Works without mlci.yml. Exit 1 when a gate fails.\n\n' +
        'Baseline: --baseline FILE; else the registry alias (--alias, default production) of --name; ' +
        'else none, and the run passes as a rubber stamp (value gates still apply).'
    )
    .option('--model <file>', 'candidate model (ONNX)')
    .option('--baseline <file>', 'baseline model (ONNX); default: the registry production alias')
    .option('--data <file>', 'evaluation data')
    .option('--label <column>', 'label column')
    .option('--task <task>', 'binary, multiclass or regression')
    .option('--name <model>', 'model name in the registry (default: model.name of mlci.yml)')
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry when it exists)')
    .option('--alias <alias>', 'registry alias of the baseline (default production)')
    .option('--features <columns>', 'comma-separated feature columns, in the order of a [N, F] model input')
    .option(
      '--output <name>',
      'model output holding the class probabilities (default: "probabilities", else the float output whose values are probabilities)'
    )
    .option(
      '--threshold <p>',
      'binary decision threshold: positive when p(positive class: 1, else the greater label) > it (default: arg-max)'
    )
    .option('--slices <columns>', 'comma-separated columns whose values define slices')
    .option('--min-slice-size <rows>', 'smallest slice that gets metrics (default 30)')
    .option('--batch-size <rows>', 'rows per inference batch (default 8192)')
    .option(
      '--bootstrap <resamples>',
      'paired bootstrap resamples per gated change (default 1000; 0 disables)'
    )
    .option('--seed <n>', 'bootstrap seed (default 0)')
    .option('--confidence <c>', 'bootstrap interval confidence (default 0.95)')
    .option(
      '--gate <metric:kind=value>',
      'a gate, e.g. roc_auc:max_drop=0.01 (repeatable; adds to mlci.yml gates)',
      collect
    )
    .option('--validation <file>', "validate-data's validation.json, for the drift summary")
    .option('--predictions <file>', "also write every row's model outputs (both models) to this CSV");
  withExamples(withCommonOptions(evaluate), [
    'mlci evaluate --model model.onnx --data data/test.csv --label churned --task binary --out out/eval',
    'mlci evaluate --model new.onnx --baseline prod.onnx --data test.parquet --label y --task regression --json',
    'mlci evaluate --model new.onnx --baseline prod.onnx --data test.csv --label y --task binary --gate roc_auc:max_drop=0.01 --slices country'
  ]);
  evaluate.action(
    handle<EvaluateOptions>(async (options, context, command) => {
      // Loaded on use: other commands' start-up does not pay for the config validator or the report.
      const { buildEvaluateRequest } = await import('../../stages/evaluate-options.js');
      const { formatValue, headline } = await import('../../report/format.js');
      const config = await loadOptionalConfig(
        options.config,
        command.getOptionValueSource('config') === 'cli'
      );
      const request = await buildEvaluateRequest(options, config);
      const { evaluate: run } = await import('../../stages/evaluate.js');
      const result = await run({ ...request, progress: context.progress });
      const e = result.evaluation;
      const text = [
        headline(e.summary),
        ...Object.entries(e.deltas)
          .filter(([, d]) => d.candidate !== null || d.baseline !== null)
          .map(
            ([m, d]) =>
              `  ${m.padEnd(28)} ${e.baseline ? `${formatValue(d.baseline).padStart(12)} → ` : ''}${formatValue(d.candidate).padStart(12)}`
          ),
        ...result.files.map((f) => `wrote ${f}`)
      ].join('\n');
      printResult(options, e, text);
      return e.verdict === 'fail' ? ExitCode.CheckFailed : ExitCode.Pass;
    })
  );
}
