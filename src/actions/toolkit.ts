import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, MlciError } from '../core/errors.js';
import type { Progress } from '../core/progress.js';
import { truncateMarkdown } from '../report/markdown.js';
import { inActionTerms } from './inputs.js';

/**
 * @actions/core pulls in an HTTP client whose evaluation costs ~150 ms at start-up, so action
 * entries load it on first use (outputs, summary, failure) rather than before their first line of work.
 */
export async function actionsCore(): Promise<typeof import('@actions/core')> {
  return import('@actions/core');
}

const ZWSP = '\u200b';

/**
 * Text made inert for the Actions log, whatever data it carries (slice values, file names, messages
 * from a fork). The runner ends a line at \r, \n or \r\n; it runs a line that starts with `::`
 * after leading blanks (.NET's, NEL included) as a workflow command (`::error`, `::add-mask::`,
 * `::stop-commands::`), and `##[` anywhere in a line as a legacy one. A zero-width space breaks
 * each, and lines end in \n only.
 */
export function inertLogText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^([\s\u0085]*):(?=:)/, `$1:${ZWSP}`).replace(/##\[/g, `#${ZWSP}#[`))
    .join('\n');
}

/**
 * Writes a log line the way core.info does (plain stdout), without loading @actions/core. Every line
 * goes through `inertLogText`, so data in a message never becomes a workflow command.
 */
export function logLine(message: string): void {
  process.stdout.write(`${inertLogText(message)}\n`);
}

/** GitHub's cap on a job summary (1 MiB), less room for what other steps add. */
const MAX_SUMMARY = 1024 * 1024 - 1024;

/**
 * Appends Markdown to the job summary, cut to GitHub's cap. The summary is a report of work already
 * done, so a summary that cannot be written is a warning, never a failed step. Written with a plain
 * append rather than `core.summary`, whose singleton keeps the first file path and buffer it saw.
 */
export async function writeJobSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, truncateMarkdown(markdown, MAX_SUMMARY) + '\n', 'utf8');
  } catch (error) {
    (await actionsCore()).warning(`could not write the job summary: ${describeError(error)}`);
  }
}

/** Progress of a stage as action log lines (no spinners: the Actions log is not a terminal). */
export const actionProgress: Progress = {
  start: logLine,
  update() {},
  finish: (message) => message && logLine(message),
  info: logLine
};

/** The action log as the GitHub adapters take it: info lines, notices and warnings (annotations). */
export async function actionLog(): Promise<{
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}> {
  const core = await actionsCore();
  return { info: logLine, notice: (m) => core.notice(m), warning: (m) => core.warning(m) };
}

/** What an action's work hands the kit to publish. */
export interface ActionReport {
  /** Step outputs, by the names action.yml declares. */
  outputs?: Record<string, string>;
  /** Markdown appended to the job summary. */
  summary?: string;
  /** Set when the step must fail with exit 1 (a gate, a rollback): the message for the log. */
  failure?: string;
  /** The folder the action wrote its files to; it gets a `.gitignore` so a later commit step leaves it out. */
  outputFolder?: string;
}

/** How `runAction` reports an error the action's work threw. */
export interface RunActionOptions {
  /** What is still worth publishing after the error (e.g. the training record a failed run wrote). */
  onError?: (error: unknown) => Promise<ActionReport | null>;
}

/**
 * Runs one action: its work, then outputs, job summary and exit code. Exit 1 when the report says the
 * step failed, an `MlciError`'s own code (2 for bad input) when the work threw one, else 2; the
 * message goes to `setFailed`. Every action entry is `runAction(input table → build → run)`.
 */
export async function runAction(
  work: () => Promise<ActionReport>,
  options: RunActionOptions = {}
): Promise<void> {
  let report: ActionReport;
  try {
    report = await work();
  } catch (error) {
    const partial = options.onError ? await options.onError(error).catch(() => null) : null;
    if (partial) await publishReport(partial);
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? inActionTerms(error.message) : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
    return;
  }
  try {
    await publishReport(report);
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(`could not set the step's outputs: ${describeError(error)}`);
    process.exitCode = 2;
    return;
  }
  if (report.failure) {
    const core = await actionsCore();
    core.setFailed(report.failure);
    process.exitCode = 1;
  }
}

async function publishReport(report: ActionReport): Promise<void> {
  if (report.outputFolder) await ignoreFolder(report.outputFolder);
  const entries = Object.entries(report.outputs ?? {});
  if (entries.length > 0) {
    const core = await actionsCore();
    for (const [name, value] of entries) core.setOutput(name, value);
  }
  if (report.summary) await writeJobSummary(report.summary);
}

/** Writes a `.gitignore` of `*` into the folder; one the user put there is left alone. */
async function ignoreFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '.gitignore'), '# written by mlci: outputs, not sources\n*\n', {
    flag: 'wx'
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
