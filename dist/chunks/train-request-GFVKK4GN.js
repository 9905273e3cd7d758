import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildTrainRequest
} from "./chunk-GTWPBDPG.js";
import "./chunk-YP4LPTRV.js";
import "./chunk-NVKBQ6B4.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildTrainRequest
};
