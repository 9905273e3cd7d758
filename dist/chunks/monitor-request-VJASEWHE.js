import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-FOI67COQ.js";
import "./chunk-DMVX3HSX.js";
import "./chunk-HSD3ONEC.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-GSRDT4OZ.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-N3HU6RCH.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-XVVP3DF2.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
