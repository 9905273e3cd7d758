export * from './result.js';
export * from './catalog.js';
export * from './classification.js';
export * from './ranking.js';
export * from './probabilistic.js';
export * from './regression.js';
export * from './calibration.js';
export * from './scorer.js';
export { descendingOrder } from './sort.js';
