#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ModelServer
} from "./chunk-5RFAPT3S.js";
import "./chunk-GQ4EYV2E.js";
import "./chunk-5DV3LFOW.js";
import "./chunk-645G5MCA.js";
import "./chunk-HIAKXXDN.js";
import "./chunk-OOFZBOUT.js";
export {
  ModelServer
};
