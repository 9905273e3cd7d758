#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
} from "./chunk-2R65UD74.js";
import "./chunk-P2PPC5ON.js";
import "./chunk-WYTZ7ENS.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
};
