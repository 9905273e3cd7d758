import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  parseNumber,
  parseSeed
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";

// src/stages/train-request.ts
import { dirname, resolve } from "node:path";
function buildTrainRequest(flags, loaded, context = {}) {
  const config = flags.cache === false && loaded?.train ? { ...loaded, train: { ...loaded.train, cache: false } } : loaded;
  return built("train", {
    config,
    root: loaded && context.configPath ? dirname(resolve(context.configPath)) : process.cwd(),
    command: flags.command,
    overrides: flags.set ?? [],
    seed: parseSeed(flags.seed, "--seed"),
    timeout: flags.timeout,
    force: flags.force ?? false,
    checkReproducible: flags.checkReproducible ?? false,
    tolerance: parseNumber(flags.tolerance, "--tolerance", { min: 0 }),
    out: flags.out,
    productionModel: flags.productionModel
  });
}

export {
  buildTrainRequest
};
