import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from './cli.js';

/**
 * The bad-input corpus: each case is a hostile or broken input and the class of answer mlci must
 * give it (exit 0 with the right answer, 1 with a failed check, 2 with a message naming the fault),
 * within a time limit, never a crash or a stack trace. Areas add __tests__/corpus/<area>.test.ts.
 */
export interface CorpusExpectation {
  /** The exit code of the class: 0 accepted, 1 a failed check, 2 bad input. */
  code: 0 | 1 | 2;
  /** What stderr must match (for code 2: the file, row, column or input at fault). */
  stderr?: RegExp | string;
  /** Wall-clock limit for the whole run, ms. */
  withinMs: number;
}

/** One CLI run of the corpus with its wall-clock time. */
export interface CorpusRun extends CliRun {
  ms: number;
}

/** Runs `mlci <args>` in process and asserts the run belongs to the expected class. */
export async function expectCliClass(args: string[], expected: CorpusExpectation): Promise<CorpusRun> {
  const started = performance.now();
  const run = await runCli(args);
  const result = { ...run, ms: Math.round(performance.now() - started) };
  expectClass(result, expected, `mlci ${args.join(' ')}`);
  return result;
}

/** Asserts a finished run's class; `label` names the case in the failure message. */
export function expectClass(run: CorpusRun, expected: CorpusExpectation, label: string): void {
  const summary = `${label}\n  exit ${run.code} in ${run.ms} ms\n  stderr: ${run.stderr.slice(0, 600)}`;
  const problems: string[] = [];
  if (/unexpected error|this is a bug/.test(run.stderr)) problems.push('crashed ("unexpected error")');
  if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr)) problems.push('printed a stack trace');
  if (run.code !== expected.code) problems.push(`exit ${run.code}, expected ${expected.code}`);
  if (run.ms > expected.withinMs) problems.push(`took ${run.ms} ms, limit ${expected.withinMs} ms`);
  if (expected.stderr !== undefined) {
    const matches =
      typeof expected.stderr === 'string'
        ? run.stderr.includes(expected.stderr)
        : expected.stderr.test(run.stderr);
    if (!matches) problems.push(`stderr does not match ${String(expected.stderr)}`);
  }
  if (expected.code === 2 && !/^mlci: \S/m.test(run.stderr))
    problems.push('no "mlci: <message>" line on stderr');
  if (problems.length > 0) throw new Error(`${summary}\n  ${problems.join('; ')}`);
}

/** A fresh temporary folder for corpus files; remove it with removeCorpusDir. */
export function corpusDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `mlci-corpus-${prefix}-`));
}

/** Removes a folder made by corpusDir. */
export async function removeCorpusDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export { seededRandom } from './random.js';

/** The fuzz seed: MLCI_FUZZ_SEED when set (to replay a failure), else a fresh one. */
export function fuzzSeed(): number {
  const fixed = process.env.MLCI_FUZZ_SEED;
  return fixed ? Number(fixed) : Math.floor(Math.random() * 2 ** 31);
}

/** Bytes that are not valid UTF-8 text and no NUL: what a binary file mistaken for text looks like. */
export function garbageBytes(random: () => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = 1 + Math.floor(random() * 255);
  return bytes;
}
