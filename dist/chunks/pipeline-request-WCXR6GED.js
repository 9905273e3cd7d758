import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_PIPELINE_OUT,
  buildPipelineRequest,
  parseParams
} from "./chunk-LMJ6KJ66.js";
import "./chunk-URYC6IM4.js";
import "./chunk-SGI7BZ6Q.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  DEFAULT_PIPELINE_OUT,
  buildPipelineRequest,
  parseParams
};
