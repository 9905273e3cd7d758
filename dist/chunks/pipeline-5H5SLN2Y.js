import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
} from "./chunk-HERSYEC6.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
};
