import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  readInput
} from "./chunk-A7ELOP3Y.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/model/mlflow.ts
var import_yaml = __toESM(require_dist(), 1);
import { stat } from "node:fs/promises";
import { isAbsolute, join, normalize, sep } from "node:path";
var MLMODEL = "MLmodel";
async function isMlflowModelDir(path) {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return false;
  return (await stat(join(path, MLMODEL)).catch(() => null))?.isFile() ?? false;
}
var record = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : null;
var text = (v) => typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : void 0;
async function readMlflowModel(dir) {
  const file = join(dir, MLMODEL);
  let doc;
  try {
    doc = (0, import_yaml.parse)(await readInput(file, "MLflow MLmodel", "utf8"), { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not valid YAML (${error.message.split("\n")[0]})`);
  }
  const root = record(doc);
  if (!root) throw new InputError(`${file}: not an MLflow MLmodel (expected a mapping)`);
  const flavors = record(root.flavors);
  if (!flavors) throw new InputError(`${file}: no "flavors" mapping`);
  const onnx = record(flavors.onnx);
  if (!onnx) {
    throw new InputError(
      `${file}: the model has no onnx flavour (flavours: ${Object.keys(flavors).join(", ") || "none"}); log it with mlflow.onnx.log_model, or convert it to ONNX first`
    );
  }
  const data = text(onnx.data);
  if (!data) throw new InputError(`${file}: flavors.onnx.data (the ONNX file) is missing`);
  const relative = normalize(data);
  if (isAbsolute(relative) || relative === ".." || relative.startsWith(`..${sep}`)) {
    throw new InputError(`${file}: flavors.onnx.data "${data}" points outside the model directory`);
  }
  return {
    dir,
    onnxPath: join(dir, relative),
    columns: signatureColumns(root.signature, file),
    runId: text(root.run_id),
    artifactPath: text(root.artifact_path),
    modelUuid: text(root.model_uuid),
    utcTimeCreated: text(root.utc_time_created),
    mlflowVersion: text(root.mlflow_version)
  };
}
function signatureColumns(signature, file) {
  const inputs = record(signature)?.inputs;
  if (inputs === void 0 || inputs === null) return null;
  let specs;
  try {
    specs = typeof inputs === "string" ? JSON.parse(inputs) : inputs;
  } catch (error) {
    throw new InputError(`${file}: signature.inputs is not JSON (${error.message})`);
  }
  if (!Array.isArray(specs)) throw new InputError(`${file}: signature.inputs is not a JSON array`);
  if (specs.some((s) => record(s)?.type === "tensor")) return null;
  return specs.map((s, i) => {
    const spec = record(s);
    const name = text(spec?.name);
    const type = text(spec?.type);
    if (!name || !type)
      throw new InputError(
        `${file}: signature input ${i + 1} has no name or type (column-based inputs need both)`
      );
    return { name, type };
  });
}
function mlflowLineage(model) {
  const out = {};
  if (model.runId) out.runId = model.runId;
  if (model.artifactPath) out.artifactPath = model.artifactPath;
  if (model.modelUuid) out.modelUuid = model.modelUuid;
  return Object.keys(out).length > 0 ? out : void 0;
}

export {
  isMlflowModelDir,
  readMlflowModel,
  mlflowLineage
};
