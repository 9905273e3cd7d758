import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci pipeline`, `mlci monitor` and `mlci report`. */
export function registerPipeline(program: Command): void {
  const pipeline = program
    .command('pipeline')
    .summary('run the whole pipeline locally, as CI runs it')
    .description('validate-data → train → evaluate → register → deploy-canary, from mlci.yml.');
  withExamples(withCommonOptions(pipeline), ['mlci pipeline --out out/']);
  notAvailableYet(pipeline, 'pipeline');

  const monitor = program
    .command('monitor')
    .summary('compare live data with the production model’s training data and trigger retraining')
    .option('--log <file>', 'prediction log of mlci serve')
    .option('--data <file>', 'a batch of production data');
  withExamples(withCommonOptions(monitor), ['mlci monitor --log .mlci/predictions.jsonl --out out/monitor']);
  notAvailableYet(monitor, 'monitor');

  const report = program
    .command('report')
    .summary('build a self-contained report.html from evaluation.json and validation.json')
    .option('--evaluation <file>', 'evaluation.json')
    .option('--validation <file>', 'validation.json');
  withExamples(withCommonOptions(report), ['mlci report --evaluation out/evaluation.json --out out/']);
  notAvailableYet(report, 'report');
}
