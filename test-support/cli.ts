import { buildProgram } from '../src/cli/program.js';
import { reportFailure } from '../src/cli/kit.js';

/** What one in-process CLI run printed and the exit code it set. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mlci <args>` in this process, capturing stdout and stderr, exactly as the bundled entry
 * does (same program, same error handling). Runs are serialised because they share process streams.
 */
export async function runCli(args: string[]): Promise<CliRun> {
  const previous = queue;
  let release!: () => void;
  queue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const out: string[] = [];
  const err: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  const savedExit = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await buildProgram().parseAsync(['node', 'mlci', ...args]);
  } catch (error) {
    reportFailure(error);
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = savedExit;
  release();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let queue: Promise<void> = Promise.resolve();
