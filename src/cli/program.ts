import { Command } from 'commander';
import { MLCI_VERSION } from '../core/version.js';
import { registerDeployCanary } from './commands/deploy-canary.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerInit } from './commands/init.js';
import { registerLoadTest } from './commands/loadtest.js';
import { registerMonitor } from './commands/monitor.js';
import { registerPipeline } from './commands/pipeline.js';
import { registerRegister } from './commands/register.js';
import { registerRegistry } from './commands/registry.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerTrain } from './commands/train.js';
import { registerValidateData } from './commands/validate-data.js';

/** Builds the mlci command tree. */
export function buildProgram(): Command {
  const program = new Command('mlci')
    .version(MLCI_VERSION)
    .description(
      'ML CI/CD on GitHub Actions and on your laptop: validate data, train reproducibly, evaluate ' +
        'against production, register versions and roll them out as canaries.\n\n' +
        'Exit codes: 0 pass · 1 a check ran and failed · 2 usage or input error.'
    )
    .showSuggestionAfterError(true)
    // `mlci deploy-canary --version v3`: --version after a subcommand belongs to the subcommand.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`mlci: ${text.replace(/^error: /, '')}`) });
  registerInit(program);
  registerValidateData(program);
  registerSchema(program);
  registerStats(program);
  registerTrain(program);
  registerEvaluate(program);
  registerRegister(program);
  registerRegistry(program);
  registerServe(program);
  registerLoadTest(program);
  registerDeployCanary(program);
  registerPipeline(program);
  registerMonitor(program);
  registerReport(program);
  program.addHelpText(
    'after',
    '\nGet started:\n  $ mlci init --name churn\n  $ mlci validate-data --data data/train.csv --out out/\n  $ mlci pipeline\n'
  );
  applyToAll(program, (command) => command.exitOverride());
  return program;
}

function applyToAll(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyToAll(sub, apply);
}
