import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildValidateDataRequest
} from "./chunk-6PM3FLTW.js";
import "./chunk-KTV5J4OA.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildValidateDataRequest
};
