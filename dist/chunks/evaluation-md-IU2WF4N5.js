import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
} from "./chunk-UZVSMRBS.js";
import "./chunk-OCTW7UFQ.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-3CG65SHH.js";
export {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
};
