import { InputError } from '../../core/errors.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** What the register action was asked to do. */
export interface RegisterActionInputs {
  model: string;
  name?: string;
  evaluation?: string;
  statistics?: string;
  training?: string;
  registry: string;
  aliases?: string[];
  force: boolean;
  reason?: string;
  config: string;
  out: string;
}

/** Reads the action's inputs (MLCI_INPUT_*) into typed options. */
export function readRegisterInputs(): RegisterActionInputs {
  const aliasText = actionInput('aliases');
  const aliases = aliasText
    .split(/[,\n]/)
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
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
    aliases: aliasText === '' ? undefined : aliases,
    force,
    reason,
    config: actionInput('config', { fallback: 'mlci.yml' }),
    out: actionInput('out', { fallback: 'mlci-out/register' })
  };
}
