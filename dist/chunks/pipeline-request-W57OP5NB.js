import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_PIPELINE_OUT,
  buildPipelineRequest
} from "./chunk-JL37XIKD.js";
import "./chunk-GUCFNMC4.js";
import "./chunk-DXV7262R.js";
import "./chunk-IG76SEAK.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-YP4LPTRV.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  DEFAULT_PIPELINE_OUT,
  buildPipelineRequest
};
