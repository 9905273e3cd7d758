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
} from "./chunk-RAGTSKK7.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-DM3LG3XP.js";
import "./chunk-4DYGTC5R.js";
import "./chunk-BNA4QILR.js";
import "./chunk-Z7GGKJYP.js";
import "./chunk-IM3HWM6O.js";
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
