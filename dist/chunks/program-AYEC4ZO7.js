import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildProgram
} from "./chunk-ASOLQKIN.js";
import "./chunk-HERSYEC6.js";
import "./chunk-AYR6ABZT.js";
import "./chunk-X6AQ5GPO.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-H37KYKCP.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-5SACKB5O.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildProgram
};
