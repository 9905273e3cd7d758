import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/stages/request-hook.ts
var listeners = /* @__PURE__ */ new Set();
function built(stage, request) {
  for (const listener of listeners) listener(stage, request);
  return request;
}

export {
  built
};
