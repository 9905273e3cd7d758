import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildValidateDataRequest
} from "./chunk-IZUVOHCW.js";
import "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildValidateDataRequest
};
