import type { Command } from 'commander';
import { currentUser, PRODUCTION_ALIAS } from '../../../registry/record.js';
import { handle, printResult, withCommonOptions, withExamples } from '../../kit.js';
import { REGISTRY_HELP, describeMove, parseVersion, registryFor, type RegistryOptions } from './shared.js';

/** `mlci registry promote name vN --alias A`. */
export function addPromoteCommand(registry: Command): void {
  const promote = registry
    .command('promote')
    .description('Moves an alias to a version, recording who and why.')
    .argument('<name>', 'model name')
    .argument('<version>', 'version, e.g. v3')
    .option('--alias <alias>', 'alias to move', PRODUCTION_ALIAS)
    .option('--reason <text>', 'why (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(promote), ['mlci registry promote churn v3 --alias production']);
  promote.action(
    handle<RegistryOptions>(async (options, _context, command) => {
      const [name, versionText] = command.args as [string, string];
      const version = parseVersion(versionText);
      const store = await registryFor(options);
      const event = await store.promote(
        name,
        version,
        options.alias ?? PRODUCTION_ALIAS,
        currentUser(),
        options.reason
      );
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );
}
