import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  currentUser
} from "./chunk-7VZC23W7.js";
import {
  parseList
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/register-request.ts
function buildRegisterRequest(flags, config) {
  if (!flags.model) throw new InputError("--model is required (the ONNX model to register)");
  const name = flags.name ?? config?.model?.name;
  if (!name) throw new InputError("--name is required (or a mlci.yml with model.name)");
  if (flags.force && !flags.reason) throw new InputError("--force needs --reason (the forcing is recorded)");
  return built("register", {
    stage: {
      model: flags.model,
      name,
      evaluation: flags.evaluation,
      statistics: flags.statistics,
      training: flags.training,
      force: flags.force ?? false,
      reason: flags.reason,
      by: flags.by ?? currentUser(),
      aliases: aliasList(flags.aliases) ?? config?.register?.aliases ?? [],
      moveAliasesIfRegistered: flags.moveAliases ?? false
    },
    registry: flags.registry ?? config?.register?.registry
  });
}
function aliasList(aliases) {
  if (Array.isArray(aliases)) return aliases;
  return parseList(aliases?.replace(/\n/g, ","), "--alias");
}

export {
  buildRegisterRequest
};
