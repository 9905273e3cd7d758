// Kept as the import path other areas use; the facts live in result.ts and catalog.ts.
export * from './result.js';
export { METRICS_BY_TASK, higherIsBetter } from './catalog.js';
