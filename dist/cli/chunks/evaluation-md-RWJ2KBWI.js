#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
} from "./chunk-GIV5MPYA.js";
import "./chunk-ZRANUPI4.js";
import "./chunk-OOFZBOUT.js";
export {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
};
