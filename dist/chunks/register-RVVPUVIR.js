import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromEnvironment,
  openRegistry,
  readRegistration,
  readStatistics,
  registerStage
} from "./chunk-DRMYFQQU.js";
import "./chunk-UFIAAMN5.js";
import "./chunk-ASXTV7AU.js";
import "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-R2X24BNK.js";
import "./chunk-J2OQGLLM.js";
import "./chunk-TDVX5RST.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-ALJEQPYT.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  GITHUB_REGISTRY,
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromEnvironment,
  openRegistry,
  readRegistration,
  readStatistics,
  registerStage
};
