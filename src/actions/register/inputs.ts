import { InputError } from '../../core/errors.js';
import { configFileOr } from '../../config/default-file.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** What the register action was asked to do. */
export interface RegisterActionInputs {
  model: string;
  name?: string;
  evaluation?: string;
  statistics?: string;
  training?: string;
  registry: string;
  /** Aliases separated by commas or new lines; empty: register.aliases of mlci.yml. */
  aliases?: string;
  force: boolean;
  reason?: string;
  config: string;
  out: string;
}

/** Reads the action's inputs (MLCI_INPUT_*) into typed options. */
export function readRegisterInputs(): RegisterActionInputs {
  const force = actionBooleanInput('force', false);
  const reason = actionInput('reason') || undefined;
  if (force && !reason)
    throw new InputError('input "force" is true but "reason" is empty: say why (it is recorded)');
  return {
    model: actionInput('model', { required: true }),
    name: actionInput('name') || undefined,
    evaluation: actionInput('evaluation') || undefined,
    statistics: actionInput('statistics') || undefined,
    training: actionInput('training-record') || undefined,
    registry: actionInput('registry', { fallback: 'github' }),
    aliases: actionInput('aliases') || undefined,
    force,
    reason,
    config: configFileOr(actionInput('config')),
    out: actionInput('out', { fallback: 'mlci-out/register' })
  };
}
