import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-QRDESQ64.js";
import "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YP4LPTRV.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
