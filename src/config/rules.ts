import { InputError } from '../core/errors.js';

/**
 * Validates canary traffic steps: whole percentages in 1..100, strictly increasing. The one rule
 * the config check and the deploy stage share, so `pipeline --dry-run` refuses what a rollout would.
 */
export function checkSteps(steps: number[], where = 'steps'): number[] {
  if (steps.length === 0)
    throw new InputError(`${where}: give at least one traffic percentage, e.g. 10,50,100`);
  steps.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1 || s > 100)
      throw new InputError(`${where}: ${s} is not a percentage 1..100`);
    if (i > 0 && s <= steps[i - 1]) throw new InputError(`${where} must increase: ${steps.join(', ')}`);
  });
  return steps;
}
