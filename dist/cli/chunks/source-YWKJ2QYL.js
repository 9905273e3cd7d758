#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  registrySource
} from "./chunk-Q3APZQOZ.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  registrySource
};
