import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
} from "./chunk-5A63I7UW.js";
import "./chunk-6AWGVSZV.js";
import "./chunk-N3GLJ5J5.js";
import "./chunk-3CG65SHH.js";
export {
  formatDelta,
  formatValue,
  renderEvaluationMarkdown
};
