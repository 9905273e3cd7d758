#!/usr/bin/env node
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
} from "./chunk-X3HPYRDU.js";
import "./chunk-BZ7OHED6.js";
import "./chunk-M7YBC73R.js";
import "./chunk-7WKSRKYJ.js";
import "./chunk-5DV3LFOW.js";
import "./chunk-645G5MCA.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  buildRegisterRequest,
  githubTargetFromEnv,
  lineageFromTraining,
  openRegistry,
  registerStage
};
