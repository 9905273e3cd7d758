import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import "./chunk-3CG65SHH.js";

// src/core/native.ts
import { createRequire } from "node:module";
import { join } from "node:path";
function runtimeRequire() {
  const dir = process.env.MLCI_RUNTIME_DIR;
  return createRequire(dir ? join(dir, "package.json") : import.meta.url);
}
async function loadOnnxRuntime() {
  return runtimeRequire()("onnxruntime-node");
}
async function loadDuckDB() {
  return runtimeRequire()("@duckdb/node-api");
}
async function loadDuckDBBindings() {
  return runtimeRequire()("@duckdb/node-bindings");
}
export {
  loadDuckDB,
  loadDuckDBBindings,
  loadOnnxRuntime
};
