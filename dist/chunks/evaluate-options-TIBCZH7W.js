import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildEvaluateRequest,
  parseGateFlags
} from "./chunk-KJGDFFII.js";
import "./chunk-C4QX7EU4.js";
import "./chunk-6AWGVSZV.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  buildEvaluateRequest,
  parseGateFlags
};
