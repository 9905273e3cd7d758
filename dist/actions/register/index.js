import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  openRegistry,
  registerStage
} from "../../chunks/chunk-DRMYFQQU.js";
import "../../chunks/chunk-UFIAAMN5.js";
import "../../chunks/chunk-ASXTV7AU.js";
import {
  buildRegisterRequest
} from "../../chunks/chunk-QRDESQ64.js";
import {
  escapeMarkdown,
  renderModelCard
} from "../../chunks/chunk-7VZC23W7.js";
import "../../chunks/chunk-ANVENSJ6.js";
import "../../chunks/chunk-5Z5STRRD.js";
import "../../chunks/chunk-IG76SEAK.js";
import "../../chunks/chunk-R2X24BNK.js";
import "../../chunks/chunk-J2OQGLLM.js";
import "../../chunks/chunk-TDVX5RST.js";
import "../../chunks/chunk-HD4PHYYH.js";
import {
  actionBooleanInput,
  actionInput,
  actionProgress,
  runAction
} from "../../chunks/chunk-CTNLEMLF.js";
import {
  configFileOr,
  loadOptionalConfig
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
import {
  writeJsonAtomic
} from "../../chunks/chunk-A7ELOP3Y.js";
import {
  InputError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/register/main.ts
import { join, resolve } from "node:path";

// src/actions/register/inputs.ts
function readRegisterInputs() {
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
    aliases: actionInput("aliases") || void 0,
    force,
    reason,
    config: configFileOr(actionInput("config")),
    out: actionInput("out", { fallback: "mlci-out/register" })
  };
}

// src/actions/register/main.ts
async function run() {
  await runAction(async () => {
    const inputs = readRegisterInputs();
    const config = await loadOptionalConfig(inputs.config);
    const request = buildRegisterRequest(inputs, config);
    const registry = await openRegistry(request.registry);
    const result = await registerStage(request.stage, registry, actionProgress);
    const out = resolve(inputs.out);
    await writeJsonAtomic(join(out, "registration.json"), {
      registry: inputs.registry,
      registered: result.registered,
      version: result.version,
      aliasEvents: result.aliasEvents
    });
    const card = await registry.download(result.version.name, result.version.version, "model-card.md").then((bytes) => new TextDecoder().decode(bytes)).catch(() => renderModelCard(result.version, null));
    return {
      outputFolder: out,
      outputs: {
        version: String(result.version.version),
        tag: result.version.tag,
        sha256: result.version.sha256,
        created: String(result.registered)
      },
      summary: registrationSummary(result, card)
    };
  });
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
