import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
} from "./chunk-WILCLURN.js";
import "./chunk-SGI7BZ6Q.js";
import "./chunk-NS5QZ2KW.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  STAGES,
  parseStages,
  pipelineMarkdown,
  plannedStages,
  runPipeline
};
