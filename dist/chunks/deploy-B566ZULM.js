import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  deployCanary,
  deploySettings
} from "./chunk-QI3MNLOO.js";
import "./chunk-CEV6BIOB.js";
import "./chunk-7RNPNCAU.js";
import "./chunk-RC2F6T7V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-Y2PMVUEP.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-5SACKB5O.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  deployCanary,
  deploySettings
};
