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

export {
  silentProgress
};
