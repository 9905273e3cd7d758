import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  inferSchemaFile,
  profileData,
  validateData
} from "./chunk-PR4MZ5DU.js";
import "./chunk-R6TU24VM.js";
import "./chunk-SC6HFBH3.js";
import "./chunk-N7I2YJR6.js";
import "./chunk-UYG34LBZ.js";
import "./chunk-OIQXQKN5.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  inferSchemaFile,
  profileData,
  validateData
};
