import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import "./chunk-3CG65SHH.js";

// src/core/native.ts
import { createRequire } from "node:module";
import { join } from "node:path";
function runtimeRequire() {
  const dir = process.env.MLCI_RUNTIME_DIR;
  return dir ? createRequire(join(dir, "package.json")) : null;
}
async function loadOnnxRuntime() {
  const require2 = runtimeRequire();
  return require2 ? require2("onnxruntime-node") : import("onnxruntime-node");
}
async function loadDuckDB() {
  const require2 = runtimeRequire();
  return require2 ? require2("@duckdb/node-api") : import("@duckdb/node-api");
}
async function loadDuckDBBindings() {
  const require2 = runtimeRequire();
  return require2 ? require2("@duckdb/node-bindings") : import("@duckdb/node-bindings");
}
export {
  loadDuckDB,
  loadDuckDBBindings,
  loadOnnxRuntime
};
