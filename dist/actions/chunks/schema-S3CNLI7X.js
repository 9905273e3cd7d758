import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
} from "./chunk-MWCT7254.js";
import "./chunk-DT7CWCKB.js";
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
