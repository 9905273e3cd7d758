import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
} from "./chunk-R5NXTFDY.js";
import "./chunk-T6Z2JEPL.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-3CG65SHH.js";
export {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
};
