import { InputError } from '../core/errors.js';

/**
 * Reads an action input. Composite actions pass inputs to their node step explicitly as
 * `MLCI_INPUT_<NAME>` (upper case, hyphens as underscores), since composite `run:` steps get no
 * `INPUT_*` variables and hyphenated names are not valid shell variables.
 */
export function actionInput(name: string, options: { required?: boolean; fallback?: string } = {}): string {
  const key = `MLCI_INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
  const value = (process.env[key] ?? '').trim();
  if (value === '' && options.required) {
    throw new InputError(`input "${name}" is required (set it under \`with:\` in the workflow step)`);
  }
  return value === '' ? (options.fallback ?? '') : value;
}

/** Reads a boolean action input ("true"/"false", as YAML booleans arrive as strings). */
export function actionBooleanInput(name: string, fallback = false): boolean {
  const value = actionInput(name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new InputError(`input "${name}": got "${value}", expected true or false`);
}
