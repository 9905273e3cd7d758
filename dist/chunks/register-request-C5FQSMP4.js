import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildRegisterRequest
} from "./chunk-2FLDCUQN.js";
import "./chunk-NS5QZ2KW.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildRegisterRequest
};
