import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-5TGCOIYM.js";
import "./chunk-5X3BQG5R.js";
import "./chunk-TT47L3EX.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-WA5TZKY5.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-IW7RTDSB.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-2XAC6GCP.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
