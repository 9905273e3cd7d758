import { describeError } from '../core/errors.js';
import { truncateMarkdown } from '../report/markdown.js';

/**
 * @actions/core pulls in an HTTP client whose evaluation costs ~150 ms at start-up, so action
 * entries load it on first use (outputs, summary, failure) rather than before their first line of work.
 */
export async function actionsCore(): Promise<typeof import('@actions/core')> {
  return import('@actions/core');
}

/** Writes a log line the way core.info does (plain stdout), without loading @actions/core. */
export function logLine(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** GitHub's cap on a job summary (1 MiB), less room for what other steps add. */
const MAX_SUMMARY = 1024 * 1024 - 1024;

/**
 * Appends Markdown to the job summary, cut to GitHub's cap. The summary is a report of work already
 * done, so a summary that cannot be written is a warning, never a failed step.
 */
export async function writeJobSummary(markdown: string): Promise<void> {
  const core = await actionsCore();
  await core.summary
    .addRaw(truncateMarkdown(markdown, MAX_SUMMARY))
    .write()
    .catch((error: unknown) => core.warning(`could not write the job summary: ${describeError(error)}`));
}
