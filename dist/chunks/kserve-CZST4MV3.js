import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget,
  ONNXRUNTIME_ANNOTATION,
  manifestYaml,
  registryStorageUri,
  renderInferenceService,
  rolloutManifests
} from "./chunk-MOGPTYAV.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  KServeTarget,
  ONNXRUNTIME_ANNOTATION,
  manifestYaml,
  registryStorageUri,
  renderInferenceService,
  rolloutManifests
};
