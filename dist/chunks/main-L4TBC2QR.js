import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  githubRecorder,
  run
} from "./chunk-AUTAVK6Y.js";
import "./chunk-QI3MNLOO.js";
import "./chunk-CEV6BIOB.js";
import "./chunk-7RNPNCAU.js";
import "./chunk-RC2F6T7V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-Y2PMVUEP.js";
import "./chunk-AYR6ABZT.js";
import "./chunk-X6AQ5GPO.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-HWRM5IOQ.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-H37KYKCP.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-5SACKB5O.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-FU7F3K7D.js";
import "./chunk-N3GLJ5J5.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  githubRecorder,
  run
};
