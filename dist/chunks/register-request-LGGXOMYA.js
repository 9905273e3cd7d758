import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-RT5D3CCY.js";
import "./chunk-3QRCQXFY.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-IG76SEAK.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
