import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  buildTrainRequest
} from "../../chunks/chunk-GTWPBDPG.js";
import {
  trainCacheKey,
  trainStage
} from "../../chunks/chunk-MRNSIMXJ.js";
import "../../chunks/chunk-WAJABHFO.js";
import "../../chunks/chunk-3U3CFE5T.js";
import "../../chunks/chunk-4JPR7HNQ.js";
import "../../chunks/chunk-5CQ3ZZSA.js";
import {
  parseParams
} from "../../chunks/chunk-P2GYK6TD.js";
import "../../chunks/chunk-R2X24BNK.js";
import "../../chunks/chunk-J2OQGLLM.js";
import "../../chunks/chunk-CZJ54TB3.js";
import "../../chunks/chunk-BQLEISGD.js";
import "../../chunks/chunk-5QWN2HOG.js";
import "../../chunks/chunk-36UX5SSD.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  actionBooleanInput,
  actionInput,
  actionProgress,
  logLine,
  runAction
} from "../../chunks/chunk-CTNLEMLF.js";
import {
  configFileOr,
  loadConfig
} from "../../chunks/chunk-RF2U6RXN.js";
import "../../chunks/chunk-ALJEQPYT.js";
import "../../chunks/chunk-YP4LPTRV.js";
import "../../chunks/chunk-NVKBQ6B4.js";
import "../../chunks/chunk-USV7Y6Q5.js";
import "../../chunks/chunk-5FF76VVQ.js";
import "../../chunks/chunk-J2XJ3L6O.js";
import "../../chunks/chunk-4N7NCSDY.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-RDRUDDB3.js";
import "../../chunks/chunk-KFMS7UDB.js";
import "../../chunks/chunk-A7ELOP3Y.js";
import {
  InputError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/train/main.ts
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// src/actions/train/inputs.ts
function readTrainInputs(env = process.env) {
  const phase = (env.MLCI_TRAIN_PHASE ?? "train").trim();
  if (phase !== "cache-key" && phase !== "train")
    throw new InputError(`MLCI_TRAIN_PHASE: got "${phase}", expected cache-key or train`);
  return {
    config: configFileOr(actionInput("config")),
    command: actionInput("command") || void 0,
    set: parseParams(actionInput("set"), 'input "set"'),
    seed: actionInput("seed") || void 0,
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
  await runAction(
    async () => {
      const inputs = readTrainInputs();
      const config = await loadConfig(inputs.config);
      outDir = resolve(inputs.out);
      const options = {
        ...buildTrainRequest({ ...inputs, out: outDir }, config, { configPath: inputs.config }),
        progress: { ...actionProgress, finish() {
        } },
        onOutput: (text) => process.stdout.write(text)
      };
      if (inputs.phase === "cache-key") {
        const key = await trainCacheKey(options);
        logLine(`mlci train: cache key ${key.key} (${key.note})`);
        return {
          outputs: {
            key: key.key,
            path: key.dir,
            enabled: String(key.enabled && !inputs.force && !inputs.checkReproducible)
          }
        };
      }
      const result = await trainStage(options);
      return {
        outputFolder: outDir,
        outputs: {
          model: result.modelPath,
          sha256: result.record.model?.sha256 ?? "",
          "cache-hit": String(result.cacheHit),
          "training-record": result.recordPath,
          status: result.record.status
        },
        summary: trainingSummary(result.record, result.cacheHit)
      };
    },
    {
      // A failed run still wrote its record: its checks are what the user needs to see.
      onError: async () => {
        const record = outDir ? await readRecord(join(outDir, "training.json")) : null;
        if (!record || !outDir) return null;
        return {
          outputFolder: outDir,
          outputs: { "training-record": join(outDir, "training.json"), status: record.status },
          summary: trainingSummary(record, false)
        };
      }
    }
  );
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
