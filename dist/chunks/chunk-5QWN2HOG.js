import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/core/exit.ts
var exitsWhenIdle = false;
function exitWhenIdle() {
  if (exitsWhenIdle) return;
  exitsWhenIdle = true;
  process.once("beforeExit", (code) => process.exit(code));
}
var RELEASE_DELAY_MS = 1e3;
function releaseWhenNeeded(teardown) {
  if (!exitsWhenIdle) return teardown();
  setTimeout(teardown, RELEASE_DELAY_MS).unref();
}

export {
  exitWhenIdle,
  releaseWhenNeeded
};
