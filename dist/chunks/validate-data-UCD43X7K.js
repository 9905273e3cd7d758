import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  inferSchemaFile,
  profileData,
  validateData
} from "./chunk-2UNF2OKB.js";
import "./chunk-X3ESJVFA.js";
import "./chunk-IBJG6NCC.js";
import "./chunk-FDN2QQC3.js";
import "./chunk-6UZB7YRZ.js";
import "./chunk-N7I2YJR6.js";
import "./chunk-BMMELDKN.js";
import "./chunk-KTV5J4OA.js";
import "./chunk-36UX5SSD.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-IBYLPLKE.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  inferSchemaFile,
  profileData,
  validateData
};
