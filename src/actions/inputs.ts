import { parseBoolean } from '../config/parse.js';
import { InputError } from '../core/errors.js';

/**
 * Reads an action input. Composite actions pass inputs to their node step explicitly as
 * `MLCI_INPUT_<NAME>` (upper case, hyphens as underscores), since composite `run:` steps get no
 * `INPUT_*` variables and hyphenated names are not valid shell variables.
 */
export function actionInput(name: string, options: { required?: boolean; fallback?: string } = {}): string {
  const value = (process.env[inputVariable(name)] ?? '').trim();
  if (value === '' && options.required) {
    throw new InputError(`input "${name}" is required (set it under \`with:\` in the workflow step)`);
  }
  return value === '' ? (options.fallback ?? '') : value;
}

/** The variable an input arrives in: `MLCI_INPUT_<NAME>`, upper case, hyphens as underscores. */
export function inputVariable(name: string): string {
  return `MLCI_INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The request builders name what they reject by its command-line flag (`--min-slice-size`). Every
 * input of an mlci action arrives as its own variable (set, if empty, when the action declares it),
 * so a flag with such a variable is an input here and the message names it as the user wrote it.
 */
export function inActionTerms(message: string, env: NodeJS.ProcessEnv = process.env): string {
  return message.replace(/(?<![\w-])--([a-z][a-z0-9-]*)/g, (flag, name: string) =>
    inputVariable(name) in env ? `input "${name}"` : flag
  );
}

/** Reads a boolean action input (true or false, see parseBoolean); empty gives the fallback. */
export function actionBooleanInput(name: string, fallback = false): boolean {
  const value = actionInput(name);
  return value === '' ? fallback : (parseBoolean(value, `input "${name}"`) ?? fallback);
}
