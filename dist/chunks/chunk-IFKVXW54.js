import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/core/defaults.ts
function definedOnly(options) {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== void 0));
}

export {
  definedOnly
};
