import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  KServeTarget,
  manifestYaml,
  registryStorageUri,
  renderInferenceService,
  rolloutManifests
} from "./chunk-6DHUCRMK.js";
import "./chunk-D4WWN4FX.js";
import "./chunk-O4FGEGHA.js";
import "./chunk-ANVENSJ6.js";
import "./chunk-IG76SEAK.js";
import "./chunk-4N7NCSDY.js";
import "./chunk-U7QWIZPG.js";
import "./chunk-U4NLRI4B.js";
import "./chunk-KFMS7UDB.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";
export {
  KServeTarget,
  manifestYaml,
  registryStorageUri,
  renderInferenceService,
  rolloutManifests
};
