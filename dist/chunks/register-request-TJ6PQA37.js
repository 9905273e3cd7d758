import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-RQXDFMW3.js";
import "./chunk-O4FGEGHA.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-U4NLRI4B.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
