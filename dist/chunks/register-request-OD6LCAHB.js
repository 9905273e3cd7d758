import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-ROI4TKCB.js";
import "./chunk-YSLXJZJ3.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-XVVP3DF2.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
