import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-BQXKKGU5.js";
import "./chunk-G74R7ADN.js";
import "./chunk-YVU7TQTS.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
