import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildEvaluateRequest,
  parseGateFlags
} from "./chunk-6YKFLMJ6.js";
import "./chunk-UCETIQV5.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-M54B4ZEI.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-S7QNOMOY.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildEvaluateRequest,
  parseGateFlags
};
