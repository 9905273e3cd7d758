import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILES, existingDefaultConfigs } from '../../config/default-file.js';
import { parseConfig } from '../../config/load.js';
import { parseTask } from '../../config/parse.js';
import { STARTER_TASK, starterConfig } from '../../config/starter.js';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import { handle, withExamples } from '../kit.js';

interface InitOptions {
  name: string;
  task?: string;
  file?: string;
  force?: boolean;
}

/** `mlci init`: writes a commented starter mlci.yml. */
export function registerInit(program: Command): void {
  const init = program
    .command('init')
    .summary('write a commented starter mlci.yml')
    .option('--name <name>', 'model name', 'model')
    .option(
      '--task <task>',
      `binary, multiclass or regression: decides the starter gates (default ${STARTER_TASK})`
    )
    .option('--file <file>', `where to write it (default: ${DEFAULT_CONFIG_FILES[0]})`)
    .option('--force', 'overwrite an existing file');
  withExamples(init, ['mlci init --name churn', 'mlci init --name species --task multiclass']);
  init.action(
    handle<InitOptions>(async (options) => {
      // Without --file, an existing mlci.yaml counts too: writing mlci.yml beside it would leave two.
      const existing = options.file ? [] : existingDefaultConfigs();
      const file = options.file ?? existing[0] ?? DEFAULT_CONFIG_FILES[0];
      const text = starterConfig(options.name, parseTask(options.task, '--task'));
      try {
        parseConfig(text, file);
      } catch {
        // The starter is valid but for the name: say so of the flag, not of a file never written.
        throw new InputError(
          `--name: got ${JSON.stringify(options.name)}, expected a model name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 (model.name, docs/config.md)`
        );
      }
      const exists = await access(file).then(
        () => true,
        () => false
      );
      if ((exists || existing.length > 1) && !options.force) {
        throw new InputError(
          `${existing.length > 1 ? existing.join(' and ') : file} already exists; use --force to overwrite it`
        );
      }
      await writeFileAtomic(file, text);
      process.stdout.write(`wrote ${file}\n`);
    })
  );
}
