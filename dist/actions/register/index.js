import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  openRegistry,
  registerStage
} from "../../chunks/chunk-AYR6ABZT.js";
import {
  currentUser,
  escapeMarkdown,
  renderModelCard
} from "../../chunks/chunk-X6AQ5GPO.js";
import "../../chunks/chunk-HWRM5IOQ.js";
import "../../chunks/chunk-XF6WS2KO.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  loadOptionalConfig
} from "../../chunks/chunk-H37KYKCP.js";
import "../../chunks/chunk-U7QWIZPG.js";
import {
  writeJsonAtomic
} from "../../chunks/chunk-5SACKB5O.js";
import "../../chunks/chunk-QMIQ4DPQ.js";
import {
  actionBooleanInput,
  actionInput,
  actionsCore,
  logLine,
  writeJobSummary
} from "../../chunks/chunk-FU7F3K7D.js";
import "../../chunks/chunk-N3GLJ5J5.js";
import {
  InputError,
  MlciError,
  describeError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/register/main.ts
import { join, resolve } from "node:path";

// src/actions/register/inputs.ts
function readRegisterInputs() {
  const aliasText = actionInput("aliases");
  const aliases = aliasText.split(/[,\n]/).map((alias) => alias.trim()).filter((alias) => alias !== "");
  const force = actionBooleanInput("force", false);
  const reason = actionInput("reason") || void 0;
  if (force && !reason)
    throw new InputError('input "force" is true but "reason" is empty: say why (it is recorded)');
  return {
    model: actionInput("model", { required: true }),
    name: actionInput("name") || void 0,
    evaluation: actionInput("evaluation") || void 0,
    statistics: actionInput("statistics") || void 0,
    training: actionInput("training-record") || void 0,
    registry: actionInput("registry", { fallback: "github" }),
    aliases: aliasText === "" ? void 0 : aliases,
    force,
    reason,
    config: actionInput("config", { fallback: "mlci.yml" }),
    out: actionInput("out", { fallback: "mlci-out/register" })
  };
}

// src/actions/register/main.ts
async function run() {
  try {
    const inputs = readRegisterInputs();
    const config = await loadOptionalConfig(inputs.config);
    const name = inputs.name ?? config?.model?.name;
    if (!name) throw new InputError('input "name" is empty and mlci.yml has no model.name');
    const registry = await openRegistry(inputs.registry);
    const result = await registerStage(
      {
        model: inputs.model,
        name,
        evaluation: inputs.evaluation,
        statistics: inputs.statistics,
        training: inputs.training,
        force: inputs.force,
        reason: inputs.reason,
        by: currentUser(),
        aliases: inputs.aliases ?? config?.register?.aliases ?? []
      },
      registry,
      { start: logLine, update() {
      }, finish: (m) => logLine(m ?? "done"), info: logLine }
    );
    const out = resolve(inputs.out);
    await writeJsonAtomic(join(out, "registration.json"), {
      registry: inputs.registry,
      registered: result.registered,
      version: result.version,
      aliasEvents: result.aliasEvents
    });
    const core = await actionsCore();
    core.setOutput("version", String(result.version.version));
    core.setOutput("tag", result.version.tag);
    core.setOutput("sha256", result.version.sha256);
    core.setOutput("created", String(result.registered));
    const card = await registry.download(result.version.name, result.version.version, "model-card.md").then((bytes) => new TextDecoder().decode(bytes)).catch(() => renderModelCard(result.version, null));
    await writeJobSummary(registrationSummary(result, card));
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
function registrationSummary(result, card) {
  const { version } = result;
  const lines = [
    `### 📦 mlci register: \`${version.tag}\` ${result.registered ? "registered" : "already registered (same sha256)"}`,
    ""
  ];
  for (const event of result.aliasEvents) {
    const from = event.from === null ? "nothing" : `v${event.from}`;
    lines.push(`- alias \`${escapeMarkdown(event.alias)}\`: ${from} → v${event.to}`);
  }
  if (result.aliasEvents.length) lines.push("");
  lines.push(card.replace(/^# .*\n/, ""));
  return lines.join("\n");
}

// src/actions/register/index.ts
void run();
