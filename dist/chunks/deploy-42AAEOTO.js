import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  deployCanary,
  deploySettings
} from "./chunk-EOK7XKC7.js";
import "./chunk-IFKVXW54.js";
import "./chunk-O4ZO3HQR.js";
import "./chunk-MOGPTYAV.js";
import "./chunk-ID7SMOMK.js";
import "./chunk-5CQEG7ME.js";
import "./chunk-YUK5W3RX.js";
import "./chunk-GL4WARX4.js";
import "./chunk-JZ26DGLW.js";
import "./chunk-TJ7LOYJS.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-4JPR7HNQ.js";
import "./chunk-R2X24BNK.js";
import "./chunk-LIOCLVGO.js";
import "./chunk-6UZB7YRZ.js";
import "./chunk-USV7Y6Q5.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  deployCanary,
  deploySettings
};
