import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-HIAYVK4V.js";
import "./chunk-A4JU2ZNQ.js";
import "./chunk-44T3KHFH.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-IAVON22G.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U4NLRI4B.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
