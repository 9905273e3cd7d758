import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  planTraining,
  trainCacheKey,
  trainStage
} from "./chunk-Z76RRPV4.js";
import "./chunk-4QFPQLDZ.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-MEXQ2AX4.js";
import "./chunk-EGBE5CJD.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  planTraining,
  trainCacheKey,
  trainStage
};
