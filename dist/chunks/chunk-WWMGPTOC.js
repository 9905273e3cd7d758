import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/data/schema-domain.ts
var MAX_DOMAIN = 100;
var MIN_DOMAIN_COUNT = 5;

export {
  MAX_DOMAIN,
  MIN_DOMAIN_COUNT
};
