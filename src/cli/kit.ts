import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_CONFIG_FILES } from '../config/default-file.js';
import { ExitCode, MlciError, describeError } from '../core/errors.js';
import { checkOutputDir, checkOutputFile } from '../core/files.js';
import { silentProgress, streamProgress, type Progress } from '../core/progress.js';

/** Options every stage command takes. */
export interface CommonOptions {
  json?: boolean;
  out?: string;
  config?: string;
}

/** What a command handler gets besides its options: where to report progress. */
export interface CommandContext {
  progress: Progress;
}

/** Adds --json, --out and --config to a stage command. */
export function withCommonOptions(command: Command, outHelp = 'directory for the output files'): Command {
  return command
    .option('--json', 'print the machine-readable result on stdout')
    .option('--out <dir>', outHelp)
    .addOption(
      new Option('--config <file>', `config file to read (default: ${DEFAULT_CONFIG_FILES.join(' or ')})`)
    );
}

/** Commander's collector for a repeatable option: each use appends its value. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Appends an "Examples:" block to a command's help, so every --help teaches by example. */
export function withExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/**
 * Wraps a handler so that it sets the exit code it returns, and so that any error becomes one
 * message on stderr (never a stack trace) with exit 1 for failed checks and 2 for bad input.
 */
export function handle<O extends object>(
  handler: (options: O, context: CommandContext, command: Command) => Promise<number | void>
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const options = command.opts() as O & CommonOptions;
    const progress = options.json ? silentProgress : streamProgress();
    try {
      if (typeof options.out === 'string') await checkOut(command, options.out);
      const code = await handler(options, { progress }, command);
      process.exitCode = code ?? ExitCode.Pass;
    } catch (error) {
      reportFailure(error);
    }
  };
}

// A bad --out is refused before any work is done. Most commands write a folder; the few that write
// one file declare it as `--out <file>` (schema infer, stats merge), and that value name decides.
async function checkOut(command: Command, out: string): Promise<void> {
  const declared = command.options.find((option) => option.long === '--out');
  if (declared?.flags.includes('<file>')) await checkOutputFile(out, '--out');
  else await checkOutputDir(out, '--out');
}

/** Prints an error the way the CLI does and sets the matching exit code. */
export function reportFailure(error: unknown): void {
  if (error instanceof MlciError) {
    process.stderr.write(`mlci: ${error.message}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : ExitCode.Usage;
    return;
  }
  process.stderr.write(`mlci: unexpected error: ${describeError(error)}\n`);
  if (process.env.MLCI_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  process.stderr.write('mlci: this is a bug; set MLCI_DEBUG=1 for the stack and report it\n');
  process.exitCode = ExitCode.Usage;
}

/** Prints a result: JSON on stdout with --json, else the human text. */
export function printResult(options: CommonOptions, json: unknown, text: string): void {
  if (options.json) process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
