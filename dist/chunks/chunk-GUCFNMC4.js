import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  stageResult
} from "./chunk-DXV7262R.js";
import {
  PRODUCTION_ALIAS
} from "./chunk-IG76SEAK.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  escapeMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  ExitCode,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/pipeline.ts
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
  const registry = await openPipelineRegistry(options);
  const state = await startPipeline(options, registry);
  return finishPipeline(options, await runPipelineStages(options, registry, state, STAGES));
}
async function openPipelineRegistry(options) {
  const registrySpec = options.registry ?? options.config.register?.registry;
  const opener = options.openRegistry ?? (async (spec) => (await import("./register-RVVPUVIR.js")).openRegistry(spec, options.env));
  return opener(registrySpec ?? resolve(pipelineRoot(options), ".mlci/registry"));
}
function pipelineRoot(options) {
  return dirname(resolve(options.configPath));
}
async function startPipeline(options, registry) {
  return {
    started: Date.now(),
    production: await registry.resolve({ name: options.config.model.name, alias: PRODUCTION_ALIAS }),
    registered: null,
    paths: {},
    outcomes: [],
    stopped: null,
    evaluationMarkdown: null
  };
}
async function runPipelineStages(options, registry, state, stages) {
  const context = {
    options,
    config: options.config,
    root: pipelineRoot(options),
    out: resolve(options.out),
    registry,
    progress: options.progress ?? silentProgress,
    production: state.production,
    registered: state.registered,
    paths: { ...state.paths }
  };
  const { STAGE_DESCRIPTORS } = await import("./stages-ZM3GGBPC.js");
  const outcomes = [...state.outcomes];
  let { stopped, evaluationMarkdown } = state;
  for (const stage of STAGE_DESCRIPTORS.filter((d) => stages.includes(d.name))) {
    const skipped = stopped ? `not run: ${stopped}` : whySkipped(stage.name, options);
    if (skipped) {
      outcomes.push({ stage: stage.name, status: "skipped", summary: skipped });
      continue;
    }
    const { outcome, markdown } = await runStage(stage, context);
    outcomes.push(outcome);
    if (stage.name === "evaluate") evaluationMarkdown = markdown;
    if (outcome.status === "fail") stopped = `${stage.name} failed`;
  }
  const { production, registered, paths } = context;
  return { ...state, production, registered, paths, outcomes, stopped, evaluationMarkdown };
}
function stageWillRun(stage, options, state) {
  return state.stopped === null && whySkipped(stage, options) === null;
}
async function finishPipeline(options, state) {
  const { outcomes } = state;
  const verdict = outcomes.some((o) => o.status === "fail") ? "fail" : "pass";
  const result = {
    model: options.config.model.name,
    verdict,
    stages: outcomes,
    version: state.registered?.version ?? null,
    production: state.production?.version ?? null,
    evaluationMarkdown: state.evaluationMarkdown,
    seconds: Number(((Date.now() - state.started) / 1e3).toFixed(2)),
    exitCode: verdict === "pass" ? ExitCode.Pass : ExitCode.CheckFailed
  };
  const out = resolve(options.out);
  await writeJsonAtomic(join(out, "pipeline.json"), { ...result, evaluationMarkdown: void 0 });
  await writeFileAtomic(join(out, "pipeline.md"), pipelineMarkdown(result));
  return result;
}
function whySkipped(stage, options) {
  if (!plannedStages(options.config).includes(stage)) return "not configured in mlci.yml";
  if (options.until && STAGES.indexOf(stage) > STAGES.indexOf(options.until))
    return `after --until ${options.until}`;
  if ((options.skip ?? []).includes(stage)) return "skipped on request";
  return null;
}
async function runStage(stage, context) {
  const dir = join(context.out, stage.name);
  const stageStarted = Date.now();
  context.progress.info(`── ${stage.name}`);
  let result;
  try {
    result = await stage.run(context, dir);
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    result = stageResult("fail", error.message);
  }
  const seconds = Number(((Date.now() - stageStarted) / 1e3).toFixed(2));
  const status = result.verdict === "fail" ? "fail" : "pass";
  context.progress.info(`   ${stage.name}: ${status} — ${result.summary} (${seconds} s)`);
  return {
    outcome: {
      stage: stage.name,
      status,
      summary: result.summary,
      out: relative(context.out, dir) || ".",
      seconds
    },
    markdown: result.markdown
  };
}
function pipelineMarkdown(result) {
  const icon = { pass: "✅", fail: "❌", skipped: "⏭️" };
  const escape = (text) => escapeMarkdown(text, Number.POSITIVE_INFINITY);
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
  openPipelineRegistry,
  startPipeline,
  runPipelineStages,
  stageWillRun,
  finishPipeline,
  pipelineMarkdown
};
