import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ModelServer
} from "./chunk-RC2F6T7V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  ModelServer
};
