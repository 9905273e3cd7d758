import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci evaluate`. */
export function registerEvaluate(program: Command): void {
  const evaluate = program
    .command('evaluate')
    .summary('score a candidate against the baseline model on the same data and gate it')
    .description(
      'Runs the candidate (and the baseline, when given) ONNX model on the same rows, computes ' +
        "scikit-learn's metrics, applies the gates of mlci.yml and writes evaluation.json and " +
        'evaluation.md. Works without mlci.yml. Exit 1 when a gate fails.'
    )
    .option('--model <file>', 'candidate model (ONNX)')
    .option('--baseline <file>', 'baseline model (ONNX); default: the registry production alias')
    .option('--data <file>', 'evaluation data')
    .option('--label <column>', 'label column')
    .option('--task <task>', 'binary, multiclass or regression');
  withExamples(withCommonOptions(evaluate), [
    'mlci evaluate --model model.onnx --data data/test.csv --label churned --task binary --out out/eval',
    'mlci evaluate --model new.onnx --baseline prod.onnx --data test.parquet --label y --task regression --json'
  ]);
  notAvailableYet(evaluate, 'evaluate');
}
