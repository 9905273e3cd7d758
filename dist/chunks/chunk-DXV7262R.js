import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/stages/stage.ts
function stageResult(verdict, summary, files = []) {
  return { verdict, summary, files, markdown: null };
}

export {
  stageResult
};
