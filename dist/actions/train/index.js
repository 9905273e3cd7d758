import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  trainCacheKey,
  trainStage
} from "../../chunks/chunk-Z76RRPV4.js";
import "../../chunks/chunk-4QFPQLDZ.js";
import "../../chunks/chunk-3U3CFE5T.js";
import "../../chunks/chunk-OX2YEAMM.js";
import "../../chunks/chunk-HWRM5IOQ.js";
import "../../chunks/chunk-XF6WS2KO.js";
import "../../chunks/chunk-MEXQ2AX4.js";
import "../../chunks/chunk-EGBE5CJD.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  loadConfig
} from "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
import {
  actionBooleanInput,
  actionInput,
  actionsCore,
  logLine
} from "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import {
  InputError,
  MlciError,
  describeError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/train/main.ts
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

// src/actions/train/inputs.ts
function readTrainInputs(env = process.env) {
  const seedText = actionInput("seed");
  if (seedText !== "" && !/^\d+$/.test(seedText))
    throw new InputError(`input "seed": got "${seedText}", expected a whole number ≥ 0`);
  const phase = (env.MLCI_TRAIN_PHASE ?? "train").trim();
  if (phase !== "cache-key" && phase !== "train")
    throw new InputError(`MLCI_TRAIN_PHASE: got "${phase}", expected cache-key or train`);
  return {
    config: actionInput("config", { fallback: "mlci.yml" }),
    command: actionInput("command") || void 0,
    set: actionInput("set").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#")),
    seed: seedText === "" ? void 0 : Number(seedText),
    timeout: actionInput("timeout") || void 0,
    force: actionBooleanInput("force", false),
    cache: actionBooleanInput("cache", true),
    checkReproducible: actionBooleanInput("check-reproducible", false),
    productionModel: actionInput("production-model") || void 0,
    out: actionInput("out", { fallback: "mlci-out/train" }),
    phase
  };
}

// src/actions/train/main.ts
async function run() {
  let outDir;
  try {
    const inputs = readTrainInputs();
    const configPath = resolve(inputs.config);
    const loaded = await loadConfig(inputs.config);
    const config = inputs.cache || !loaded.train ? loaded : { ...loaded, train: { ...loaded.train, cache: false } };
    outDir = resolve(inputs.out);
    const options = {
      config,
      root: dirname(configPath),
      command: inputs.command,
      overrides: inputs.set,
      seed: inputs.seed,
      timeout: inputs.timeout,
      force: inputs.force,
      checkReproducible: inputs.checkReproducible,
      productionModel: inputs.productionModel,
      out: outDir,
      progress: { start: logLine, update() {
      }, finish() {
      }, info: logLine },
      onOutput: (text) => process.stdout.write(text)
    };
    const core = await actionsCore();
    if (inputs.phase === "cache-key") {
      const key = await trainCacheKey(options);
      logLine(`mlci train: cache key ${key.key} (${key.note})`);
      core.setOutput("key", key.key);
      core.setOutput("path", key.dir);
      core.setOutput("enabled", String(key.enabled && !inputs.force && !inputs.checkReproducible));
      return;
    }
    const result = await trainStage(options);
    core.setOutput("model", result.modelPath);
    core.setOutput("sha256", result.record.model?.sha256 ?? "");
    core.setOutput("cache-hit", String(result.cacheHit));
    core.setOutput("training-record", result.recordPath);
    core.setOutput("status", result.record.status);
    await core.summary.addRaw(trainingSummary(result.record, result.cacheHit)).write();
  } catch (error) {
    const core = await actionsCore();
    const message = error instanceof MlciError ? error.message : describeError(error);
    const record = outDir ? await readRecord(join(outDir, "training.json")) : null;
    if (record) {
      core.setOutput("training-record", join(outDir, "training.json"));
      core.setOutput("status", record.status);
      await core.summary.addRaw(trainingSummary(record, false)).write();
    }
    core.setFailed(message);
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
async function readRecord(path) {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return null;
  }
}
function trainingSummary(record, cacheHit) {
  const lines = [];
  const icon = record.status === "pass" ? "✅" : "❌";
  lines.push(`### ${icon} mlci train: ${record.status}${cacheHit ? " (restored from cache)" : ""}`, "");
  lines.push("| | |", "|---|---|");
  lines.push(`| command | \`${code(record.command)}\` |`);
  lines.push(`| seed | ${record.seed} |`);
  if (record.git)
    lines.push(
      `| commit | \`${code(record.git.commit.slice(0, 12))}\`${record.git.dirty ? " (dirty)" : ""} |`
    );
  if (record.model)
    lines.push(
      `| model | \`${code(record.model.path)}\`, sha256 \`${record.model.sha256.slice(0, 16)}\`, ${record.model.bytes} bytes |`
    );
  const p = record.process;
  if (p) {
    const cpu = p.cpu_user_seconds === null ? "n/a" : `${(p.cpu_user_seconds + (p.cpu_system_seconds ?? 0)).toFixed(2)} s`;
    const memory = p.peak_rss_bytes === null ? "n/a" : `${(p.peak_rss_bytes / 1024 ** 2).toFixed(1)} MB`;
    lines.push(`| time | ${p.wall_seconds} s wall, ${cpu} CPU, peak ${memory} |`);
  }
  const curve = record.metrics.loss_curve.filter((point) => point.loss !== null);
  if (curve.length >= 2) {
    lines.push(
      `| loss | ${curve[0].loss.toPrecision(4)} → ${curve[curve.length - 1].loss.toPrecision(4)} over ${record.metrics.loss_points} steps |`
    );
  }
  lines.push(`| cache | ${cell(record.cache.note)} |`);
  if (record.reproducibility) lines.push(`| reproducible | ${cell(record.reproducibility.detail)} |`);
  if (record.github) lines.push(`| run | ${cell(record.github.run_url)} |`);
  lines.push("", "| check | result | detail |", "|---|---|---|");
  for (const check of record.checks) {
    const mark = check.status === "pass" ? "✅" : check.status === "fail" ? "❌" : "➖";
    lines.push(`| ${check.name} | ${mark} ${check.status} | ${cell(check.detail)} |`);
  }
  return lines.join("\n") + "\n";
}
function cell(text) {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, "@​").replace(/\r?\n/g, " ");
}
function code(text) {
  return text.replace(/`/g, "'").replace(/\|/g, "¦").replace(/\r?\n/g, " ");
}

// src/actions/train/index.ts
void run();
