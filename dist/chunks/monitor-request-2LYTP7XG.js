import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-P2M3QCU5.js";
import "./chunk-VB6TYJ5Z.js";
import "./chunk-ZK7UXQ2T.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YP4LPTRV.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-USV7Y6Q5.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
