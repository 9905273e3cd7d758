import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/core/progress.ts
var silentProgress = {
  start() {
  },
  update() {
  },
  finish() {
  },
  info() {
  }
};
var BAR_WIDTH = 24;
var PLAIN_STEP_PERCENT = 25;
function streamProgress(stream = process.stderr) {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let label = "";
  let total = 0;
  let started = 0;
  let lastPlainStep = -1;
  let lastDraw = 0;
  const elapsed = () => `${((Date.now() - started) / 1e3).toFixed(1)}s`;
  return {
    start(newLabel, newTotal = 0) {
      label = newLabel;
      total = newTotal;
      started = Date.now();
      lastPlainStep = -1;
      if (!live) stream.write(`${label}…
`);
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
          `\r${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0)}% ${elapsed()}`
        );
      } else {
        const step = Math.floor(fraction * 100 / PLAIN_STEP_PERCENT);
        if (step > lastPlainStep && step > 0) {
          lastPlainStep = step;
          stream.write(`${label}: ${step * PLAIN_STEP_PERCENT}% (${elapsed()})
`);
        }
      }
    },
    finish(message) {
      const text = `${label}: ${message ?? "done"} in ${elapsed()}`;
      stream.write(live ? `\r\x1B[2K${text}
` : `${text}
`);
    },
    info(message) {
      stream.write(`${message}
`);
    }
  };
}

export {
  silentProgress,
  streamProgress
};
