import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  planTraining,
  trainCacheKey,
  trainStage
} from "./chunk-MRNSIMXJ.js";
import "./chunk-WAJABHFO.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-5CQ3ZZSA.js";
import "./chunk-P2GYK6TD.js";
import "./chunk-R2X24BNK.js";
import "./chunk-J2OQGLLM.js";
import "./chunk-CZJ54TB3.js";
import "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-36UX5SSD.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  planTraining,
  trainCacheKey,
  trainStage
};
