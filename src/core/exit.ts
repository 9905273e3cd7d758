// How a process that ends with its command (the CLI) lets go of native resources: the exit frees
// their memory at once, where tearing them down one by one first took 0.1–0.25 s after a
// 2 × 2M-row validate-data (bench/validate-data/README.md, "leaving the engine to the exit").
let exitsWhenIdle = false;

/**
 * Marks this process as one that ends once nothing is left to do, and ends it then by
 * process.exit(): a natural exit would first finalise every native object still held.
 */
export function exitWhenIdle(): void {
  if (exitsWhenIdle) return;
  exitsWhenIdle = true;
  process.once('beforeExit', (code) => process.exit(code));
}

/** How long a process that exits when idle keeps released resources before tearing them down. */
const RELEASE_DELAY_MS = 1000;

/**
 * Runs `teardown` now, or, in a process that exits when idle, a second later if the process is still
 * at work then (a pipeline's next stage): on a timer that does not hold the process, so that an exit
 * skips it. A shorter delay fires while the command is still printing its result.
 */
export function releaseWhenNeeded(teardown: () => void): void {
  if (!exitsWhenIdle) return teardown();
  setTimeout(teardown, RELEASE_DELAY_MS).unref();
}
