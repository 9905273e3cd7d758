import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  escapeMarkdown
} from "./chunk-KFMS7UDB.js";

// src/deploy/report.ts
var ICON = { pass: "✅", fail: "❌", inconclusive: "⏸️" };
var OUTCOME = {
  promoted: "✅ promoted",
  rolled_back: "❌ rolled back",
  paused: "⏸️ paused (inconclusive)"
};
function resumeInstruction(model, version, via) {
  return via === "cli" ? `run \`mlci deploy-canary --model ${model} --version v${version} --resume\` with the same options` : `run the workflow again for version v${version} with \`resume: true\``;
}
function pauseWarning(model, report, resume) {
  return `canary ${model}@v${report.version} paused, not finished: ${report.reason}. To carry on, ${resume}.`;
}
function rolloutMarkdown(model, report, target, alias, resume) {
  const lines = [`## Canary ${model}@v${report.version}: ${OUTCOME[report.outcome]}`, ""];
  if (report.outcome === "paused") {
    const weight = report.pausedAt ? `stays at ${report.pausedAt.weight} %` : "keeps its share of traffic";
    lines.push(
      "> [!WARNING]",
      `> **Paused, not finished.** The analysis was inconclusive; the canary ${weight} and the alias did not move.`,
      `> To carry on, ${resume ?? `run \`mlci deploy-canary --resume\` or the workflow again with \`resume: true\``}.`,
      ""
    );
  }
  lines.push(
    `Target: ${escape(target)} · stable before: ${report.stable > 0 ? `v${report.stable}` : "none"}${report.steps.length > 0 ? ` · steps: ${report.steps.join(" → ")} %` : ""}`,
    "",
    `**Reason:** ${escape(report.reason)}`,
    ""
  );
  if (alias) lines.push(alias, "");
  if (report.analyses.length > 0) {
    lines.push(
      "| step | weight | canary / stable requests | error rate excess | median latency / limit | divergence | verdict |",
      "|---|---|---|---|---|---|---|"
    );
    for (const a of report.analyses) {
      const m = Object.fromEntries(a.analysis.metrics.map((x) => [x.name, x]));
      const cell = (x, digits, unit = "") => x?.value === null || x?.value === void 0 ? "n/a" : `${x.value.toFixed(digits)}${unit}`;
      const limit = /= ([0-9.]+ ms)$/.exec(m.p99_latency?.condition ?? "")?.[1] ?? "n/a";
      lines.push(
        `| ${a.step}${a.attempt > 1 ? ` (try ${a.attempt})` : ""} | ${a.weight} % | ${a.analysis.canary.requests} / ${a.analysis.stable.requests} | ${cell(m.error_rate, 4)} | ${cell(m.p99_latency, 2, " ms")} / ${limit} | ${cell(m.divergence, 3)} | ${ICON[a.analysis.verdict]} ${a.analysis.verdict} |`
      );
    }
    lines.push("");
    const last = report.analyses[report.analyses.length - 1];
    lines.push(`Last analysis (step ${last.step}, ${last.weight} %):`, "");
    for (const x of last.analysis.metrics) lines.push(`- ${ICON[x.status]} ${escape(x.detail)}`);
    lines.push("");
  }
  return lines.join("\n");
}
function escape(text) {
  return escapeMarkdown(text, Number.POSITIVE_INFINITY);
}

export {
  resumeInstruction,
  pauseWarning,
  rolloutMarkdown
};
