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
} from "./chunk-WZUK7JIM.js";
import "./chunk-ZW2U6FWO.js";
import "./chunk-NS5QZ2KW.js";
import "./chunk-OCTW7UFQ.js";
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
