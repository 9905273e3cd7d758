import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildTrainRequest
} from "./chunk-HV637DSL.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildTrainRequest
};
