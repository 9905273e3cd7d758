import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadRunContext,
  runContextFrom,
  runUrlOf
} from "./chunk-AC2BZBAV.js";
import "./chunk-3CG65SHH.js";
export {
  loadRunContext,
  runContextFrom,
  runUrlOf
};
