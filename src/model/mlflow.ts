import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../core/errors.js';
import { readInput } from '../core/files.js';

/** The file MLflow writes at the root of every model directory. */
export const MLMODEL = 'MLmodel';

/** One input column of an MLflow column-based signature. */
export interface MlflowColumn {
  name: string;
  /** MLflow's type: double, float, long, integer, string, boolean, binary, datetime. */
  type: string;
}

/** What mlci reads from an MLflow model directory whose MLmodel has the `onnx` flavour. */
export interface MlflowModel {
  /** The model directory. */
  dir: string;
  /** The ONNX file (flavors.onnx.data, inside the directory). */
  onnxPath: string;
  /** Input columns of a column-based signature, in order; null for a tensor signature or none. */
  columns: MlflowColumn[] | null;
  runId?: string;
  artifactPath?: string;
  modelUuid?: string;
  utcTimeCreated?: string;
  mlflowVersion?: string;
}

/** Lineage facts of an MLflow model, as the registry records them. */
export interface MlflowLineage {
  runId?: string;
  artifactPath?: string;
  modelUuid?: string;
}

/** Whether `path` is a directory holding an MLmodel file (an MLflow model). */
export async function isMlflowModelDir(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return false;
  return (await stat(join(path, MLMODEL)).catch(() => null))?.isFile() ?? false;
}

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** Reads an MLflow model directory; errors name the MLmodel file and the key at fault. */
export async function readMlflowModel(dir: string): Promise<MlflowModel> {
  const file = join(dir, MLMODEL);
  let doc: unknown;
  try {
    doc = parse(await readInput(file, 'MLflow MLmodel', 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const root = record(doc);
  if (!root) throw new InputError(`${file}: not an MLflow MLmodel (expected a mapping)`);
  const flavors = record(root.flavors);
  if (!flavors) throw new InputError(`${file}: no "flavors" mapping`);
  const onnx = record(flavors.onnx);
  if (!onnx) {
    throw new InputError(
      `${file}: the model has no onnx flavour (flavours: ${Object.keys(flavors).join(', ') || 'none'}); log it with mlflow.onnx.log_model, or convert it to ONNX first`
    );
  }
  const data = text(onnx.data);
  if (!data) throw new InputError(`${file}: flavors.onnx.data (the ONNX file) is missing`);
  const relative = normalize(data);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
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

/**
 * The input columns of a column-based signature (`signature.inputs`, a JSON string as MLflow
 * writes it: `[{"type": "double", "name": "age"}, …]`); null for a tensor-based one or none.
 */
function signatureColumns(signature: unknown, file: string): MlflowColumn[] | null {
  const inputs = record(signature)?.inputs;
  if (inputs === undefined || inputs === null) return null;
  let specs: unknown;
  try {
    specs = typeof inputs === 'string' ? JSON.parse(inputs) : inputs;
  } catch (error) {
    throw new InputError(`${file}: signature.inputs is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(specs)) throw new InputError(`${file}: signature.inputs is not a JSON array`);
  if (specs.some((s) => record(s)?.type === 'tensor')) return null;
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

/** The run id, artifact path and model uuid of an MLflow model, for the registry's lineage. */
export function mlflowLineage(model: MlflowModel): MlflowLineage | undefined {
  const out: MlflowLineage = {};
  if (model.runId) out.runId = model.runId;
  if (model.artifactPath) out.artifactPath = model.artifactPath;
  if (model.modelUuid) out.modelUuid = model.modelUuid;
  return Object.keys(out).length > 0 ? out : undefined;
}
