#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget,
  manifestYaml,
  renderInferenceService
} from "./chunk-B4ESRF4W.js";
import "./chunk-GQ4EYV2E.js";
import "./chunk-MU2AG24J.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  KServeTarget,
  manifestYaml,
  renderInferenceService
};
