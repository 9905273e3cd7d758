import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildMonitorRequest
} from "./chunk-4VCISBOD.js";
import "./chunk-GQO2MMXF.js";
import "./chunk-YVU7TQTS.js";
import "./chunk-NS5QZ2KW.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-YFOAMEA6.js";
import "./chunk-XEYLA3H7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildMonitorRequest
};
