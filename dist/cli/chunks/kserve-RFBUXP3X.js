#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget,
  manifestYaml,
  renderInferenceService
} from "./chunk-I3APK5EG.js";
import "./chunk-NECVG4F5.js";
import "./chunk-MU2AG24J.js";
import "./chunk-SIJBQNRD.js";
import "./chunk-OOFZBOUT.js";
export {
  KServeTarget,
  manifestYaml,
  renderInferenceService
};
