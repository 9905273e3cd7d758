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
} from "./chunk-Z6EVBK3J.js";
import "./chunk-BZ7OHED6.js";
import "./chunk-IMJ7O64J.js";
import "./chunk-7WKSRKYJ.js";
import "./chunk-Q2XKOTS4.js";
import "./chunk-JH2PABEA.js";
import "./chunk-SIJBQNRD.js";
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
