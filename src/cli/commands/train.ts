import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci train`. */
export function registerTrain(program: Command): void {
  const train = program
    .command('train')
    .summary('run the training command reproducibly and record its lineage')
    .description(
      'Runs the training command of mlci.yml (any language) with a fixed seed, captures its output, ' +
        'timings and reported losses, checks the ONNX model it writes, and records training.json ' +
        '(commit, params, data hashes, runtime). A content-addressed cache skips retraining when nothing ' +
        'changed. Exit 1 when a check fails (no model, rising or NaN loss, signature mismatch).'
    )
    .option('--command <cmd>', 'training command (overrides train.command)')
    .option('--set <key=value...>', 'override a param')
    .option('--seed <n>', 'seed exported as MLCI_SEED and PYTHONHASHSEED')
    .option('--force', 'retrain even on a cache hit')
    .option('--check-reproducible', 'train twice and compare the models');
  withExamples(withCommonOptions(train), [
    'mlci train --out out/train',
    'mlci train --set learning_rate=0.05 --set epochs=20 --force',
    'mlci train --check-reproducible'
  ]);
  notAvailableYet(train, 'train');
}
