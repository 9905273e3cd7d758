import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/core/version.ts
var MLCI_VERSION = "0.1.0";

export {
  MLCI_VERSION
};
