import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-5SACKB5O.js";
import {
  CheckFailedError,
  ExitCode,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/pipeline/pipeline.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
var STAGES = ["validate-data", "train", "evaluate", "register", "deploy-canary"];
function plannedStages(config) {
  const stages = [];
  if (config.data?.train || config.data?.eval) stages.push("validate-data");
  if (config.train) stages.push("train");
  if (config.evaluate || config.data?.eval) stages.push("evaluate");
  if (config.register) stages.push("register");
  if (config.deploy) stages.push("deploy-canary");
  return stages;
}
function parseStages(text, what) {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const name of names) {
    if (!STAGES.includes(name))
      throw new InputError(`${what}: unknown stage "${name}", expected one of ${STAGES.join(", ")}`);
  }
  return names;
}
async function runPipeline(options) {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  const config = options.config;
  const root = dirname(resolve(options.configPath));
  const at = (path) => resolve(root, path);
  const out = resolve(options.out);
  const planned = plannedStages(config);
  const until = options.until ? STAGES.indexOf(options.until) : STAGES.length - 1;
  const wanted = (stage) => planned.includes(stage) && STAGES.indexOf(stage) <= until && !(options.skip ?? []).includes(stage);
  const registrySpec = options.registry ?? config.register?.registry;
  const resolvedSpec = registrySpec && registrySpec !== "github" ? at(registrySpec) : registrySpec;
  const opener = options.openRegistry ?? (async (spec) => (await import("./register-JV7GXVHW.js")).openRegistry(spec, options.env));
  const registry = await opener(resolvedSpec ?? at(".mlci/registry"));
  const name = config.model.name;
  const label = config.model.label;
  const outcomes = [];
  let stopped = null;
  let production = await registry.resolve({ name, alias: "production" });
  let registered = null;
  let evaluationMarkdown = null;
  const paths = {
    statistics: void 0,
    validation: void 0,
    model: void 0,
    training: void 0,
    evaluation: void 0
  };
  const run = async (stage, body) => {
    if (!wanted(stage)) {
      const why = !planned.includes(stage) ? "not configured in mlci.yml" : STAGES.indexOf(stage) > until ? `after --until ${options.until}` : "skipped on request";
      outcomes.push({ stage, status: "skipped", summary: why });
      return;
    }
    if (stopped) {
      outcomes.push({ stage, status: "skipped", summary: `not run: ${stopped}` });
      return;
    }
    const dir = join(out, stage);
    const stageStarted = Date.now();
    progress.info(`── ${stage}`);
    let outcome;
    try {
      outcome = await body(dir);
    } catch (error) {
      if (!(error instanceof CheckFailedError)) throw error;
      outcome = { status: "fail", summary: error.message };
    }
    const seconds = Number(((Date.now() - stageStarted) / 1e3).toFixed(2));
    outcomes.push({ stage, ...outcome, out: relative(out, dir) || ".", seconds });
    progress.info(`   ${stage}: ${outcome.status} — ${outcome.summary} (${seconds} s)`);
    if (outcome.status === "fail") stopped = `${stage} failed`;
  };
  await run("validate-data", async (dir) => {
    const { validateData } = await import("./validate-data-VRMRH3D4.js");
    const reference = await storedStatistics(registry, production, dir) ?? optionalAt(at, config.data?.reference);
    const result2 = await validateData({
      data: at(config.data?.train ?? config.data?.eval),
      reference,
      schema: optionalAt(at, config.data?.schema),
      label,
      out: dir,
      config: config.data,
      progress
    });
    paths.statistics = join(dir, "statistics.json");
    paths.validation = join(dir, "validation.json");
    const r = result2.report;
    const drift = r.dataset_drift ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns` : "";
    return {
      status: result2.exitCode === 0 ? "pass" : "fail",
      summary: `${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings${drift}`
    };
  });
  await run("train", async (dir) => {
    const { trainStage } = await import("./train-KCEQDFP3.js");
    let productionModel;
    if (production) {
      productionModel = join(dir, "production.onnx");
      await mkdir(dir, { recursive: true });
      await writeFile(productionModel, await registry.download(name, production.version));
    }
    const result2 = await trainStage({
      config,
      root,
      overrides: options.overrides,
      seed: options.seed,
      force: options.force,
      out: dir,
      productionModel,
      env: options.env,
      progress,
      onOutput: options.onOutput
    });
    paths.model = result2.modelPath;
    paths.training = result2.recordPath;
    return {
      status: "pass",
      summary: `${relative(out, result2.modelPath)}${result2.cacheHit ? " (cache hit)" : ""}, sha256 ${result2.record.model?.sha256.slice(0, 12) ?? "?"}`
    };
  });
  await run("evaluate", async (dir) => {
    const model = paths.model ?? optionalAt(at, config.train?.model);
    if (!model)
      throw new InputError("evaluate: no model (the train stage did not run and train.model is not set)");
    const { buildEvaluateRequest } = await import("./evaluate-options-TIBCZH7W.js");
    const { evaluate } = await import("./evaluate-UYJFFE5Y.js");
    const evalData = config.evaluate?.data ?? config.data?.eval;
    const request = await buildEvaluateRequest(
      { model, data: evalData ? at(evalData) : void 0, validation: paths.validation, out: dir },
      config,
      registry
    );
    if (request.baseline) request.baseline = at(request.baseline);
    const result2 = await evaluate({ ...request, progress });
    paths.evaluation = join(dir, "evaluation.json");
    evaluationMarkdown = result2.markdown;
    const e = result2.evaluation;
    return {
      status: e.verdict === "pass" ? "pass" : "fail",
      summary: e.summary
    };
  });
  await run("register", async () => {
    if (!paths.model) throw new InputError("register: no model (the train stage did not run)");
    const { registerStage } = await import("./register-JV7GXVHW.js");
    const result2 = await registerStage(
      {
        model: paths.model,
        name,
        evaluation: paths.evaluation,
        statistics: paths.statistics,
        training: paths.training,
        aliases: config.register?.aliases,
        by: options.by,
        env: options.env
      },
      registry,
      progress
    );
    registered = result2.version;
    const moved = result2.aliasEvents.map((e) => `${e.alias} → v${e.to}`).join(", ");
    return {
      status: "pass",
      summary: `${result2.version.tag}${result2.registered ? "" : " (already registered)"}${moved ? `; ${moved}` : ""}`
    };
  });
  await run("deploy-canary", async (dir) => {
    const candidate = registered;
    if (!candidate) throw new InputError("deploy-canary: no version (the register stage did not run)");
    if (production?.version === candidate.version)
      return { status: "pass", summary: `v${candidate.version} is already production: nothing to roll out` };
    if (!production) {
      await registry.promote(
        name,
        candidate.version,
        "production",
        options.by ?? "mlci pipeline",
        "first version"
      );
      production = candidate;
      return {
        status: "pass",
        summary: `first version: v${candidate.version} is production (no canary without a stable version)`
      };
    }
    const { deployCanary, deploySettings } = await import("./deploy-B566ZULM.js");
    const settings = deploySettings(config.deploy);
    const replay = settings.replay ?? config.evaluate?.data ?? config.data?.eval;
    const result2 = await deployCanary({
      ...settings,
      model: name,
      version: candidate.version,
      registry,
      replay: replay ? at(replay) : void 0,
      dropColumns: label ? [label] : [],
      stateFile: join(dir, "deploy-state.json"),
      out: dir,
      by: options.by,
      recorder: options.recorder,
      progress
    });
    const r = result2.report;
    if (r.outcome === "promoted") production = candidate;
    return {
      status: r.outcome === "rolled_back" ? "fail" : "pass",
      summary: `${r.outcome.replace("_", " ")}: ${r.reason}`
    };
  });
  const finalProduction = production?.version ?? null;
  const verdict = outcomes.some((o) => o.status === "fail") ? "fail" : "pass";
  const result = {
    model: name,
    verdict,
    stages: outcomes,
    version: registered?.version ?? null,
    production: finalProduction,
    evaluationMarkdown,
    seconds: Number(((Date.now() - started) / 1e3).toFixed(2)),
    exitCode: verdict === "pass" ? ExitCode.Pass : ExitCode.CheckFailed
  };
  await writeJsonAtomic(join(out, "pipeline.json"), { ...result, evaluationMarkdown: void 0 });
  await writeFileAtomic(join(out, "pipeline.md"), pipelineMarkdown(result));
  return result;
}
function optionalAt(at, path) {
  return path ? at(path) : void 0;
}
async function storedStatistics(registry, production, dir) {
  if (!production?.assets.includes("statistics.json")) return void 0;
  const path = join(dir, "reference-statistics.json");
  await mkdir(dir, { recursive: true });
  await writeFile(path, await registry.download(production.name, production.version, "statistics.json"));
  return path;
}
function pipelineMarkdown(result) {
  const icon = { pass: "✅", fail: "❌", skipped: "⏭️" };
  const escape = (text) => text.replace(/[|<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/@/g, "@​");
  const lines = [
    `## mlci pipeline: ${result.verdict === "pass" ? "✅ pass" : "❌ fail"} — ${escape(result.model)}`,
    "",
    "| stage | result | details | time |",
    "|---|---|---|---:|",
    ...result.stages.map(
      (s) => `| ${s.stage} | ${icon[s.status]} ${s.status} | ${escape(s.summary)} | ${s.seconds === void 0 ? "" : `${s.seconds} s`} |`
    ),
    "",
    `Production: ${result.production === null ? "none" : `v${result.production}`}` + (result.version === null ? "" : ` · registered by this run: v${result.version}`)
  ];
  if (result.evaluationMarkdown) lines.push("", result.evaluationMarkdown);
  return lines.join("\n") + "\n";
}

export {
  STAGES,
  plannedStages,
  parseStages,
  runPipeline,
  pipelineMarkdown
};
