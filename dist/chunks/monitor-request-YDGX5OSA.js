import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-XMD46NZL.js";
import "./chunk-KZK4MXCP.js";
import "./chunk-XSKEY4FP.js";
import "./chunk-T6Z2JEPL.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
