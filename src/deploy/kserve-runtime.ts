// Does the candidate load in the ONNX Runtime the KServe serving runtime declares? Its opsets and IR
// version against what that ONNX Runtime release implements (deploy/kserve/README.md).
import { CheckFailedError, InputError } from '../core/errors.js';
import { readModelSignature, type ModelSignature } from '../model/signature.js';
import type { Registry } from '../registry/types.js';
import { ONNXRUNTIME_ANNOTATION, renderInferenceService, type KServeOptions } from './kserve.js';

/** The newest ONNX opset, ai.onnx.ml opset and IR version an ONNX Runtime release implements. */
export interface OnnxRuntimeLimits {
  opset: number;
  mlOpset: number;
  irVersion: number;
}

/**
 * ONNX Runtime's compatibility table ("ONNX opset support"; where it comes
 * from: deploy/kserve/README.md): release (major.minor) → ONNX opset, ONNX ML opset, ONNX IR version it implements. A
 * release runs models stamped with any opset from 7 up to these.
 */
const ORT_LIMITS: Record<string, OnnxRuntimeLimits> = {
  '1.20': { opset: 21, mlOpset: 4, irVersion: 10 },
  '1.19': { opset: 21, mlOpset: 4, irVersion: 10 },
  '1.18': { opset: 21, mlOpset: 4, irVersion: 10 },
  '1.17': { opset: 20, mlOpset: 4, irVersion: 9 },
  '1.16': { opset: 19, mlOpset: 3, irVersion: 9 },
  '1.15': { opset: 19, mlOpset: 3, irVersion: 8 },
  '1.14': { opset: 18, mlOpset: 3, irVersion: 8 },
  '1.13': { opset: 17, mlOpset: 3, irVersion: 8 },
  '1.12': { opset: 17, mlOpset: 3, irVersion: 8 },
  '1.11': { opset: 16, mlOpset: 2, irVersion: 8 },
  '1.10': { opset: 15, mlOpset: 2, irVersion: 8 },
  '1.9': { opset: 15, mlOpset: 2, irVersion: 8 },
  '1.8': { opset: 14, mlOpset: 2, irVersion: 7 },
  '1.7': { opset: 13, mlOpset: 2, irVersion: 7 },
  '1.6': { opset: 13, mlOpset: 2, irVersion: 7 },
  '1.5': { opset: 12, mlOpset: 2, irVersion: 7 },
  '1.4': { opset: 12, mlOpset: 2, irVersion: 7 },
  '1.3': { opset: 12, mlOpset: 2, irVersion: 7 },
  '1.2': { opset: 11, mlOpset: 2, irVersion: 6 },
  '1.1': { opset: 11, mlOpset: 2, irVersion: 6 },
  '1.0': { opset: 11, mlOpset: 2, irVersion: 6 }
};

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

/** Checks a declared ONNX Runtime version ("1.16" or "1.16.3"); `where` names the setting in errors. */
export function parseOnnxRuntimeVersion(text: string, where: string): { major: number; minor: number } {
  const m = VERSION.exec(text.trim());
  if (!m)
    throw new InputError(`${where}: got "${text}", expected an ONNX Runtime version such as 1.16 or 1.16.3`);
  return { major: Number(m[1]), minor: Number(m[2]) };
}

const NEWEST = Object.keys(ORT_LIMITS)[0];

/**
 * The limits of a release, or null when it is newer than the table (it implements at least the
 * newest row's). A release older than 1.0 or missing from the table is an input error.
 */
export function onnxRuntimeLimits(text: string, where: string): OnnxRuntimeLimits | null {
  const { major, minor } = parseOnnxRuntimeVersion(text, where);
  const key = `${major}.${minor}`;
  if (ORT_LIMITS[key]) return ORT_LIMITS[key];
  const [newestMajor, newestMinor] = NEWEST.split('.').map(Number);
  if (major > newestMajor || (major === newestMajor && minor > newestMinor)) return null;
  throw new InputError(
    `${where}: ONNX Runtime ${text} is older than 1.0, which serves ONNX models mlci does not support`
  );
}

/** The outcome of the runtime check, in words for loadtest.json and the deployment report. */
export interface RuntimeCheck {
  passed: boolean;
  detail: string;
}

/**
 * The candidate's default-domain opset, ai.onnx.ml opset and IR version against what ONNX Runtime
 * `version` implements; `image` names where the version was declared.
 */
export function checkOnnxRuntime(signature: ModelSignature, version: string, image: string): RuntimeCheck {
  const opset = signature.opset[''] ?? signature.opset['ai.onnx'] ?? 0;
  const mlOpset = signature.opset['ai.onnx.ml'];
  const model = `opset ${opset}${mlOpset === undefined ? '' : `, ai.onnx.ml opset ${mlOpset}`}, IR version ${signature.irVersion}`;
  const limits = onnxRuntimeLimits(version, image);
  const newest = ORT_LIMITS[NEWEST];
  const against = limits ?? newest;
  const supports = `opset ${against.opset}, ai.onnx.ml opset ${against.mlOpset}, IR version ${against.irVersion}`;
  const beyond: string[] = [];
  if (opset > against.opset) beyond.push(`opset ${opset} > ${against.opset}`);
  if (mlOpset !== undefined && mlOpset > against.mlOpset)
    beyond.push(`ai.onnx.ml opset ${mlOpset} > ${against.mlOpset}`);
  if (signature.irVersion > against.irVersion)
    beyond.push(`IR version ${signature.irVersion} > ${against.irVersion}`);
  if (beyond.length === 0)
    return {
      passed: true,
      detail: `model ${model} loads in ONNX Runtime ${version} of ${image} (supports up to ${supports})`
    };
  if (!limits)
    return {
      passed: true,
      detail: `model ${model}: ONNX Runtime ${version} of ${image} is newer than mlci's table (${NEWEST}: up to ${supports}); not checked beyond that`
    };
  return {
    passed: false,
    detail: `model ${model} does not load in ONNX Runtime ${version} of ${image}: it supports up to ${supports} (${beyond.join(', ')}); export the model for that opset or declare a newer runtime`
  };
}

/**
 * The runtime check of one version as the rollout would apply it: the ONNX Runtime version is read
 * back from the rendered manifest's annotation (null when none is declared: nothing to check).
 */
export async function kserveRuntimeCheck(
  registry: Registry,
  model: string,
  version: number,
  kserve: KServeOptions
): Promise<RuntimeCheck | null> {
  const manifest = renderInferenceService({ model, version, ...kserve });
  const declared = manifest.metadata.annotations[ONNXRUNTIME_ANNOTATION];
  if (!declared) return null;
  const bytes = await registry.download(model, version);
  const runtime = kserve.runtime ? `serving runtime ${kserve.runtime}` : 'the serving runtime';
  return checkOnnxRuntime(
    readModelSignature(bytes, `${model}@v${version}`),
    declared,
    `${runtime} (${ONNXRUNTIME_ANNOTATION} of ${manifest.metadata.namespace}/${manifest.metadata.name})`
  );
}

/** Throws CheckFailedError (exit 1) when the check failed: nothing is applied to the cluster. */
export function requireOnnxRuntime(check: RuntimeCheck): void {
  if (!check.passed) throw new CheckFailedError(`KServe runtime check failed: ${check.detail}`);
}
