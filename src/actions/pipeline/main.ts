import { loadConfig } from '../../config/load.js';
import { NotAvailableError, describeError, MlciError } from '../../core/errors.js';
import { actionInput } from '../inputs.js';
import { actionsCore, logLine } from '../toolkit.js';

/** The root action: runs the stages that mlci.yml configures. */
export async function run(): Promise<void> {
  try {
    const configPath = actionInput('config', { fallback: 'mlci.yml' });
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    throw new NotAvailableError('the whole-pipeline action');
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
