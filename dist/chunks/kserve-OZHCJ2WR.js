import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget,
  manifestYaml,
  renderInferenceService,
  rolloutManifests
} from "./chunk-4MQMJXRF.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  KServeTarget,
  manifestYaml,
  renderInferenceService,
  rolloutManifests
};
