import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  stageResult
} from "./chunk-DXV7262R.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/stages.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
var validateDataStage = {
  name: "validate-data",
  async run(ctx, dir) {
    const { validateData } = await import("./validate-data-7K2WI4WO.js");
    const { config } = ctx;
    const reference = await storedStatistics(ctx.registry, ctx.production, dir);
    const { buildValidateDataRequest } = await import("./validate-data-request-TLBRPZNT.js");
    const request = buildValidateDataRequest(
      { data: config.data?.train ?? config.data?.eval, reference, label: config.model.label, out: dir },
      config
    );
    const result = await validateData({ ...request, progress: ctx.progress });
    ctx.paths.statistics = join(dir, "statistics.json");
    ctx.paths.validation = join(dir, "validation.json");
    const r = result.report;
    const drift = r.dataset_drift ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns` : "";
    return {
      ...stageResult(
        result.exitCode === 0 ? "pass" : "fail",
        `${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings${drift}`,
        result.files
      ),
      markdown: null
    };
  }
};
var trainStageDescriptor = {
  name: "train",
  async run(ctx, dir) {
    const { trainStage } = await import("./train-2MOTHC4E.js");
    const { options, production } = ctx;
    let productionModel;
    if (production) {
      productionModel = join(dir, "production.onnx");
      await mkdir(dir, { recursive: true });
      await writeFile(
        productionModel,
        await ctx.registry.download(ctx.config.model.name, production.version)
      );
    }
    const { buildTrainRequest } = await import("./train-request-GFVKK4GN.js");
    const request = buildTrainRequest(
      {
        set: options.overrides,
        seed: options.seed === void 0 ? void 0 : String(options.seed),
        force: options.force,
        out: dir,
        productionModel
      },
      ctx.config,
      { configPath: options.configPath }
    );
    const result = await trainStage({
      ...request,
      env: options.env,
      progress: ctx.progress,
      onOutput: options.onOutput
    });
    ctx.paths.model = result.modelPath;
    ctx.paths.training = result.recordPath;
    return stageResult(
      "pass",
      `${relative(ctx.out, result.modelPath)}${result.cacheHit ? " (cache hit)" : ""}, sha256 ${result.record.model?.sha256.slice(0, 12) ?? "?"}`,
      [result.modelPath, result.recordPath]
    );
  }
};
var evaluateStage = {
  name: "evaluate",
  async run(ctx, dir) {
    const model = ctx.paths.model ?? ctx.config.train?.model;
    if (!model)
      throw new InputError("evaluate: no model (the train stage did not run and train.model is not set)");
    const { buildEvaluateRequest } = await import("./evaluate-options-W3QRYQSP.js");
    const { evaluate } = await import("./evaluate-WJV2VIH6.js");
    const request = await buildEvaluateRequest(
      { model, validation: ctx.paths.validation, out: dir },
      ctx.config,
      ctx.registry
    );
    const result = await evaluate({ ...request, progress: ctx.progress });
    ctx.paths.evaluation = join(dir, "evaluation.json");
    const e = result.evaluation;
    return {
      verdict: e.verdict === "pass" ? "pass" : "fail",
      summary: e.summary,
      files: result.files,
      markdown: result.markdown
    };
  }
};
var registerStageDescriptor = {
  name: "register",
  async run(ctx) {
    if (!ctx.paths.model) throw new InputError("register: no model (the train stage did not run)");
    const { registerStage } = await import("./register-RVVPUVIR.js");
    const { buildRegisterRequest } = await import("./register-request-T2BLNSFL.js");
    const { options, config, paths } = ctx;
    const request = buildRegisterRequest(
      {
        model: paths.model,
        evaluation: paths.evaluation,
        statistics: paths.statistics,
        training: paths.training,
        by: options.by
      },
      config
    );
    const result = await registerStage({ ...request.stage, env: options.env }, ctx.registry, ctx.progress);
    ctx.registered = result.version;
    const moved = result.aliasEvents.map((e) => `${e.alias} → v${e.to}`).join(", ");
    return stageResult(
      "pass",
      `${result.version.tag}${result.registered ? "" : " (already registered)"}${moved ? `; ${moved}` : ""}`
    );
  }
};
var deployCanaryStage = {
  name: "deploy-canary",
  run: deployCanaryRun
};
async function deployCanaryRun(ctx, dir) {
  const { options, config } = ctx;
  const candidate = ctx.registered;
  if (!candidate) throw new InputError("deploy-canary: no version (the register stage did not run)");
  const { deployCanary } = await import("./deploy-42AAEOTO.js");
  const { buildDeployRequest } = await import("./deploy-request-T3S7KV7O.js");
  const request = await buildDeployRequest(
    {
      version: String(candidate.version),
      replay: config.deploy?.replay ?? config.evaluate?.data ?? config.data?.eval,
      out: dir
    },
    config,
    { configPath: options.configPath, registry: ctx.registry }
  );
  const result = await deployCanary({
    ...request,
    by: options.by ?? "mlci pipeline",
    recorder: options.recorder,
    progress: ctx.progress
  });
  const r = result.report;
  if (r.outcome === "promoted") ctx.production = candidate;
  const verdict = r.outcome === "rolled_back" ? "fail" : r.outcome === "paused" ? "paused" : "pass";
  return {
    ...stageResult(verdict, `${r.outcome.replace("_", " ")}: ${r.reason}`, result.files),
    markdown: result.loadTest?.markdown ?? null
  };
}
var STAGE_DESCRIPTORS = [
  validateDataStage,
  trainStageDescriptor,
  evaluateStage,
  registerStageDescriptor,
  deployCanaryStage
];
async function storedStatistics(registry, production, dir) {
  if (!production?.assets.includes("statistics.json")) return void 0;
  const path = join(dir, "reference-statistics.json");
  await mkdir(dir, { recursive: true });
  await writeFile(path, await registry.download(production.name, production.version, "statistics.json"));
  return path;
}
export {
  STAGE_DESCRIPTORS
};
