import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
} from "./chunk-DGDDREO2.js";
import "./chunk-EGBE5CJD.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
};
