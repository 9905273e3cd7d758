import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
} from "./chunk-CJSZEX4M.js";
import "./chunk-6Y7K6V5Y.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-IM3HWM6O.js";
import "./chunk-3CG65SHH.js";
export {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
};
