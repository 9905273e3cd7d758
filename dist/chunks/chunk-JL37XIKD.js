import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  parseStages,
  plannedStages
} from "./chunk-GUCFNMC4.js";
import {
  parseSeed
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";

// src/stages/pipeline-request.ts
var DEFAULT_PIPELINE_OUT = ".mlci/pipeline";
function buildPipelineRequest(flags, config, configPath) {
  const until = flags.until ? parseStages(flags.until, "--until")[0] : void 0;
  const skip = [...flags.skip ? parseStages(flags.skip, "--skip") : []];
  if (flags.stages) {
    const chosen = parseStages(flags.stages, "--stages");
    skip.push(...plannedStages(config).filter((s) => !chosen.includes(s) && !skip.includes(s)));
  }
  return built("pipeline", {
    config,
    configPath,
    out: flags.out ?? DEFAULT_PIPELINE_OUT,
    until,
    skip,
    registry: flags.registry,
    overrides: flags.set ?? [],
    seed: parseSeed(flags.seed, "--seed"),
    force: flags.force ?? false
  });
}

export {
  DEFAULT_PIPELINE_OUT,
  buildPipelineRequest
};
