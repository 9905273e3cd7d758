#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_DUPLICATE_SHARE,
  DEFAULT_SEVERITY,
  inferSchemaFile,
  profileData,
  validateData
} from "./chunk-6SLZQIKU.js";
import "./chunk-RPW46PYF.js";
import "./chunk-2R65UD74.js";
import "./chunk-P2PPC5ON.js";
import "./chunk-BZGMLTBS.js";
import "./chunk-WYTZ7ENS.js";
import "./chunk-7WKSRKYJ.js";
import "./chunk-645G5MCA.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  DEFAULT_MAX_DUPLICATE_SHARE,
  DEFAULT_SEVERITY,
  inferSchemaFile,
  profileData,
  validateData
};
