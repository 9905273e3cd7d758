import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  countOf,
  formatInterval,
  formatPValue,
  formatPercent,
  formatSigned,
  formatValue,
  formatWithUnit,
  headline,
  unitOf,
  withoutVerdict
} from "./chunk-ANVENSJ6.js";
import "./chunk-3CG65SHH.js";
export {
  countOf,
  formatInterval,
  formatPValue,
  formatPercent,
  formatSigned,
  formatValue,
  formatWithUnit,
  headline,
  unitOf,
  withoutVerdict
};
