import { parseDelimiter, parseFormat } from '../config/parse.js';
import type { MlciConfig } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { parseMemoryLimit } from '../data/engine.js';
import { built } from './request-hook.js';
import type { ValidateDataOptions } from './validate-data.js';

/** validate-data's settings as text, the way the CLI flags and the action inputs give them. */
export interface ValidateDataFlags {
  data?: string;
  reference?: string;
  schema?: string;
  label?: string;
  train?: string;
  format?: string;
  delimiter?: string;
  memoryLimit?: string;
  out?: string;
}

/**
 * Lays flags over mlci.yml (data.eval, else data.train; data.reference, data.schema, model.label and
 * model.task) into one validate-data request, validated; errors name the flag. A label that comes
 * only from mlci.yml is a default: data without it (unlabelled new data) is still validated.
 */
export function buildValidateDataRequest(
  flags: ValidateDataFlags,
  config: MlciConfig | null
): Omit<ValidateDataOptions, 'progress'> {
  const data = flags.data ?? config?.data?.eval ?? config?.data?.train;
  if (!data) throw new InputError('--data is required (or set data.eval / data.train in mlci.yml)');
  const source = {
    ...config?.data,
    ...(flags.format !== undefined ? { format: parseFormat(flags.format, '--format') } : {}),
    ...(flags.delimiter !== undefined ? { delimiter: parseDelimiter(flags.delimiter, '--delimiter') } : {})
  };
  return built('validate-data', {
    data,
    reference: flags.reference ?? config?.data?.reference,
    schema: flags.schema ?? config?.data?.schema,
    label: flags.label ?? config?.model?.label,
    task: config?.model?.task,
    labelOptional: flags.label === undefined,
    train: flags.train,
    out: flags.out,
    config: source,
    memoryLimit:
      flags.memoryLimit === undefined ? undefined : parseMemoryLimit(flags.memoryLimit, '--memory-limit')
  });
}
