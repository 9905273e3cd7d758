import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  REFERENCE_STATISTICS_FILE,
  STATISTICS_FILE,
  readJsonInput,
  readValidationFiles
} from "./chunk-TDTHHRCO.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  REFERENCE_STATISTICS_FILE,
  STATISTICS_FILE,
  readJsonInput,
  readValidationFiles
};
