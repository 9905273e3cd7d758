import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromTraining,
  openRegistry,
  readRegistration,
  readStatistics,
  registerStage
} from "./chunk-WBBYVEMJ.js";
import "./chunk-RVFZVH5R.js";
import "./chunk-6PBQLJ3A.js";
import "./chunk-T6Z2JEPL.js";
import "./chunk-IG76SEAK.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-N7I2YJR6.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromTraining,
  openRegistry,
  readRegistration,
  readStatistics,
  registerStage
};
