#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
} from "./chunk-4BCUW6IJ.js";
import "./chunk-OOFZBOUT.js";
export {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
};
