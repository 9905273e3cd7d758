import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-WLBXUFIJ.js";
import "./chunk-IAJE3YR3.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-S7QNOMOY.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
