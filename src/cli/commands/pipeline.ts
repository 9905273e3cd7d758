import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import type { MlciConfig } from '../../config/types.js';
import { NotAvailableError } from '../../core/errors.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface PipelineOptions extends CommonOptions {
  dryRun?: boolean;
}

/** The stages mlci.yml configures, in pipeline order. */
export function plannedStages(config: MlciConfig): string[] {
  const stages: string[] = [];
  if (config.data?.train || config.data?.eval) stages.push('validate-data');
  if (config.train) stages.push('train');
  if (config.evaluate || config.data?.eval) stages.push('evaluate');
  if (config.register) stages.push('register');
  if (config.deploy) stages.push('deploy-canary');
  return stages;
}

/** `mlci pipeline`. */
export function registerPipeline(program: Command): void {
  const pipeline = program
    .command('pipeline')
    .summary('run the whole pipeline locally, as CI runs it')
    .description(
      'Runs validate-data → train → evaluate → register → deploy-canary as mlci.yml configures them, ' +
        'with the same code the GitHub Actions run. --dry-run checks mlci.yml and prints the plan.'
    )
    .option('--dry-run', 'check mlci.yml and print the stages without running them');
  withExamples(withCommonOptions(pipeline), ['mlci pipeline --dry-run', 'mlci pipeline --out out/']);
  pipeline.action(
    handle<PipelineOptions>(async (options) => {
      const config = await loadConfig(options.config ?? 'mlci.yml');
      const stages = plannedStages(config);
      if (!options.dryRun) throw new NotAvailableError('pipeline (use --dry-run to check mlci.yml)');
      printResult(
        options,
        { config: options.config, model: config.model, stages },
        `${options.config}: valid\nmodel ${config.model.name} (${config.model.task})\nstages: ${stages.join(' → ') || '(none configured)'}`
      );
    })
  );
}
