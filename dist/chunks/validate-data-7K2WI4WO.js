import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  inferSchemaFile,
  profileData,
  validateData
} from "./chunk-D2L6PFXK.js";
import "./chunk-5RBKIHL5.js";
import "./chunk-RZF5HKRA.js";
import "./chunk-KZNYQM7F.js";
import "./chunk-LIOCLVGO.js";
import "./chunk-6UZB7YRZ.js";
import "./chunk-TDVX5RST.js";
import "./chunk-CZJ54TB3.js";
import "./chunk-BQLEISGD.js";
import "./chunk-5QWN2HOG.js";
import "./chunk-36UX5SSD.js";
import "./chunk-HD4PHYYH.js";
import "./chunk-J2XJ3L6O.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-A7ELOP3Y.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  inferSchemaFile,
  profileData,
  validateData
};
