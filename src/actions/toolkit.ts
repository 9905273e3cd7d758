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
