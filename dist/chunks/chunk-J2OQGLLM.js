import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/lineage/record.ts
var TRAINING_RECORD_SCHEMA = "mlci.training/v1";
function dataVersionId(file) {
  if (file.sha256) return file.sha256;
  return `md5:${file.dvc?.md5 ?? "unknown"}`;
}

export {
  TRAINING_RECORD_SCHEMA,
  dataVersionId
};
