import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci monitor`. */
export function registerMonitor(program: Command): void {
  const monitor = program
    .command('monitor')
    .summary('compare live data with the production model’s training data and trigger retraining')
    .option('--log <file>', 'prediction log of mlci serve')
    .option('--data <file>', 'a batch of production data');
  withExamples(withCommonOptions(monitor), ['mlci monitor --log .mlci/predictions.jsonl --out out/monitor']);
  notAvailableYet(monitor, 'monitor');
}
