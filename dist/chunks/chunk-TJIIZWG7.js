import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/config/rules.ts
function checkSteps(steps, where = "steps") {
  if (steps.length === 0)
    throw new InputError(`${where}: give at least one traffic percentage, e.g. 10,50,100`);
  steps.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1 || s > 100)
      throw new InputError(`${where}: ${s} is not a percentage 1..100`);
    if (i > 0 && s <= steps[i - 1]) throw new InputError(`${where} must increase: ${steps.join(", ")}`);
  });
  return steps;
}

export {
  checkSteps
};
