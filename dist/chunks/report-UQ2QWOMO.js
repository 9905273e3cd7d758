import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
} from "./chunk-ID7SMOMK.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-3CG65SHH.js";
export {
  pauseWarning,
  resumeInstruction,
  rolloutMarkdown
};
