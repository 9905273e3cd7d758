#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ModelServer
} from "./chunk-LF7GDHRC.js";
import "./chunk-NECVG4F5.js";
import "./chunk-Q2XKOTS4.js";
import "./chunk-JH2PABEA.js";
import "./chunk-SIJBQNRD.js";
import "./chunk-OOFZBOUT.js";
export {
  ModelServer
};
