import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/config/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function durationMs(value, what = "duration") {
  if (typeof value === "number") return value * 1e3;
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!match)
    throw new InputError(`${what}: got "${value}", expected seconds or a number with ms, s, m or h`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

export {
  durationMs
};
