import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { configFileOr } from '../../config/default-file.js';
import { plannedStages, STAGES } from '../../stages/pipeline.js';
import { collect, handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface PipelineOptions extends CommonOptions {
  dryRun?: boolean;
  until?: string;
  skip?: string;
  registry?: string;
  set?: string[];
  seed?: string;
  force?: boolean;
}

/** `mlci pipeline`. */
export function registerPipeline(program: Command): void {
  const pipeline = program
    .command('pipeline')
    .summary('run the whole pipeline locally, as CI runs it')
    .description(
      'Runs validate-data → train → evaluate → register → deploy-canary as mlci.yml configures them, ' +
        'with the same code the GitHub Actions run. Each stage writes into its own folder under --out ' +
        '(default .mlci/pipeline); pipeline.json and pipeline.md sum the run up. A failing stage stops ' +
        'the run (exit 1); bad input exits 2.\n\n' +
        'The training data is checked for drift against the statistics stored with the production ' +
        'version (else data.reference); the candidate is evaluated against production (a rubber stamp ' +
        'when there is none); a first version becomes production directly, later ones go through the canary.\n\n' +
        'A pull request runs --until evaluate; the main branch runs everything.'
    )
    .option('--dry-run', 'check mlci.yml and print the stages without running them')
    .option('--until <stage>', `last stage to run (${STAGES.join(', ')})`)
    .option('--skip <stages>', 'comma-separated stages not to run')
    .option(
      '--registry <dir>',
      'registry directory or "github" (default: register.registry, else .mlci/registry)'
    )
    .option('--set <key=value>', 'training parameter override (repeatable)', collect)
    .option('--seed <n>', 'training seed (default train.seed)')
    .option('--force', 'retrain even when the training cache holds the model');
  withExamples(withCommonOptions(pipeline, 'folder for every output (default .mlci/pipeline)'), [
    'mlci pipeline --dry-run',
    'mlci pipeline --until evaluate --out out/pr',
    'mlci pipeline --out out/main',
    'mlci pipeline --skip deploy-canary --set learning_rate=0.05 --json'
  ]);
  pipeline.action(
    handle<PipelineOptions>(async (options, { progress }) => {
      const configPath = configFileOr(options.config);
      const config = await loadConfig(configPath);
      const { buildPipelineRequest } = await import('../../stages/pipeline-request.js');
      const request = buildPipelineRequest(options, config, configPath);
      const { until, skip } = request;
      if (options.dryRun) {
        const stages = plannedStages(config).filter(
          (s) => !skip?.includes(s) && (!until || STAGES.indexOf(s) <= STAGES.indexOf(until))
        );
        printResult(
          options,
          { config: configPath, model: config.model, stages },
          `${configPath}: valid\nmodel ${config.model.name} (${config.model.task})\nstages: ${stages.join(' → ') || '(none configured)'}`
        );
        return 0;
      }
      const { runPipeline } = await import('../../stages/pipeline.js');
      const result = await runPipeline({
        ...request,
        progress,
        onOutput: (text) => process.stderr.write(text)
      });
      const text = [
        `mlci pipeline: ${result.verdict.toUpperCase()} in ${result.seconds} s`,
        ...result.stages.map((s) => `  ${s.stage.padEnd(14)} ${s.status.padEnd(8)} ${s.summary}`),
        `  production: ${result.production === null ? 'none' : `v${result.production}`}`
      ].join('\n');
      printResult(options, { ...result, evaluationMarkdown: undefined }, text);
      return result.exitCode;
    })
  );
}
