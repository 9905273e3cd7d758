import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/config/defaults.js
var DEFAULT_DRIFT_SHARE = 0.5;
var DEFAULT_CANARY_STEPS = Object.freeze([10, 50, 100]);

export {
  DEFAULT_DRIFT_SHARE,
  DEFAULT_CANARY_STEPS
};
