#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
} from "./chunk-RPDALPBL.js";
import "./chunk-P2PPC5ON.js";
import "./chunk-P3R7FQZ6.js";
import "./chunk-SIJBQNRD.js";
import "./chunk-OOFZBOUT.js";
export {
  MAX_DOMAIN,
  RowLocator,
  inferSchema,
  parseSchema,
  validateAgainstSchema
};
