import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/registry/default-dir.ts
var DEFAULT_LOCAL_REGISTRY = ".mlci/registry";

export {
  DEFAULT_LOCAL_REGISTRY
};
