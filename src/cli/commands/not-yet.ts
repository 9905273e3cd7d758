import type { Command } from 'commander';
import { NotAvailableError } from '../../core/errors.js';
import { handle } from '../kit.js';

/** Makes a command answer "not available yet" (exit 2) until the stage behind it is built. */
export function notAvailableYet(command: Command, what: string): Command {
  return command.allowUnknownOption(true).action(
    handle(async () => {
      throw new NotAvailableError(what);
    })
  );
}
