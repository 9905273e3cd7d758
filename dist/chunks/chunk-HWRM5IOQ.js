import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/lineage/record.ts
var TRAINING_RECORD_SCHEMA = "mlci.training/v1";

export {
  TRAINING_RECORD_SCHEMA
};
