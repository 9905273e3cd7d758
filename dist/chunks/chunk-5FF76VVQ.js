import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/config/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var MAX_DURATION_MS = 2 ** 31 - 1;
function durationMs(value, what = "duration") {
  let ms;
  if (typeof value === "number") ms = value * 1e3;
  else {
    const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
    if (!match)
      throw new InputError(`${what}: got "${value}", expected seconds or a number with ms, s, m or h`);
    ms = Number(match[1]) * UNIT_MS[match[2]];
  }
  if (!(ms <= MAX_DURATION_MS))
    throw new InputError(
      `${what}: got ${JSON.stringify(value)}, longer than the ${Math.floor(MAX_DURATION_MS / UNIT_MS.h)}h (24.8 days) a timer can wait`
    );
  return ms;
}

export {
  durationMs
};
