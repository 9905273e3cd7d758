import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  planTraining,
  trainCacheKey,
  trainStage
} from "./chunk-DNA5OGRC.js";
import "./chunk-36LIIZPY.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-UYG34LBZ.js";
import "./chunk-OIQXQKN5.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  planTraining,
  trainCacheKey,
  trainStage
};
