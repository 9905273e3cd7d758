import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  publish,
  reportLinkLine,
  run
} from "./chunk-MCQBWUF6.js";
import "./chunk-KJGDFFII.js";
import "./chunk-C4QX7EU4.js";
import "./chunk-5A63I7UW.js";
import "./chunk-6AWGVSZV.js";
import "./chunk-MTUBZ2TB.js";
import "./chunk-H37KYKCP.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-5SACKB5O.js";
import "./chunk-QMIQ4DPQ.js";
import "./chunk-FU7F3K7D.js";
import "./chunk-N3GLJ5J5.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  publish,
  reportLinkLine,
  run
};
