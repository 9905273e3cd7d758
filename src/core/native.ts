import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The one way mlci loads its native packages. The actions install them once per job outside the
 * workspace (actions/runtime/setup.sh) and name that folder in MLCI_RUNTIME_DIR; elsewhere (the CLI,
 * tests) they resolve from node_modules as usual. See docs/actions.md's runtime section.
 * They load through require, not import(): the ESM loader's CommonJS wrapper doubled the load of
 * @duckdb/node-api's sixty modules (≈ 200 ms against 100 ms, bench/train/README.md).
 */
function runtimeRequire(): NodeJS.Require {
  const dir = process.env.MLCI_RUNTIME_DIR;
  return createRequire(dir ? join(dir, 'package.json') : import.meta.url);
}

/** onnxruntime-node, from the actions' runtime folder when there is one. */
export async function loadOnnxRuntime(): Promise<typeof import('onnxruntime-node')> {
  return runtimeRequire()('onnxruntime-node') as typeof import('onnxruntime-node');
}

/** @duckdb/node-api, from the actions' runtime folder when there is one. */
export async function loadDuckDB(): Promise<typeof import('@duckdb/node-api')> {
  return runtimeRequire()('@duckdb/node-api') as typeof import('@duckdb/node-api');
}

/** @duckdb/node-bindings (the C API under node-api), from the actions' runtime folder when there is one. */
export async function loadDuckDBBindings(): Promise<typeof import('@duckdb/node-bindings')> {
  return runtimeRequire()('@duckdb/node-bindings') as typeof import('@duckdb/node-bindings');
}
