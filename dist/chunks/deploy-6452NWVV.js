import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  deployCanary,
  deploySettings
} from "./chunk-BHMXAVBP.js";
import "./chunk-4MQMJXRF.js";
import "./chunk-I7FG3PSB.js";
import "./chunk-6X6KSPPN.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-Y2PMVUEP.js";
import "./chunk-IG76SEAK.js";
import "./chunk-XF6WS2KO.js";
import "./chunk-SC6HFBH3.js";
import "./chunk-TJIIZWG7.js";
import "./chunk-OX2YEAMM.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  deployCanary,
  deploySettings
};
