import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ModelServer,
  REQUEST_TIMEOUT_MS
} from "./chunk-5CQEG7ME.js";
import "./chunk-YUK5W3RX.js";
import "./chunk-GL4WARX4.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-R2X24BNK.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  ModelServer,
  REQUEST_TIMEOUT_MS
};
