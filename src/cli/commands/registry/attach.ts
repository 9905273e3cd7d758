import type { Command } from 'commander';
import { currentUser } from '../../../registry/record.js';
import { handle, printResult, withCommonOptions, withExamples } from '../../kit.js';
import { REGISTRY_HELP, collect, parseVersion, registryFor, type RegistryOptions } from './shared.js';

interface AttachOptions extends RegistryOptions {
  statistics?: string;
  file?: string[];
  force?: boolean;
}

/** `mlci registry attach name vN --statistics F [--file F…]`. */
export function addAttachCommand(registry: Command): void {
  const attach = registry
    .command('attach')
    .description(
      'Adds files to a registered version (for example the statistics mlci monitor needs) without ' +
        'changing its model or sha256. Each addition is recorded (who, when, sha256); a file the ' +
        'version already has is refused unless --force replaces it (also recorded).'
    )
    .argument('<name>', 'model name')
    .argument('<version>', 'version, e.g. v3')
    .option('--statistics <file>', 'statistics.json of the training data (from mlci validate-data)')
    .option(
      '--file <file>',
      'another file to store with the version, under its base name (repeatable)',
      collect
    )
    .option('--force', 'replace a file the version already has (recorded)')
    .option('--registry <dir>', REGISTRY_HELP);
  withExamples(withCommonOptions(attach), [
    'mlci registry attach churn v3 --statistics out/statistics.json',
    'mlci registry attach churn v3 --file docs/datasheet.md --registry github'
  ]);
  attach.action(
    handle<AttachOptions>(async (options, _context, command) => {
      const [name, versionText] = command.args as [string, string];
      const version = parseVersion(versionText);
      const { attachStage } = await import('../../../stages/attach.js');
      const stageOptions = {
        name,
        version,
        statistics: options.statistics,
        files: options.file,
        force: options.force,
        by: currentUser()
      };
      // The stage reads and checks every file before the registry is touched.
      const result = await attachStage(stageOptions, await registryFor(options));
      const tag = result.version.tag;
      const lines = [
        ...result.attached.map((f) => `attached ${f} to ${tag} (sha256 ${result.version.checksums?.[f]})`),
        ...result.unchanged.map((f) => `${tag} already has ${f} with the same bytes: unchanged`)
      ];
      printResult(
        options,
        {
          name,
          version,
          tag,
          attached: result.attached,
          unchanged: result.unchanged,
          assets: result.version.assets
        },
        lines.join('\n')
      );
    })
  );
}
