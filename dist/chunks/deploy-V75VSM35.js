import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  deployCanary,
  deploySettings
} from "./chunk-7XLC3YKF.js";
import "./chunk-IFKVXW54.js";
import "./chunk-F65NT36F.js";
import "./chunk-QBA4WAXT.js";
import "./chunk-ID7SMOMK.js";
import "./chunk-VU7TV3LW.js";
import "./chunk-YUK5W3RX.js";
import "./chunk-W52UCU7U.js";
import "./chunk-JZ26DGLW.js";
import "./chunk-TJ7LOYJS.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-YSLXJZJ3.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-4WGN2N4T.js";
import "./chunk-R2X24BNK.js";
import "./chunk-FDN2QQC3.js";
import "./chunk-6UZB7YRZ.js";
import "./chunk-N3HU6RCH.js";
import "./chunk-5FF76VVQ.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-XVVP3DF2.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  deployCanary,
  deploySettings
};
