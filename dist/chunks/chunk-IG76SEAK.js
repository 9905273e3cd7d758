import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/registry/aliases.ts
var PRODUCTION_ALIAS = "production";

export {
  PRODUCTION_ALIAS
};
