/** Where long work reports how far it got; stages take one so tests and CI logs can observe it. */
export interface Progress {
  /** Starts a phase of `total` units (0 when unknown). */
  start(label: string, total?: number): void;
  /** Moves the current phase to `done` units. */
  update(done: number): void;
  /** Ends the current phase. */
  finish(message?: string): void;
  /** A one-off line of information. */
  info(message: string): void;
}

/** Progress that reports nothing (library use, --json runs). */
export const silentProgress: Progress = {
  start() {},
  update() {},
  finish() {},
  info() {}
};

const BAR_WIDTH = 24;
const PLAIN_STEP_PERCENT = 25;

/**
 * Progress on a stream: a live bar redrawn in place on a terminal, and plain lines at every
 * quarter in CI logs, where carriage returns would pile up into noise.
 */
export function streamProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let label = '';
  let total = 0;
  let started = 0;
  let lastPlainStep = -1;
  let lastDraw = 0;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    start(newLabel, newTotal = 0) {
      label = newLabel;
      total = newTotal;
      started = Date.now();
      lastPlainStep = -1;
      if (!live) stream.write(`${label}…\n`);
    },
    update(done) {
      if (total <= 0) return;
      const fraction = Math.min(1, done / total);
      if (live) {
        const now = Date.now();
        if (now - lastDraw < 80 && fraction < 1) return;
        lastDraw = now;
        const filled = Math.round(fraction * BAR_WIDTH);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0)}% ${elapsed()}`
        );
      } else {
        const step = Math.floor((fraction * 100) / PLAIN_STEP_PERCENT);
        if (step > lastPlainStep && step > 0) {
          lastPlainStep = step;
          stream.write(`${label}: ${step * PLAIN_STEP_PERCENT}% (${elapsed()})\n`);
        }
      }
    },
    finish(message) {
      const text = `${label}: ${message ?? 'done'} in ${elapsed()}`;
      stream.write(live ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
    info(message) {
      stream.write(`${message}\n`);
    }
  };
}
