import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  finishPipeline,
  openPipelineRegistry,
  runPipelineStages,
  stageWillRun,
  startPipeline
} from "./chunk-GUCFNMC4.js";
import {
  verifySha256
} from "./chunk-5Z5STRRD.js";
import {
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/pipeline-split.ts
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
var PIPELINE_PARTS = ["before-training", "training", "after-training"];
var PART_STAGES = {
  "before-training": ["validate-data"],
  training: ["train"],
  "after-training": ["evaluate", "register", "deploy-canary"]
};
var RUN_FILE = "run.json";
var PRODUCTION_MODEL = "production.onnx";
async function runBeforeTraining(request, part, dir, settings) {
  const options = { ...request, ...part };
  const registry = await openPipelineRegistry(options);
  let state = await startPipeline(options, registry);
  state = await runPipelineStages(options, registry, state, PART_STAGES["before-training"]);
  if (state.production && stageWillRun("train", options, state)) {
    const { name, version } = state.production;
    await writeFile(join(dir, PRODUCTION_MODEL), await registry.download(name, version));
  }
  await saveRun(dir, { request, state, settings });
}
async function runTraining(part, dir) {
  const run = await loadRun(dir);
  const options = { ...run.request, ...part };
  const registry = new PrefetchedRegistry(run.state.production, join(dir, PRODUCTION_MODEL));
  const state = await runPipelineStages(options, registry, run.state, PART_STAGES.training);
  await saveRun(dir, { ...run, state });
}
async function runAfterTraining(part, dir) {
  const run = await loadRun(dir);
  const options = { ...run.request, ...part };
  const registry = await openPipelineRegistry(options);
  const state = await runPipelineStages(options, registry, run.state, PART_STAGES["after-training"]);
  return { result: await finishPipeline(options, state), request: run.request, settings: run.settings };
}
async function saveRun(dir, run) {
  await writeJsonAtomic(join(dir, RUN_FILE), run);
}
async function loadRun(dir) {
  const path = join(dir, RUN_FILE);
  const text = await readFile(path, "utf8").catch((error) => {
    throw new InputError(
      `${path}: cannot be read (${error.code ?? String(error)}); the part before this one did not finish`
    );
  });
  return JSON.parse(text);
}
var PrefetchedRegistry = class {
  constructor(production, modelFile) {
    this.production = production;
    this.modelFile = modelFile;
  }
  production;
  modelFile;
  async resolve(ref) {
    const p = this.production;
    if (p && ref.name === p.name && (ref.version === p.version || ref.alias === "production")) return p;
    throw this.unavailable(`resolve ${ref.name}`);
  }
  async download(name, version, asset) {
    const p = this.production;
    if (!p || name !== p.name || version !== p.version || asset !== void 0 && asset !== "model.onnx")
      throw this.unavailable(`download ${name}@v${version}${asset ? ` ${asset}` : ""}`);
    return verifySha256(
      new Uint8Array(await readFile(this.modelFile)),
      p.sha256,
      `${p.tag} (${this.modelFile})`
    );
  }
  register() {
    throw this.unavailable("register");
  }
  list() {
    throw this.unavailable("list");
  }
  models() {
    throw this.unavailable("models");
  }
  aliases() {
    throw this.unavailable("aliases");
  }
  promote() {
    throw this.unavailable("promote");
  }
  rollback() {
    throw this.unavailable("rollback");
  }
  history() {
    throw this.unavailable("history");
  }
  attach() {
    throw this.unavailable("attach");
  }
  unavailable(what) {
    return new Error(`mlci pipeline: the training step has no registry access (no token), cannot ${what}`);
  }
};

export {
  PIPELINE_PARTS,
  PART_STAGES,
  runBeforeTraining,
  runTraining,
  runAfterTraining,
  PrefetchedRegistry
};
