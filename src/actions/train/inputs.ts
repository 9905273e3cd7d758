import { InputError } from '../../core/errors.js';
import { configFileOr } from '../../config/default-file.js';
import { parseParams } from '../../train/params.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** What the train action was asked to do. */
export interface TrainActionInputs {
  config: string;
  command?: string;
  /** `key=value` overrides of the `set` input, read as the root action's `params` (parseParams). */
  set: string[];
  /** As given; the request builder checks it like the --seed flag. */
  seed?: string;
  timeout?: string;
  force: boolean;
  /** false: neither restore nor store runs (the action's actions/cache steps are skipped too). */
  cache: boolean;
  checkReproducible: boolean;
  productionModel?: string;
  out: string;
  /** `cache-key` computes the key for actions/cache; `train` trains. Set by the action's steps, not by users. */
  phase: 'cache-key' | 'train';
}

/** Reads the action's inputs (MLCI_INPUT_*) into typed options. */
export function readTrainInputs(env: NodeJS.ProcessEnv = process.env): TrainActionInputs {
  const phase = (env.MLCI_TRAIN_PHASE ?? 'train').trim();
  if (phase !== 'cache-key' && phase !== 'train')
    throw new InputError(`MLCI_TRAIN_PHASE: got "${phase}", expected cache-key or train`);
  return {
    config: configFileOr(actionInput('config')),
    command: actionInput('command') || undefined,
    set: parseParams(actionInput('set'), 'input "set"'),
    seed: actionInput('seed') || undefined,
    timeout: actionInput('timeout') || undefined,
    force: actionBooleanInput('force', false),
    cache: actionBooleanInput('cache', true),
    checkReproducible: actionBooleanInput('check-reproducible', false),
    productionModel: actionInput('production-model') || undefined,
    out: actionInput('out', { fallback: 'mlci-out/train' }),
    phase
  };
}
