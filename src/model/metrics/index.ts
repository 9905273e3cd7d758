export * from './types.js';
export * from './classification.js';
export * from './ranking.js';
export * from './probabilistic.js';
export * from './regression.js';
export * from './calibration.js';
export * from './scorer.js';
export { descendingOrder } from './sort.js';
