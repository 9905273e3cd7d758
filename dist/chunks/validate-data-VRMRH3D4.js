import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_DUPLICATE_SHARE,
  DEFAULT_SEVERITY,
  inferSchemaFile,
  profileData,
  validateData
} from "./chunk-6DZTOH7F.js";
import "./chunk-Z3PKR6MC.js";
import "./chunk-DGDDREO2.js";
import "./chunk-MEXQ2AX4.js";
import "./chunk-EGBE5CJD.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-5SACKB5O.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  DEFAULT_MAX_DUPLICATE_SHARE,
  DEFAULT_SEVERITY,
  inferSchemaFile,
  profileData,
  validateData
};
