import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseConfig } from '../../config/load.js';
import { starterConfig } from '../../config/starter.js';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import { handle, withExamples } from '../kit.js';

interface InitOptions {
  name: string;
  file: string;
  force?: boolean;
}

/** `mlci init`: writes a commented starter mlci.yml. */
export function registerInit(program: Command): void {
  const init = program
    .command('init')
    .summary('write a commented starter mlci.yml')
    .option('--name <name>', 'model name', 'model')
    .option('--file <file>', 'where to write it', 'mlci.yml')
    .option('--force', 'overwrite an existing file');
  withExamples(init, ['mlci init --name churn']);
  init.action(
    handle<InitOptions>(async (options) => {
      const text = starterConfig(options.name);
      parseConfig(text, options.file);
      const exists = await access(options.file).then(
        () => true,
        () => false
      );
      if (exists && !options.force) {
        throw new InputError(`${options.file} already exists; use --force to overwrite it`);
      }
      await writeFileAtomic(options.file, text);
      process.stdout.write(`wrote ${options.file}\n`);
    })
  );
}
