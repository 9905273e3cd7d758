import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  parseMemoryLimit
} from "./chunk-BQLEISGD.js";
import {
  parseDelimiter,
  parseFormat
} from "./chunk-YP4LPTRV.js";
import {
  built
} from "./chunk-NVKBQ6B4.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/validate-data-request.ts
function buildValidateDataRequest(flags, config) {
  const data = flags.data ?? config?.data?.eval ?? config?.data?.train;
  if (!data) throw new InputError("--data is required (or set data.eval / data.train in mlci.yml)");
  const source = {
    ...config?.data,
    ...flags.format !== void 0 ? { format: parseFormat(flags.format, "--format") } : {},
    ...flags.delimiter !== void 0 ? { delimiter: parseDelimiter(flags.delimiter, "--delimiter") } : {}
  };
  return built("validate-data", {
    data,
    reference: flags.reference ?? config?.data?.reference,
    schema: flags.schema ?? config?.data?.schema,
    label: flags.label ?? config?.model?.label,
    task: config?.model?.task,
    labelOptional: flags.label === void 0,
    train: flags.train,
    out: flags.out,
    config: source,
    memoryLimit: flags.memoryLimit === void 0 ? void 0 : parseMemoryLimit(flags.memoryLimit, "--memory-limit")
  });
}

export {
  buildValidateDataRequest
};
