#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
} from "./chunk-ORGEJG6N.js";
import "./chunk-F2747QAI.js";
import "./chunk-7WKSRKYJ.js";
import "./chunk-645G5MCA.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
};
