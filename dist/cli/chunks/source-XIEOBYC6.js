#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  registrySource
} from "./chunk-CLN5LMO7.js";
import "./chunk-SIJBQNRD.js";
import "./chunk-OOFZBOUT.js";
export {
  registrySource
};
