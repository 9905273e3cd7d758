import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  buildRegisterRequest,
  githubTargetFromEnv,
  lineageFromTraining,
  openRegistry,
  registerStage
} from "./chunk-AYR6ABZT.js";
import "./chunk-X6AQ5GPO.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  buildRegisterRequest,
  githubTargetFromEnv,
  lineageFromTraining,
  openRegistry,
  registerStage
};
