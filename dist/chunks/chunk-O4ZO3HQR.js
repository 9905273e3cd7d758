import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ONNXRUNTIME_ANNOTATION,
  renderInferenceService
} from "./chunk-MOGPTYAV.js";
import {
  readModelSignature
} from "./chunk-R2X24BNK.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/deploy/kserve-runtime.ts
var ORT_LIMITS = {
  "1.20": { opset: 21, mlOpset: 4, irVersion: 10 },
  "1.19": { opset: 21, mlOpset: 4, irVersion: 10 },
  "1.18": { opset: 21, mlOpset: 4, irVersion: 10 },
  "1.17": { opset: 20, mlOpset: 4, irVersion: 9 },
  "1.16": { opset: 19, mlOpset: 3, irVersion: 9 },
  "1.15": { opset: 19, mlOpset: 3, irVersion: 8 },
  "1.14": { opset: 18, mlOpset: 3, irVersion: 8 },
  "1.13": { opset: 17, mlOpset: 3, irVersion: 8 },
  "1.12": { opset: 17, mlOpset: 3, irVersion: 8 },
  "1.11": { opset: 16, mlOpset: 2, irVersion: 8 },
  "1.10": { opset: 15, mlOpset: 2, irVersion: 8 },
  "1.9": { opset: 15, mlOpset: 2, irVersion: 8 },
  "1.8": { opset: 14, mlOpset: 2, irVersion: 7 },
  "1.7": { opset: 13, mlOpset: 2, irVersion: 7 },
  "1.6": { opset: 13, mlOpset: 2, irVersion: 7 },
  "1.5": { opset: 12, mlOpset: 2, irVersion: 7 },
  "1.4": { opset: 12, mlOpset: 2, irVersion: 7 },
  "1.3": { opset: 12, mlOpset: 2, irVersion: 7 },
  "1.2": { opset: 11, mlOpset: 2, irVersion: 6 },
  "1.1": { opset: 11, mlOpset: 2, irVersion: 6 },
  "1.0": { opset: 11, mlOpset: 2, irVersion: 6 }
};
var VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;
function parseOnnxRuntimeVersion(text, where) {
  const m = VERSION.exec(text.trim());
  if (!m)
    throw new InputError(`${where}: got "${text}", expected an ONNX Runtime version such as 1.16 or 1.16.3`);
  return { major: Number(m[1]), minor: Number(m[2]) };
}
var NEWEST = Object.keys(ORT_LIMITS)[0];
function onnxRuntimeLimits(text, where) {
  const { major, minor } = parseOnnxRuntimeVersion(text, where);
  const key = `${major}.${minor}`;
  if (ORT_LIMITS[key]) return ORT_LIMITS[key];
  const [newestMajor, newestMinor] = NEWEST.split(".").map(Number);
  if (major > newestMajor || major === newestMajor && minor > newestMinor) return null;
  throw new InputError(
    `${where}: ONNX Runtime ${text} is older than 1.0, which serves ONNX models mlci does not support`
  );
}
function checkOnnxRuntime(signature, version, image) {
  const opset = signature.opset[""] ?? signature.opset["ai.onnx"] ?? 0;
  const mlOpset = signature.opset["ai.onnx.ml"];
  const model = `opset ${opset}${mlOpset === void 0 ? "" : `, ai.onnx.ml opset ${mlOpset}`}, IR version ${signature.irVersion}`;
  const limits = onnxRuntimeLimits(version, image);
  const newest = ORT_LIMITS[NEWEST];
  const against = limits ?? newest;
  const supports = `opset ${against.opset}, ai.onnx.ml opset ${against.mlOpset}, IR version ${against.irVersion}`;
  const beyond = [];
  if (opset > against.opset) beyond.push(`opset ${opset} > ${against.opset}`);
  if (mlOpset !== void 0 && mlOpset > against.mlOpset)
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
    detail: `model ${model} does not load in ONNX Runtime ${version} of ${image}: it supports up to ${supports} (${beyond.join(", ")}); export the model for that opset or declare a newer runtime`
  };
}
async function kserveRuntimeCheck(registry, model, version, kserve) {
  const manifest = renderInferenceService({ model, version, ...kserve });
  const declared = manifest.metadata.annotations[ONNXRUNTIME_ANNOTATION];
  if (!declared) return null;
  const bytes = await registry.download(model, version);
  const runtime = kserve.runtime ? `serving runtime ${kserve.runtime}` : "the serving runtime";
  return checkOnnxRuntime(
    readModelSignature(bytes, `${model}@v${version}`),
    declared,
    `${runtime} (${ONNXRUNTIME_ANNOTATION} of ${manifest.metadata.namespace}/${manifest.metadata.name})`
  );
}
function requireOnnxRuntime(check) {
  if (!check.passed) throw new CheckFailedError(`KServe runtime check failed: ${check.detail}`);
}

export {
  parseOnnxRuntimeVersion,
  onnxRuntimeLimits,
  checkOnnxRuntime,
  kserveRuntimeCheck,
  requireOnnxRuntime
};
