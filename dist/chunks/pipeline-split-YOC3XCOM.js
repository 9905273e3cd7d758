import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  PART_STAGES,
  PIPELINE_PARTS,
  PrefetchedRegistry,
  runAfterTraining,
  runBeforeTraining,
  runTraining
} from "./chunk-UOSLYNRK.js";
import "./chunk-GUCFNMC4.js";
import "./chunk-DXV7262R.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  PART_STAGES,
  PIPELINE_PARTS,
  PrefetchedRegistry,
  runAfterTraining,
  runBeforeTraining,
  runTraining
};
